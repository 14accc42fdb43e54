/**
 * A small semver 2.0.0 implementation: versions, precedence, and npm range syntax
 * (`^ ~ = < <= > >=`, x-ranges, partial versions, hyphen ranges, `||`). As with npm,
 * a prerelease satisfies a range only when a comparator of the same set names a
 * prerelease of the same major.minor.patch.
 */
export interface SemVer {
  major: number;
  minor: number;
  patch: number;
  prerelease: (string | number)[];
}

const NUM = '0|[1-9]\\d*';
const IDENT = '[0-9A-Za-z-]+';
const PRE = `(?:-(${IDENT}(?:\\.${IDENT})*))?`;
const BUILD = `(?:\\+${IDENT}(?:\\.${IDENT})*)?`;
const FULL = new RegExp(`^v?(${NUM})\\.(${NUM})\\.(${NUM})${PRE}${BUILD}$`);
const XR = '(?:0|[1-9]\\d*|x|X|\\*)';
const PARTIAL = new RegExp(`^v?(${XR})(?:\\.(${XR})(?:\\.(${XR})${PRE}${BUILD})?)?$`);

export function parseVersion(text: string): SemVer | undefined {
  const m = FULL.exec(text.trim());
  if (m === null) return undefined;
  const nums = [m[1], m[2], m[3]].map(Number);
  if (nums.some((n) => !Number.isSafeInteger(n))) return undefined;
  return { major: nums[0] ?? 0, minor: nums[1] ?? 0, patch: nums[2] ?? 0, prerelease: splitPre(m[4]) };
}

function splitPre(text: string | undefined): (string | number)[] {
  if (text === undefined || text === '') return [];
  return text.split('.').map((id) => (/^\d+$/.test(id) ? Number(id) : id));
}

