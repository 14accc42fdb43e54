import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, parse } from 'node:path';
import type { CachedPackage, Server } from '../model/server.js';
import type { Skipped } from '../model/coverage.js';
import { packagesRun } from '../rules/config/package-runners.js';

/** One package to vet and the servers that run it. */
export interface VetRequest {
  /** What `vetPackage` loads: an npx-cache or local folder, or an npm spec. */
  spec: string;
  /** `client/name` of every server that runs it. */
  servers: string[];
  via: 'npx-cache' | 'registry' | 'local';
}

const UNRESOLVED = /\$\{|%[A-Z_]+%|^~/;
const MAX_WALK_UP = 6;

/** The nearest folder above `file` that holds a package.json, within a few levels. */
function packageRootOf(file: string): string | undefined {
  let dir = dirname(file);
  const { root } = parse(dir);
  for (let i = 0; i < MAX_WALK_UP && dir !== root; i++) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    dir = dirname(dir);
  }
  return undefined;
}

function newestCached(
  cached: readonly CachedPackage[],
  name: string,
  version?: string,
): CachedPackage | undefined {
  const matches = cached.filter((p) => p.name === name && (version === undefined || p.version === version));
  return matches.sort((a, b) => b.version.localeCompare(a.version, undefined, { numeric: true }))[0];
}

/**
 * The npm packages behind the discovered servers (run through npx, bunx, pnpm dlx, yarn dlx or
 * node): taken from the npx cache when it holds them (what actually runs), else from the
 * registry at the version the config names (latest when it names none, as npx would).
 */
export function packagesBehindServers(
  servers: readonly Server[],
  cached: readonly CachedPackage[],
): { requests: VetRequest[]; skipped: Skipped[] } {
  const bySpec = new Map<string, VetRequest>();
  const skipped: Skipped[] = [];
  const add = (spec: string, via: VetRequest['via'], server: Server): void => {
    const label = `${server.client}/${server.name}`;
    const existing = bySpec.get(spec);
    if (existing) {
      if (!existing.servers.includes(label)) existing.servers.push(label);
    } else bySpec.set(spec, { spec, servers: [label], via });
  };
  for (const server of servers) {
    for (const run of packagesRun(server)) {
      if (run.ecosystem !== 'npm') continue;
      if (run.source === 'registry') {
        const exact = run.pinned ? run.version?.replace(/^v?=?/, '') : undefined;
        const hit = newestCached(cached, run.name, exact);
        if (hit) add(hit.path, 'npx-cache', server);
        else add(`${run.name}@${run.version ?? 'latest'}`, 'registry', server);
      } else if (run.source === 'local' && run.runner === 'node') {
        const script = run.name;
        if (UNRESOLVED.test(script) || !isAbsolute(script)) {
          skipped.push({
            path: `${server.configPath}#${server.name}`,
            code: 'unresolved-path',
            reason: `server runs ${script}, a path that depends on variables or the client's working folder`,
          });
          continue;
        }
        const root = packageRootOf(script);
        if (root) add(root, 'local', server);
        else
          skipped.push({
            path: script,
            code: 'no-package-root',
            reason: `no package.json within ${MAX_WALK_UP} folders above the script, or the script is missing`,
          });
      }
    }
  }
  return { requests: [...bySpec.values()], skipped };
}
