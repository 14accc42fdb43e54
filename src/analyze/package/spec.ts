import { fail, ok, type Result } from '../../model/result.js';
import { parseRange, parseVersion } from './semver.js';

/** What a registry spec asks for: one version, a range, or a dist-tag. */
export type VersionRequest =
  { kind: 'version'; value: string } | { kind: 'range'; value: string } | { kind: 'tag'; value: string };

/** A parsed npm registry spec: `name`, `name@1.2.3`, `@scope/name@^1`, `name@next`. */
export interface PackageSpec {
  name: string;
  /** `@scope` for scoped names. */
  scope?: string;
  request: VersionRequest;
  /** The spec as written. */
  raw: string;
}

const NAME_PART = /^[A-Za-z0-9~-][A-Za-z0-9._~-]*$/;
const TAG = /^[A-Za-z][A-Za-z0-9._-]*$/;
const MAX_NAME = 214;

/** True for a valid npm package name (scoped or not; upper case allowed as in old packages). */
export function isValidName(name: string): boolean {
  if (name.length === 0 || name.length > MAX_NAME) return false;
  const parts = name.startsWith('@') ? name.slice(1).split('/') : [name];
  if (name.startsWith('@') && parts.length !== 2) return false;
  return parts.every((p) => NAME_PART.test(p) && p !== '.' && p !== '..');
}

/** Parses an npm registry spec; paths, URLs, git and `file:` specs are refused with `bad-spec`. */
export function parseSpec(raw: string): Result<PackageSpec> {
  const spec = raw.trim();
  const at = spec.indexOf('@', spec.startsWith('@') ? 1 : 0);
  const name = at === -1 ? spec : spec.slice(0, at);
  const wanted = at === -1 ? '' : spec.slice(at + 1).trim();
  if (!isValidName(name)) {
    return fail(
      'bad-spec',
      `"${shorten(raw)}" is not an npm package spec: the name must be like \`name\` or \`@scope/name\` (letters, digits, - . _ ~). ` +
        'Give name@version, a folder or a .tgz path.',
    );
  }
  const request = parseRequest(wanted);
  if (request === undefined) {
    return fail(
      'bad-spec',
      `"${shorten(raw)}": "${shorten(wanted)}" is not a version, a semver range or a dist-tag. ` +
        'Use e.g. name@1.2.3, name@^1.2.0 or name@latest.',
    );
  }
  const out: PackageSpec = { name, request, raw: spec };
  if (name.startsWith('@')) out.scope = name.slice(0, name.indexOf('/'));
  return ok(out);
}

function parseRequest(wanted: string): VersionRequest | undefined {
  if (wanted === '' || wanted === 'latest') return { kind: 'tag', value: 'latest' };
  if (parseVersion(wanted) !== undefined) return { kind: 'version', value: wanted.replace(/^v/, '') };
  if (parseRange(wanted) !== undefined) return { kind: 'range', value: wanted };
  if (TAG.test(wanted) && wanted.length <= 128) return { kind: 'tag', value: wanted };
  return undefined;
}

function shorten(text: string): string {
  return JSON.stringify(text.length > 120 ? `${text.slice(0, 120)}…` : text).slice(1, -1);
}

/** The spec written back: `name@request`. */
export function formatSpec(spec: PackageSpec): string {
  return `${spec.name}@${spec.request.value}`;
}
