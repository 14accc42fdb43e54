import { open, stat } from 'node:fs/promises';

/** Why a path could not be read as a config file. `absent` is not an error: the file is simply not there. */
export type ReadFailure = { ok: false; code: 'absent' } | { ok: false; code: string; reason: string };
export type ReadOutcome = { ok: true; text: string; bytes: number } | ReadFailure;

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? 'UNKNOWN';
}

/** Maps a filesystem error to a skip code and a reason a user can act on. */
export function describeFsError(error: unknown): ReadFailure {
  const code = errorCode(error);
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return { ok: false, code: 'absent' };
    case 'ELOOP':
      return {
        ok: false,
        code: 'symlink-loop',
        reason: 'symbolic links form a loop (ELOOP); fix or remove the link',
      };
    case 'EACCES':
    case 'EPERM':
      return {
        ok: false,
        code: 'not-readable',
        reason: `permission denied (${code}); run as a user who can read it`,
      };
    case 'EISDIR':
      return { ok: false, code: 'not-a-file', reason: 'a folder is where a config file was expected' };
    case 'ENAMETOOLONG':
      return { ok: false, code: 'bad-path', reason: 'the path is too long for this system' };
    default:
      return { ok: false, code: 'read-error', reason: `could not read the file (${code})` };
  }
}

function decode(buffer: Buffer): string {
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf)
    return buffer.subarray(3).toString('utf8');
  return buffer.toString('utf8');
}

/**
 * Reads a config file with bounds: stat first (a larger file is never read), only regular
 * files (a FIFO would block, a device never ends), and no binary content.
 */
export async function readConfigFile(path: string, maxBytes: number): Promise<ReadOutcome> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    return describeFsError(error);
  }
  if (info.isDirectory()) {
    return { ok: false, code: 'not-a-file', reason: 'a folder is where a config file was expected' };
  }
  if (!info.isFile()) {
    return { ok: false, code: 'not-a-file', reason: 'not a regular file (device, pipe or socket)' };
  }
  if (info.size > maxBytes) {
    return {
      ok: false,
      code: 'too-large',
      reason: `${info.size} bytes, over the ${maxBytes}-byte limit for config files; raise the limit if this is expected`,
    };
  }
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    return describeFsError(error);
  }
  try {
    const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) {
      return {
        ok: false,
        code: 'too-large',
        reason: `grew past the ${maxBytes}-byte limit while being read`,
      };
    }
    const content = buffer.subarray(0, length);
    if (content.includes(0)) {
      return { ok: false, code: 'binary', reason: 'contains NUL bytes: a binary file, not a text config' };
    }
    return { ok: true, text: decode(content), bytes: length };
  } catch (error) {
    return describeFsError(error);
  } finally {
    await handle.close();
  }
}