export function compareVersions(a: SemVer, b: SemVer): number {
  const main = a.major - b.major || a.minor - b.minor || a.patch - b.patch;
  if (main !== 0) return Math.sign(main);
  if (a.prerelease.length === 0 || b.prerelease.length === 0) {
    return b.prerelease.length - a.prerelease.length === 0 ? 0 : a.prerelease.length === 0 ? 1 : -1;
  }
  for (let i = 0; i < Math.max(a.prerelease.length, b.prerelease.length); i++) {
    const x = a.prerelease[i];
    const y = b.prerelease[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x < y ? -1 : 1;
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

type Op = '<' | '<=' | '>' | '>=' | '=';
interface Comparator {
  op: Op;
  version: SemVer;
}
/** Alternatives (`||`) of sets of comparators that must all hold. */
export type Range = Comparator[][];

const v = (major: number, minor: number, patch: number, prerelease: (string | number)[] = []): SemVer => ({
  major,
  minor,
  patch,
  prerelease,
});
const ANY: Comparator = { op: '>=', version: v(0, 0, 0) };
const NONE: Comparator = { op: '<', version: v(0, 0, 0, [0]) };

interface Partial3 {
  major?: number;
  minor?: number;
  patch?: number;
  prerelease: (string | number)[];
}

function parsePartial(text: string): Partial3 | undefined {
  const m = PARTIAL.exec(text);
  if (m === null) return undefined;
  const num = (s: string | undefined): number | undefined =>
    s === undefined || s === 'x' || s === 'X' || s === '*' ? undefined : Number(s);
  const major = num(m[1]);
  const minor = major === undefined ? undefined : num(m[2]);
  const patch = minor === undefined ? undefined : num(m[3]);
  const out: Partial3 = { prerelease: patch === undefined ? [] : splitPre(m[4]) };
  if (major !== undefined) out.major = major;
  if (minor !== undefined) out.minor = minor;
  if (patch !== undefined) out.patch = patch;
  return out;
}

/** The lowest version a partial names, and the first version past it (`1.2` → 1.2.0, 1.3.0-0). */
function bounds(p: Partial3): { low: SemVer; high: SemVer | undefined } {
  if (p.major === undefined) return { low: v(0, 0, 0), high: undefined };
  if (p.minor === undefined) return { low: v(p.major, 0, 0), high: v(p.major + 1, 0, 0, [0]) };
  if (p.patch === undefined) return { low: v(p.major, p.minor, 0), high: v(p.major, p.minor + 1, 0, [0]) };
  const exact = v(p.major, p.minor, p.patch, p.prerelease);
  return { low: exact, high: undefined };
}

function isExact(p: Partial3): p is Required<Partial3> {
  return p.patch !== undefined;
}

function expand(op: string, p: Partial3): Comparator[] {
  const { low, high } = bounds(p);
  const upTo = (h: SemVer | undefined): Comparator[] => [
    { op: '>=', version: low },
    ...(h ? [{ op: '<' as Op, version: h }] : []),
  ];
  switch (op) {
    case '^': {
      if (p.major === undefined) return [ANY];
      if (p.major > 0 || p.minor === undefined) return upTo(v(p.major + 1, 0, 0, [0]));
      if (p.minor > 0 || p.patch === undefined) return upTo(v(0, p.minor + 1, 0, [0]));
      return upTo(v(0, 0, p.patch + 1, [0]));
    }
    case '~':
    case '~>': {
      if (p.major === undefined) return [ANY];
      if (p.minor === undefined) return upTo(v(p.major + 1, 0, 0, [0]));
      return upTo(v(p.major, p.minor + 1, 0, [0]));
    }
    case '':
    case '=':
      if (isExact(p)) return [{ op: '=', version: low }];
      return p.major === undefined ? [ANY] : upTo(high);
    case '>=':
      return [{ op: '>=', version: low }];
    case '<':
      return p.major === undefined
        ? [NONE]
        : [{ op: '<', version: isExact(p) ? low : v(low.major, low.minor, low.patch, [0]) }];
    case '>':
      if (p.major === undefined) return [NONE];
      return isExact(p) ? [{ op: '>', version: low }] : [{ op: '>=', version: high ?? low }];
    case '<=':
      if (p.major === undefined) return [ANY];
      return isExact(p) ? [{ op: '<=', version: low }] : [{ op: '<', version: high ?? low }];
    default:
      return [NONE];
  }
}

const TOKEN = /^(\^|~>|~|>=|<=|>|<|=)?\s*(\S+)$/;

function parseSet(text: string): Comparator[] | undefined {
  const trimmed = text.trim();
  const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(trimmed);
  if (hyphen !== null) {
    const from = parsePartial(hyphen[1] ?? '');
    const to = parsePartial(hyphen[2] ?? '');
    if (from === undefined || to === undefined) return undefined;
    return [...expand('>=', from), ...expand('<=', to)];
  }
  const parts = trimmed
    .replace(/(\^|~>|~|>=|<=|>|<|=)\s+/g, '$1')
    .split(/\s+/)
    .filter((s) => s !== '');
  if (parts.length === 0) return [ANY];
  const out: Comparator[] = [];
  for (const part of parts) {
    const m = TOKEN.exec(part);
    const partial = m === null ? undefined : parsePartial(m[2] ?? '');
    if (m === null || partial === undefined) return undefined;
    out.push(...expand(m[1] ?? '', partial));
  }
  return out;
}

/** Parses an npm range; undefined when it is not one. */
export function parseRange(text: string): Range | undefined {
  if (text.length > 1024) return undefined;
  const sets: Comparator[][] = [];
  for (const alternative of text.split('||')) {
    const set = parseSet(alternative);
    if (set === undefined) return undefined;
    sets.push(set);
  }
  return sets;
}

function test(c: Comparator, version: SemVer): boolean {
  const cmp = compareVersions(version, c.version);
  switch (c.op) {
    case '<':
      return cmp < 0;
    case '<=':
      return cmp <= 0;
    case '>':
      return cmp > 0;
    case '>=':
      return cmp >= 0;
    case '=':
      return cmp === 0;
  }
}

export function satisfies(version: SemVer, range: Range, includePrerelease = false): boolean {
  return range.some((set) => {
    if (!set.every((c) => test(c, version))) return false;
    if (version.prerelease.length === 0 || includePrerelease) return true;
    return set.some(
      (c) =>
        c.version.prerelease.length > 0 &&
        !(c.op === '<' && c.version.prerelease.length === 1 && c.version.prerelease[0] === 0) &&
        c.version.major === version.major &&
        c.version.minor === version.minor &&
        c.version.patch === version.patch,
    );
  });
}

/** The highest of `versions` in `range`, or undefined. */
export function maxSatisfying(
  versions: Iterable<string>,
  range: Range,
  includePrerelease = false,
): string | undefined {
  let best: { text: string; parsed: SemVer } | undefined;
  for (const text of versions) {
    const parsed = parseVersion(text);
    if (parsed === undefined || !satisfies(parsed, range, includePrerelease)) continue;
    if (best === undefined || compareVersions(parsed, best.parsed) > 0) best = { text, parsed };
  }
  return best?.text;
}
