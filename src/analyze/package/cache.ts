import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';

/**
 * The package cache: tarballs stored by the hash of their bytes
 * (`tarballs/<algorithm>/<hex>.tgz`) and, per registry and package name, an index of
 * the versions cached and the dist-tags last seen (`index/<registry>/<name>.json`).
 * Files are written to a temporary name and renamed into place; folders are 0700.
 */
const CachedVersionSchema = z.object({ integrity: z.string(), tarball: z.string(), cachedAt: z.string() });
const IndexSchema = z.object({
  name: z.string(),
  registry: z.string(),
  tags: z.record(z.string(), z.string()),
  versions: z.record(z.string(), CachedVersionSchema),
});
export type CacheIndex = z.infer<typeof IndexSchema>;
export type CachedVersion = z.infer<typeof CachedVersionSchema>;

const MAX_INDEX_BYTES = 4 * 1024 * 1024;

function registryKey(registry: string): string {
  return createHash('sha256').update(registry).digest('hex').slice(0, 16);
}

function indexPath(cacheDir: string, registry: string, name: string): string {
  return join(cacheDir, 'index', registryKey(registry), `${encodeURIComponent(name)}.json`);
}

/** Where a tarball with this integrity (`sha512-…`, `sha1-…`) is stored; undefined when it is unusable. */
export function tarballPath(cacheDir: string, integrity: string): string | undefined {
  const m = /^(sha512|sha384|sha256|sha1)-([A-Za-z0-9+/]+={0,2})$/.exec(integrity);
  if (m?.[1] === undefined || m[2] === undefined) return undefined;
  return join(cacheDir, 'tarballs', m[1], `${Buffer.from(m[2], 'base64').toString('hex')}.tgz`);
}

async function writeAtomic(path: string, data: Buffer | string): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temp, data, { mode: 0o600, flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export async function readIndex(
  cacheDir: string,
  registry: string,
  name: string,
): Promise<CacheIndex | undefined> {
  const path = indexPath(cacheDir, registry, name);
  try {
    if ((await stat(path)).size > MAX_INDEX_BYTES) return undefined;
    const parsed = IndexSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success && parsed.data.name === name && parsed.data.registry === registry
      ? parsed.data
      : undefined;
  } catch {
    return undefined;
  }
}

/** Records a cached version and the dist-tags seen with it. */
export async function recordVersion(
  cacheDir: string,
  registry: string,
  name: string,
  version: string,
  entry: CachedVersion,
  tags: Record<string, string>,
): Promise<void> {
  const index = (await readIndex(cacheDir, registry, name)) ?? { name, registry, tags: {}, versions: {} };
  index.versions[version] = entry;
  index.tags = { ...index.tags, ...tags };
  await writeAtomic(indexPath(cacheDir, registry, name), `${JSON.stringify(index, null, 1)}\n`);
}

/** The cached bytes for an integrity, if present and not larger than `maxBytes`. The caller verifies them. */
export async function readTarball(
  cacheDir: string,
  integrity: string,
  maxBytes: number,
): Promise<Buffer | undefined> {
  const path = tarballPath(cacheDir, integrity);
  if (path === undefined) return undefined;
  try {
    if ((await stat(path)).size > maxBytes) return undefined;
    return await readFile(path);
  } catch {
    return undefined;
  }
}

export async function writeTarball(cacheDir: string, integrity: string, data: Buffer): Promise<void> {
  const path = tarballPath(cacheDir, integrity);
  if (path !== undefined) await writeAtomic(path, data);
}
