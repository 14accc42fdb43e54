/** What to do with one archive entry name. */
export type EntryPath = { ok: true; path: string } | { ok: false; code: string; reason: string };

const MAX_PATH_LENGTH = 4096;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
const DRIVE = /^[A-Za-z]:/;

/** A name as it may be shown in a report: bounded and with control characters escaped. */
export function displayName(name: string): string {
  const short = name.length > 200 ? `${name.slice(0, 200)}…` : name;
  return JSON.stringify(short).slice(1, -1);
}

/**
 * The path of a tarball entry inside the package: the first component (`package/` or
 * whatever the top folder is called) removed, `.` and empty segments dropped.
 * Absolute, drive-letter, UNC, backslash and `..` names are refused, never rewritten.
 */
export function tarEntryPath(name: string): EntryPath {
  if (name.length === 0) return { ok: false, code: 'unsafe-path', reason: 'the entry has an empty name' };
  if (name.length > MAX_PATH_LENGTH) {
    return {
      ok: false,
      code: 'unsafe-path',
      reason: `the entry name is longer than ${MAX_PATH_LENGTH} characters`,
    };
  }
  if (CONTROL.test(name)) {
    return { ok: false, code: 'unsafe-path', reason: 'the entry name contains control characters' };
  }
  if (name.includes('\\')) {
    return {
      ok: false,
      code: 'unsafe-path',
      reason: 'the entry name contains a backslash (a Windows path separator)',
    };
  }
  if (name.startsWith('/')) {
    return { ok: false, code: 'absolute-path', reason: 'the entry name is an absolute path' };
  }
  if (DRIVE.test(name)) {
    return { ok: false, code: 'absolute-path', reason: 'the entry name starts with a Windows drive letter' };
  }
  const segments = name.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) {
    return { ok: false, code: 'path-traversal', reason: 'the entry name contains a `..` segment' };
  }
  if (segments.length < 2) {
    return {
      ok: false,
      code: 'outside-package-dir',
      reason: "the entry is not inside the archive's top folder",
    };
  }
  return { ok: true, path: segments.slice(1).join('/') };
}
