import { dirname, join, resolve, sep } from 'node:path';
import type { DiscoveryResult } from '../model/discovery.js';
import { identify } from './identify.js';
import { followTargets, processFile, type FileTarget } from './process-file.js';
import { DEFAULT_LIMITS, type DiscoveryLimits } from './types.js';

export interface ScanFileOptions {
  /** The client the file belongs to, when its path does not tell. */
  client?: string;
  limits?: Partial<DiscoveryLimits>;
}

/** The client, scope and shape of an explicit file: from its location when known, else from its keys. */
function targetFor(path: string, client: string | undefined): FileTarget {
  const known = identify(path);
  if (known && (client === undefined || client === known.client)) return { path, ...known };
  return { path, client: client ?? 'unknown', scope: known?.scope ?? 'user', shape: 'guess' };
}

export async function scanFile(path: string, options: ScanFileOptions = {}): Promise<DiscoveryResult> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const absolute = resolve(path);
  const target = targetFor(absolute, options.client);
  const result: DiscoveryResult = { servers: [], files: [], searched: [], skipped: [], packages: [] };
  const queue: FileTarget[] = [target];
  const seen = new Set<string>();
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const outcome = await processFile(next, limits.maxFileBytes);
    result.searched.push({
      client: next.client,
      scope: next.scope,
      configPath: next.path,
      found: outcome.found,
    });
    if (!outcome.found) {
      if (next === target)
        result.skipped.push({ path: next.path, code: 'not-found', reason: 'no file at this path' });
      continue;
    }
    if (seen.has(outcome.realPath)) continue;
    seen.add(outcome.realPath);
    if (outcome.record) result.files.push(outcome.record);
    result.servers.push(...outcome.servers);
    result.skipped.push(...outcome.skipped);
    queue.push(...followTargets(next, outcome.follow, { join, dirname, sep }));
  }
  return result;
}
