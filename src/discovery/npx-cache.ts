import { readdir } from 'node:fs/promises';
import { z } from 'zod';
import type { Searched, Skipped } from '../model/coverage.js';
import type { CachedPackage } from '../model/server.js';
import { describeFsError, readConfigFile } from './fs/read.js';
import type { PathContext } from './paths.js';
import type { DiscoveryLimits } from './types.js';

const Manifest = z.looseObject({ dependencies: z.record(z.string(), z.unknown()).optional() });
const PackageJson = z.looseObject({ name: z.string(), version: z.string() });

/** Package manifests are small; anything larger is not what npx wrote. */
const MAX_MANIFEST_BYTES = 1024 * 1024;

export interface NpxCacheResult {
  packages: CachedPackage[];
  searched: Searched;
  skipped: Skipped[];
}

/** `<npm cache>/_npx`: `$npm_config_cache`, else `~/.npm` (win32: `%LOCALAPPDATA%\npm-cache`). */
export function npxCacheDir(ctx: PathContext): string {
  const cache =
    ctx.env('npm_config_cache') ??
    (ctx.platform === 'win32' ? ctx.join(ctx.localAppData, 'npm-cache') : ctx.join(ctx.home, '.npm'));
  return ctx.join(cache, '_npx');
}

async function readJson(path: string, skipped: Skipped[]): Promise<unknown> {
  const read = await readConfigFile(path, MAX_MANIFEST_BYTES);
  if (!read.ok) {
    if ('reason' in read) skipped.push({ path, code: read.code, reason: read.reason });
    return undefined;
  }
  try {
    return JSON.parse(read.text) as unknown;
  } catch {
    skipped.push({ path, code: 'parse-error', reason: 'invalid JSON in a package manifest' });
    return undefined;
  }
}

async function names(dir: string, skipped: Skipped[]): Promise<string[] | undefined> {
  try {
    return (await readdir(dir, { withFileTypes: true }))
      .filter((d) => d.isDirectory() || d.isSymbolicLink())
      .map((d) => d.name)
      .sort();
  } catch (error) {
    const outcome = describeFsError(error);
    if ('reason' in outcome) skipped.push({ path: dir, code: outcome.code, reason: outcome.reason });
    return undefined;
  }
}

/** Top-level packages of a `node_modules` whose name mentions MCP (when npx's own manifest is gone). */
async function mcpNamed(
  modules: string[] | undefined,
  nodeModules: string,
  ctx: PathContext,
  skipped: Skipped[],
): Promise<string[]> {
  const out: string[] = [];
  for (const name of modules ?? []) {
    if (name.startsWith('@')) {
      const scoped = await names(ctx.join(nodeModules, name), skipped);
      for (const inner of scoped ?? [])
        if (`${name}/${inner}`.toLowerCase().includes('mcp')) out.push(`${name}/${inner}`);
    } else if (name.toLowerCase().includes('mcp')) out.push(name);
  }
  return out;
}

/**
 * Packages npx installed: the direct `dependencies` of each `_npx/<hash>/package.json`
 * (not their transitive dependencies), with the version actually on disk.
 */
export async function listNpxPackages(ctx: PathContext, limits: DiscoveryLimits): Promise<NpxCacheResult> {
  const root = npxCacheDir(ctx);
  const skipped: Skipped[] = [];
  const packages: CachedPackage[] = [];
  const hashes = await names(root, []);
  const searched: Searched = { client: 'npx', scope: 'cache', configPath: root, found: hashes !== undefined };
  const budget = Math.max(1, limits.maxGlobEntries);
  for (const hash of (hashes ?? []).slice(0, budget)) {
    const dir = ctx.join(root, hash);
    const nodeModules = ctx.join(dir, 'node_modules');
    const manifest = Manifest.safeParse(await readJson(ctx.join(dir, 'package.json'), []));
    let wanted: string[];
    if (manifest.success && manifest.data.dependencies)
      wanted = Object.keys(manifest.data.dependencies).sort();
    else wanted = await mcpNamed(await names(nodeModules, skipped), nodeModules, ctx, skipped);
    for (const name of wanted) {
      if (!/^(?:@[\w-][\w.-]*\/)?[\w-][\w.-]*$/.test(name)) continue;
      const path = ctx.join(nodeModules, ...name.split('/'));
      const parsed = PackageJson.safeParse(await readJson(ctx.join(path, 'package.json'), skipped));
      if (parsed.success)
        packages.push({ name: parsed.data.name, version: parsed.data.version, path, manager: 'npx' });
    }
  }
  if ((hashes?.length ?? 0) > budget) {
    skipped.push({
      path: root,
      code: 'glob-truncated',
      reason: `only the first ${budget} npx cache folders were read`,
    });
  }
  return { packages, searched, skipped };
}
