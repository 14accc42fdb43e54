import { constants, type Dirent } from 'node:fs';
import { open, opendir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fail, ok, type Result } from '../../model/result.js';
import { FileCollector, type UnpackedFiles } from './collector.js';
import { resolveLimits, type UnpackLimits } from './limits.js';

/** Folders never read from a folder target: installed dependencies and version-control data. */
const EXCLUDED_DIRS = new Set(['node_modules', '.git']);
const NO_FOLLOW = (constants as Partial<typeof constants>).O_NOFOLLOW ?? 0;

class Stop extends Error {}

/**
 * Reads a folder into memory within `limits`, without following links. `node_modules`
 * and `.git` are left out and reported; so are links, special files and files past a bound.
 */
export async function readFolder(
  root: string,
  limits: Partial<UnpackLimits> = {},
): Promise<Result<UnpackedFiles>> {
  const bounds = resolveLimits(limits);
  let info;
  try {
    info = await stat(root);
  } catch {
    return fail('not-found', `No folder at ${root}. Check the path, or give a .tgz or an npm spec instead.`);
  }
  if (!info.isDirectory()) {
    return fail('not-found', `${root} is not a folder. Give a folder, a .tgz or an npm spec.`);
  }
  const collector = new FileCollector(bounds);
  try {
    await walk(root, '', 0, bounds, collector);
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
  }
  return ok(collector.result());
}

async function walk(
  dir: string,
  rel: string,
  depth: number,
  limits: UnpackLimits,
  out: FileCollector,
): Promise<void> {
  let entries: Dirent[];
  try {
    const handle = await opendir(dir);
    entries = [];
    for await (const entry of handle) entries.push(entry);
  } catch (error) {
    out.skip(rel === '' ? '.' : rel, 'not-readable', `the folder could not be listed (${errorCode(error)})`);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
    const full = join(dir, entry.name);
    if (entry.isSymbolicLink()) {
      out.skip(path, 'symlink', 'a symbolic link is never followed or kept');
    } else if (entry.isDirectory()) {
      if (EXCLUDED_DIRS.has(entry.name)) {
        out.skip(
          path,
          'excluded-dir',
          `\`${entry.name}\` folders are not part of the package's own code and were not read`,
        );
      } else if (depth + 1 > limits.maxDepth) {
        out.skip(path, 'too-deep', `the folder is nested deeper than ${limits.maxDepth} levels`);
      } else {
        await walk(full, path, depth + 1, limits, out);
      }
    } else if (entry.isFile()) {
      await readOne(full, path, limits, out);
    } else {
      out.skip(path, 'special-file', 'a device, FIFO or socket is never read');
    }
  }
}

async function readOne(full: string, path: string, limits: UnpackLimits, out: FileCollector): Promise<void> {
  if (out.full) {
    out.skip(
      '*',
      'too-many-files',
      `the folder has more than ${limits.maxFiles} files; the rest was not read (raise maxFiles to read it)`,
    );
    throw new Stop();
  }
  let handle;
  try {
    handle = await open(full, constants.O_RDONLY | NO_FOLLOW);
  } catch (error) {
    out.skip(path, 'not-readable', `the file could not be opened (${errorCode(error)})`);
    return;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      out.skip(path, 'special-file', 'the entry is not a regular file');
      return;
    }
    if (!out.admit(path, info.size)) return;
    const data = Buffer.alloc(info.size);
    let filled = 0;
    while (filled < data.length) {
      const { bytesRead } = await handle.read(data, filled, data.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    out.add(path, data.subarray(0, filled));
  } catch (error) {
    out.skip(path, 'not-readable', `the file could not be read (${errorCode(error)})`);
  } finally {
    await handle.close();
  }
}

function errorCode(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : 'unknown error';
}
