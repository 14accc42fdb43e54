import type { ConfigFormat } from '../../model/discovery.js';
import type { Position } from '../../model/server.js';

export type PathSegment = string | number;
export type DocPath = readonly PathSegment[];

/** A parsed config file: its plain value, and where each part of it sits in the text. */
export interface ParsedDocument {
  format: ConfigFormat;
  /** Plain data (objects, arrays, scalars); `undefined` for an empty file. */
  value: unknown;
  /** 1-based position of the value at `path`, when known. */
  valueAt(path: DocPath): Position | undefined;
  /** Where the entry at `path` starts: its key for a map entry, else its value. */
  entryAt(path: DocPath): Position | undefined;
}

export type ParseOutcome =
  { ok: true; doc: ParsedDocument } | { ok: false; code: string; message: string; position?: Position };

/** Deeper nesting than this is refused before any recursive walk. */
export const MAX_NESTING = 256;

/** Maps a character offset in `text` to a 1-based line and column. */
export function lineIndex(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
  };
}

/** Sets `key` as an own property, also when it is `__proto__`. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else target[key] = value;
}

/** Rough nesting depth of a text by its brackets, ignoring strings; a guard before recursive parsers. */
export function bracketDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let quote = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === 92) i++;
      else if (c === quote || c === 10) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth > max) max = depth;
    } else if ((c === 125 || c === 93) && depth > 0) depth--;
  }
  return max;
}
