import type { AstNode } from './ast.js';

export type Primitive = string | number | boolean | null;

/** Where a property got its value: the key node (object literal key, or member of a write). */
export interface Origin {
  readonly file: string;
  readonly node: AstNode;
}

export interface Prop {
  readonly values: readonly Value[];
  readonly origin: Origin | undefined;
}

/** One possible value of an expression. */
export type Value =
  | { readonly kind: 'primitive'; readonly value: Primitive }
  | { readonly kind: 'object'; readonly props: ReadonlyMap<string, Prop> }
  | { readonly kind: 'array'; readonly items: readonly (readonly Value[])[] }
  | { readonly kind: 'bytes'; readonly data: Buffer }
  | { readonly kind: 'function'; readonly node: AstNode }
  | { readonly kind: 'unknown' };

export const UNKNOWN: Value = { kind: 'unknown' };
export const UNKNOWN_SET: readonly Value[] = [UNKNOWN];

/** At most this many alternatives are kept per expression; more become unknown. */
export const MAX_ALTERNATIVES = 16;

export function primitive(value: Primitive): Value {
  return { kind: 'primitive', value };
}

function valueKey(value: Value): string | undefined {
  if (value.kind === 'primitive') return `p:${typeof value.value}:${String(value.value)}`;
  if (value.kind === 'unknown') return 'u';
  return undefined;
}

/** Union of value sets, deduplicated, bounded. */
export function union(...sets: readonly (readonly Value[])[]): Value[] {
  const out: Value[] = [];
  const seen = new Set<string>();
  for (const set of sets)
    for (const value of set) {
      const key = valueKey(value);
      if (key !== undefined) {
        if (seen.has(key)) continue;
        seen.add(key);
      }
      if (out.length >= MAX_ALTERNATIVES) {
        if (!seen.has('u')) out.push(UNKNOWN);
        return out;
      }
      out.push(value);
    }
  return out;
}

export function isUnknown(values: readonly Value[]): boolean {
  return values.length === 0 || values.some((v) => v.kind === 'unknown');
}

/** The strings among the possible values. */
export function stringsOf(values: readonly Value[]): string[] {
  return values.flatMap((v) => (v.kind === 'primitive' && typeof v.value === 'string' ? [v.value] : []));
}

/** The one constant string, when every alternative is that string. */
export function onlyString(values: readonly Value[]): string | undefined {
  const strings = stringsOf(values);
  return strings.length === values.length && new Set(strings).size === 1 ? strings[0] : undefined;
}

/** The text a primitive becomes in a string concatenation. */
export function asText(value: Value): string | undefined {
  if (value.kind === 'primitive') return String(value.value);
  if (value.kind === 'bytes') return value.data.toString('utf8');
  return undefined;
}

/** Combines every alternative of each part; unknown when a part is not text. */
export function concatAll(parts: readonly (readonly Value[])[]): Value[] {
  let acc: string[] = [''];
  for (const part of parts) {
    const next: string[] = [];
    for (const prefix of acc)
      for (const value of part) {
        const text = asText(value);
        if (text === undefined) return [UNKNOWN];
        next.push(prefix + text);
        if (next.length > MAX_ALTERNATIVES) return [UNKNOWN];
      }
    acc = next;
  }
  return union(acc.map((s) => primitive(s)));
}

/** Merges the props of object values into one object (later writes win, alternatives kept). */
export function mergeObjects(target: Map<string, Prop>, source: Value, replace: boolean): void {
  if (source.kind !== 'object') return;
  for (const [key, prop] of source.props) {
    const existing = target.get(key);
    target.set(
      key,
      replace || !existing
        ? prop
        : { values: union(existing.values, prop.values), origin: prop.origin ?? existing.origin },
    );
  }
}

/** Converts a JSON value into a Value. */
export function fromJson(json: unknown, depth = 0): Value {
  if (depth > 16) return UNKNOWN;
  if (json === null || typeof json === 'string' || typeof json === 'number' || typeof json === 'boolean')
    return primitive(json);
  if (Array.isArray(json))
    return { kind: 'array', items: json.slice(0, 256).map((item) => [fromJson(item, depth + 1)]) };
  if (typeof json === 'object') {
    const props = new Map<string, Prop>();
    for (const [key, item] of Object.entries(json).slice(0, 256))
      props.set(key, { values: [fromJson(item, depth + 1)], origin: undefined });
    return { kind: 'object', props };
  }
  return UNKNOWN;
}
