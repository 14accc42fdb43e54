import type { Position } from '../../model/server.js';
import type { PathSegment } from './document.js';

/** Where a key and its value start, for one path of a TOML document. */
export interface TomlSpot {
  key: Position;
  value: Position;
}

const BARE = /[A-Za-z0-9_-]/;
const ESCAPES: Record<string, string> = {
  b: '\b',
  t: '\t',
  n: '\n',
  f: '\f',
  r: '\r',
  e: '\u001b',
  '"': '"',
  '\\': '\\',
};

/**
 * Scans a TOML text (already validated by the parser) for the position of every table
 * header, key and array element, keyed by `JSON.stringify(path)`. It reads only what
 * it needs: keys, strings (to skip them) and bracket nesting.
 */
export class TomlPositionScanner {
  readonly spots = new Map<string, TomlSpot>();
  private i = 0;
  private readonly arrayTables = new Map<string, number>();

  constructor(
    private readonly text: string,
    private readonly at: (offset: number) => Position,
  ) {}

  scan(): Map<string, TomlSpot> {
    let table: PathSegment[] = [];
    const { text } = this;
    while (this.i < text.length) {
      const before = this.i;
      this.skipSpace(true);
      const c = text[this.i];
      if (c === undefined) break;
      if (c === '[') {
        const start = this.i;
        const isArray = text[this.i + 1] === '[';
        this.i += isArray ? 2 : 1;
        const raw = this.readKey();
        this.i = Math.max(this.i, text.indexOf(']', this.i) + (isArray ? 2 : 1));
        if (isArray) {
          const base = [...this.resolve(raw.slice(0, -1)), ...raw.slice(-1)];
          const id = JSON.stringify(base);
          const index = (this.arrayTables.get(id) ?? -1) + 1;
          this.arrayTables.set(id, index);
          table = [...base, index];
        } else table = this.resolve(raw);
        this.record(table, start, start);
      } else if (c === '#') {
        this.skipLine();
      } else {
        const start = this.i;
        const key = this.readKey();
        this.skipSpace(false);
        if (text[this.i] !== '=' || key.length === 0) {
          this.skipLine();
        } else {
          this.i++;
          this.skipSpace(false);
          this.value([...table, ...key], start);
        }
      }
      if (this.i <= before) this.i = before + 1;
    }
    return this.spots;
  }

  /** Inserts the current index after every prefix that names an array of tables. */
  private resolve(raw: string[]): PathSegment[] {
    const out: PathSegment[] = [];
    for (const segment of raw) {
      out.push(segment);
      const index = this.arrayTables.get(JSON.stringify(out));
      if (index !== undefined) out.push(index);
    }
    return out;
  }

  private record(path: PathSegment[], keyOffset: number, valueOffset: number): void {
    for (let n = 1; n < path.length; n++) {
      const prefix = JSON.stringify(path.slice(0, n));
      if (!this.spots.has(prefix))
        this.spots.set(prefix, { key: this.at(keyOffset), value: this.at(keyOffset) });
    }
    const id = JSON.stringify(path);
    if (!this.spots.has(id)) this.spots.set(id, { key: this.at(keyOffset), value: this.at(valueOffset) });
  }

  private value(path: PathSegment[], keyOffset: number): void {
    const { text } = this;
    this.record(path, keyOffset, this.i);
    const c = text[this.i];
    if (c === '{') {
      this.i++;
      for (;;) {
        this.skipSpace(true);
        if (this.i >= text.length || text[this.i] === '}') break;
        if (text[this.i] === ',') {
          this.i++;
          continue;
        }
        const start = this.i;
        const key = this.readKey();
        this.skipSpace(false);
        if (text[this.i] !== '=' || key.length === 0) break;
        this.i++;
        this.skipSpace(false);
        this.value([...path, ...key], start);
      }
      this.i++;
    } else if (c === '[') {
      this.i++;
      let index = 0;
      for (;;) {
        this.skipSpace(true);
        const d = text[this.i];
        if (d === undefined || d === ']') break;
        if (d === ',') {
          this.i++;
          continue;
        }
        const before = this.i;
        this.value([...path, index++], this.i);
        if (this.i === before) break;
      }
      this.i++;
    } else if (c === '"' || c === "'") {
      this.readString();
    } else {
      while (this.i < text.length && !/[,\]}\s#]/.test(text[this.i] ?? '')) this.i++;
    }
  }

  /** A dotted key: bare and quoted parts separated by dots. */
  private readKey(): string[] {
    const { text } = this;
    const parts: string[] = [];
    for (;;) {
      this.skipSpace(false);
      const c = text[this.i];
      if (c === '"' || c === "'") parts.push(this.readString());
      else {
        const start = this.i;
        while (BARE.test(text[this.i] ?? '')) this.i++;
        if (this.i === start) break;
        parts.push(text.slice(start, this.i));
      }
      this.skipSpace(false);
      if (text[this.i] !== '.') break;
      this.i++;
    }
    return parts;
  }

  /** Reads any TOML string form at the cursor and returns its decoded text. */
  private readString(): string {
    const { text } = this;
    const quote = text[this.i] ?? '"';
    const triple = text.startsWith(quote.repeat(3), this.i);
    const close = triple ? quote.repeat(3) : quote;
    this.i += close.length;
    let out = '';
    while (this.i < text.length) {
      if (text.startsWith(close, this.i)) {
        this.i += close.length;
        while (triple && text[this.i] === quote) {
          out += quote;
          this.i++;
        }
        return out;
      }
      const c = text[this.i] ?? '';
      if (!triple && c === '\n') return out;
      if (quote === '"' && c === '\\') {
        out += this.readEscape();
        continue;
      }
      out += c;
      this.i++;
    }
    return out;
  }

  private readEscape(): string {
    const { text } = this;
    const e = text[this.i + 1] ?? '';
    const simple = ESCAPES[e];
    if (simple !== undefined) {
      this.i += 2;
      return simple;
    }
    const width = e === 'u' ? 4 : e === 'U' ? 8 : e === 'x' ? 2 : 0;
    if (width > 0) {
      const code = Number.parseInt(text.slice(this.i + 2, this.i + 2 + width), 16);
      this.i += 2 + width;
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    this.i += 2;
    while (/\s/.test(text[this.i] ?? '')) this.i++;
    return '';
  }

  private skipSpace(newlines: boolean): void {
    const { text } = this;
    for (;;) {
      const c = text[this.i];
      if (c === ' ' || c === '\t' || (newlines && (c === '\n' || c === '\r'))) this.i++;
      else if (newlines && c === '#') this.skipLine();
      else return;
    }
  }

  private skipLine(): void {
    const end = this.text.indexOf('\n', this.i);
    this.i = end === -1 ? this.text.length : end + 1;
  }
}
