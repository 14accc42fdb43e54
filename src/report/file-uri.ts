import { posix, win32 } from 'node:path';

/*
 * File paths to URIs for SARIF, independent of the platform the report is rendered on: a
 * report made on Windows may be rendered on Linux and the other way round.
 */

const WINDOWS_DRIVE = /^[A-Za-z]:[\\/]/;
/** `\\server\share\…`; a path starting with `//` is read as POSIX. */
const UNC = /^\\\\[^\\/]+[\\/]+[^\\/]/;

export function isWindowsAbsolute(path: string): boolean {
  return WINDOWS_DRIVE.test(path) || UNC.test(path);
}

export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || isWindowsAbsolute(path);
}

/** Lone surrogates cannot be percent-encoded as UTF-8; they become U+FFFD. */
function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** Percent-encodes one path segment: everything but RFC 3986 unreserved characters and a few sub-delimiters. */
function encodeSegment(segment: string): string {
  return encodeURIComponent(wellFormed(segment));
}

/** Encodes a `/`-separated relative path as a URI reference. */
export function encodeRelativePath(path: string): string {
  return path.replace(/\\/g, '/').split('/').map(encodeSegment).join('/');
}

/** An absolute POSIX or Windows path (drive or UNC) as a `file:` URI. */
export function toFileUri(path: string): string {
  if (UNC.test(path)) {
    const [host = '', ...rest] = path.replace(/\\/g, '/').replace(/^\/+/, '').split('/');
    return `file://${encodeSegment(host)}/${rest.map(encodeSegment).join('/')}`;
  }
  if (WINDOWS_DRIVE.test(path)) {
    const normal = win32.normalize(path).replace(/\\/g, '/');
    const drive = normal.slice(0, 2).toUpperCase();
    return `file:///${drive}${normal.slice(2).split('/').map(encodeSegment).join('/')}`;
  }
  return `file://${posix.normalize(path).split('/').map(encodeSegment).join('/')}`;
}

/** `file` relative to `base` with `/` separators, or undefined when it is not inside `base`. */
export function relativeInside(base: string, file: string): string | undefined {
  const windows = isWindowsAbsolute(base);
  if (windows !== isWindowsAbsolute(file)) return undefined;
  const path = windows ? win32 : posix;
  const rel = path.relative(base, file);
  if (rel === '' || path.isAbsolute(rel) || rel === '..' || rel.startsWith(`..${path.sep}`)) return undefined;
  return rel.split(path.sep).join('/');
}

/** `folder` as a URI ending in `/`, for SARIF `originalUriBaseIds`. */
export function toFolderUri(folder: string): string {
  const uri = toFileUri(folder);
  return uri.endsWith('/') ? uri : `${uri}/`;
}

/** Joins a relative path onto an absolute folder, in the folder's path style. */
export function joinPath(folder: string, rel: string): string {
  return isWindowsAbsolute(folder) ? win32.join(folder, rel) : posix.join(folder, rel);
}
