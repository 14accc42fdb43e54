import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import type { Skipped } from '../../model/coverage.js';
import { describeFsError } from './read.js';

export interface WalkLimits {
  maxDepth: number;
  maxEntries: number;
}

export interface WalkResult {
  /** False when the base folder does not exist. */
  baseFound: boolean;
  files: string[];
  skipped: Skipped[];
}

/** A file-name pattern with `*` and `{a,b}` as a regular expression. */
export function namePattern(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? '';
    if (c === '*') out += '[^/\\\\]*';
    else if (c === '{') {
      const end = pattern.indexOf('}', i);
      const options = pattern.slice(i + 1, end === -1 ? pattern.length : end).split(',');
      out += `(?:${options.map((o) => o.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`;
      i = end === -1 ? pattern.length : end;
    } else out += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/**
 * Walks `base` for files matching `pattern` (`**` any depth, `*` one folder, last part a
 * file name with `*` and `{a,b}`). Bounded: never below `maxDepth` folders, never more
 * than `maxEntries` folder entries, never into a symbolic link to a folder.
 */
export async function walkGlob(
  base: string,
  pattern: string,
  join: (...parts: string[]) => string,
  limits: WalkLimits,
): Promise<WalkResult> {
  const segments = pattern.split('/');
  const result: WalkResult = { baseFound: true, files: [], skipped: [] };
  const listings = new Map<string, Dirent[] | undefined>();
  const visited = new Set<string>();
  const state = { entries: 0, truncated: false, tooDeep: false };

  const list = async (dir: string): Promise<Dirent[] | undefined> => {
    if (listings.has(dir)) return listings.get(dir);
    let found: Dirent[] | undefined;
    if (state.entries >= limits.maxEntries) {
      state.truncated = true;
    } else {
      try {
        found = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
        state.entries += found.length;
        if (state.entries > limits.maxEntries) {
          state.truncated = true;
          found = found.slice(0, Math.max(0, found.length - (state.entries - limits.maxEntries)));
        }
      } catch (error) {
        const outcome = describeFsError(error);
        if ('reason' in outcome) {
          result.skipped.push({ path: dir, code: outcome.code, reason: outcome.reason });
        } else if (dir === base) result.baseFound = false;
      }
    }
    listings.set(dir, found);
    return found;
  };

  const visit = async (dir: string, index: number, depth: number): Promise<void> => {
    const key = `${index}\u0000${dir}`;
    if (visited.has(key) || state.truncated) return;
    visited.add(key);
    const segment = segments[index];
    if (segment === undefined) return;
    const dirents = await list(dir);
    if (!dirents) return;
    if (index === segments.length - 1) {
      const match = namePattern(segment);
      for (const d of dirents) {
        if ((d.isFile() || d.isSymbolicLink()) && match.test(d.name)) result.files.push(join(dir, d.name));
      }
      return;
    }
    if (segment === '**') {
      await visit(dir, index + 1, depth);
      for (const d of dirents) {
        if (!d.isDirectory()) continue;
        if (depth >= limits.maxDepth) {
          state.tooDeep = true;
          break;
        }
        await visit(join(dir, d.name), index, depth + 1);
      }
      return;
    }
    const match = namePattern(segment);
    for (const d of dirents) {
      if (d.isDirectory() && match.test(d.name) && depth < limits.maxDepth)
        await visit(join(dir, d.name), index + 1, depth + 1);
    }
  };

  await visit(base, 0, 0);
  if (state.truncated) {
    result.skipped.push({
      path: base,
      code: 'glob-truncated',
      reason: `stopped after ${limits.maxEntries} folder entries while looking for ${pattern}; files past that were not read`,
    });
  }
  if (state.tooDeep) {
    result.skipped.push({
      path: base,
      code: 'glob-too-deep',
      reason: `folders deeper than ${limits.maxDepth} levels were not searched for ${pattern}`,
    });
  }
  return result;
}
