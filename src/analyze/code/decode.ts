import { MAX_ALTERNATIVES, UNKNOWN, primitive, union, type Value } from './values.js';

/** Text encodings `Buffer.from` and `toString` accept that are worth decoding. */
const ENCODINGS: ReadonlySet<string> = new Set([
  'base64',
  'base64url',
  'hex',
  'utf8',
  'utf-8',
  'latin1',
  'binary',
  'ascii',
]);

function encoding(
  values: readonly Value[] | undefined,
  fallback: BufferEncoding,
): BufferEncoding | undefined {
  if (values === undefined) return fallback;
  const first = values[0];
  if (values.length !== 1 || first?.kind !== 'primitive' || typeof first.value !== 'string') return undefined;
  const name = first.value.toLowerCase();
  return ENCODINGS.has(name) ? (name as BufferEncoding) : undefined;
}

/** `Buffer.from(x, enc)`. */
export function bufferFrom(input: readonly Value[], enc: readonly Value[] | undefined): Value[] {
  const name = encoding(enc, 'utf8');
  if (name === undefined) return [UNKNOWN];
  return input.map((v): Value => {
    if (v.kind === 'primitive' && typeof v.value === 'string')
      return { kind: 'bytes', data: Buffer.from(v.value, name) };
    if (v.kind === 'array') {
      const bytes = v.items.map((item) =>
        item.length === 1 && item[0]?.kind === 'primitive' ? item[0].value : null,
      );
      if (bytes.every((b): b is number => typeof b === 'number'))
        return { kind: 'bytes', data: Buffer.from(bytes) };
    }
    if (v.kind === 'bytes') return v;
    return UNKNOWN;
  });
}

function stringArgs(args: readonly (readonly Value[])[]): (string | undefined)[] {
  return args.map((set) => {
    const first = set[0];
    return set.length === 1 && first?.kind === 'primitive' && typeof first.value === 'string'
      ? first.value
      : undefined;
  });
}

function applyStringMethod(text: string, method: string, args: readonly (readonly Value[])[]): Value {
  const [a, b] = stringArgs(args);
  switch (method) {
    case 'toString':
    case 'valueOf':
    case 'normalize':
      return primitive(text);
    case 'trim':
      return primitive(text.trim());
    case 'toLowerCase':
      return primitive(text.toLowerCase());
    case 'toUpperCase':
      return primitive(text.toUpperCase());
    case 'split':
      if (a === undefined) return UNKNOWN;
      return {
        kind: 'array',
        items: text
          .split(a)
          .slice(0, 4096)
          .map((part) => [primitive(part)]),
      };
    case 'replace':
    case 'replaceAll':
      if (a === undefined || b === undefined) return UNKNOWN;
      return primitive(method === 'replace' ? text.replace(a, () => b) : text.split(a).join(b));
    case 'concat':
      return args.every((_, i) => stringArgs(args)[i] !== undefined)
        ? primitive(text + stringArgs(args).join(''))
        : UNKNOWN;
    case 'slice':
    case 'substring': {
      const nums = args.map((set) =>
        set[0]?.kind === 'primitive' && typeof set[0].value === 'number' ? set[0].value : undefined,
      );
      if (nums.some((n) => n === undefined)) return UNKNOWN;
      return primitive(
        method === 'slice' ? text.slice(nums[0], nums[1]) : text.substring(nums[0] ?? 0, nums[1]),
      );
    }
    default:
      return UNKNOWN;
  }
}

function textOfItems(items: readonly (readonly Value[])[], separator: string): Value {
  const parts: string[] = [];
  for (const item of items) {
    const first = item[0];
    if (item.length !== 1 || first?.kind !== 'primitive') return UNKNOWN;
    parts.push(first.value === null ? '' : String(first.value));
  }
  return primitive(parts.join(separator));
}

/** Calls a known method on constant receivers: string methods, array `join`/`reverse`, `toString` of bytes. */
export function callMethod(
  receivers: readonly Value[],
  method: string,
  args: readonly (readonly Value[])[],
): Value[] {
  const out: Value[] = [];
  for (const receiver of receivers.slice(0, MAX_ALTERNATIVES)) {
    if (receiver.kind === 'primitive' && typeof receiver.value === 'string')
      out.push(applyStringMethod(receiver.value, method, args));
    else if (receiver.kind === 'array') {
      if (method === 'join') {
        const [sep] = stringArgs(args);
        out.push(
          args.length === 0
            ? textOfItems(receiver.items, ',')
            : sep === undefined
              ? UNKNOWN
              : textOfItems(receiver.items, sep),
        );
      } else if (method === 'reverse') out.push({ kind: 'array', items: [...receiver.items].reverse() });
      else if (method === 'concat') out.push(UNKNOWN);
      else out.push(UNKNOWN);
    } else if (receiver.kind === 'bytes' && method === 'toString') {
      const name = encoding(args[0], 'utf8');
      out.push(name === undefined ? UNKNOWN : primitive(receiver.data.toString(name)));
    } else out.push(UNKNOWN);
  }
  return union(out);
}

/** Global decoding functions: `atob`, `decodeURIComponent`, `decodeURI`, `unescape`. */
export function callGlobal(name: string, args: readonly (readonly Value[])[]): Value[] | undefined {
  const input = args[0] ?? [UNKNOWN];
  const decode = (fn: (s: string) => string): Value[] =>
    union(
      input.map((v) => {
        if (v.kind !== 'primitive' || typeof v.value !== 'string') return UNKNOWN;
        try {
          return primitive(fn(v.value));
        } catch {
          return UNKNOWN;
        }
      }),
    );
  switch (name) {
    case 'atob':
      return decode((s) => Buffer.from(s, 'base64').toString('latin1'));
    case 'decodeURIComponent':
      return decode(decodeURIComponent);
    case 'decodeURI':
      return decode(decodeURI);
    case 'String':
      return decode((s) => s);
    default:
      return undefined;
  }
}

/** `String.fromCharCode(…)` / `String.fromCodePoint(…)` over constant numbers (spread arrays included). */
export function fromCharCodes(args: readonly (readonly Value[])[], codePoint: boolean): Value[] {
  const codes: number[] = [];
  for (const set of args) {
    const first = set[0];
    if (set.length !== 1 || first?.kind !== 'primitive' || typeof first.value !== 'number') return [UNKNOWN];
    codes.push(first.value);
  }
  try {
    return [primitive(codePoint ? String.fromCodePoint(...codes) : String.fromCharCode(...codes))];
  } catch {
    return [UNKNOWN];
  }
}
