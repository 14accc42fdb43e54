import type { Logger } from '../../model/logger.js';
import type { LoadedPackage } from '../../model/package.js';
import { fail, ok, type Result } from '../../model/result.js';
import { readIndex, readTarball, recordVersion, tarballPath, writeTarball } from './cache.js';
import { getBounded } from './http.js';
import { expectedDigest, verifyIntegrity } from './integrity.js';
import type { UnpackLimits } from './limits.js';
import { assemble } from './manifest.js';
import { resolveRegistry, safeUrl, tokenFor, type NpmEnvironment, type RegistryConfig } from './npmrc.js';
import { getPackument, readVersion, selectVersion } from './packument.js';
import { formatSpec, type PackageSpec } from './spec.js';
import { unpackTarball } from './unpack.js';

export interface RegistryLoad {
  cacheDir: string;
  offline: boolean;
  registry?: string | undefined;
  limits: UnpackLimits;
  logger: Logger;
  fetch: typeof fetch;
  environment?: NpmEnvironment | undefined;
  timeoutMs: number;
}

interface Chosen {
  version: string;
  tarballUrl: string;
  integrity: string;
  data: Buffer;
}

/** Resolves, fetches (or reads from the cache), verifies and unpacks a registry package. */
export async function loadFromRegistry(
  spec: PackageSpec,
  options: RegistryLoad,
): Promise<Result<LoadedPackage>> {
  const registry = resolveRegistry(spec.name, options.environment, options.registry);
  const chosen = options.offline
    ? await fromCache(spec, registry, options)
    : await fromNetwork(spec, registry, options);
  if (!chosen.ok) return chosen;
  const { version, tarballUrl, integrity, data } = chosen.value;
  const unpacked = await unpackTarball(data, options.limits);
  if (!unpacked.ok) return fail(unpacked.code, `${spec.name}@${version}: ${unpacked.message}`);
  const source = {
    kind: 'registry' as const,
    spec: spec.raw,
    registry: safeUrl(registry.url),
    tarballUrl: safeUrl(tarballUrl),
    integrity,
  };
  return ok(assemble(unpacked.value, source, `${spec.name}@${version}`, { name: spec.name, version }));
}

async function fromCache(
  spec: PackageSpec,
  registry: RegistryConfig,
  options: RegistryLoad,
): Promise<Result<Chosen>> {
  const where = `${safeUrl(registry.url)} in the cache at ${options.cacheDir}`;
  const notCached = (detail: string): Result<Chosen> =>
    fail(
      'offline-not-cached',
      `${formatSpec(spec)} is not cached for ${where}: ${detail}. Run once without --offline to fetch it.`,
    );
  const index = await readIndex(options.cacheDir, registry.url, spec.name);
  if (index === undefined) return notCached('no version of it was ever fetched');
  const versions = Object.keys(index.versions);
  const version = selectVersion(spec.request, versions, index.tags);
  const entry = version === undefined ? undefined : index.versions[version];
  if (version === undefined || entry === undefined)
    return notCached(`cached versions are ${versions.join(', ') || 'none'}`);
  const data = await readTarball(options.cacheDir, entry.integrity, options.limits.maxTotalBytes);
  const expected = expectedDigest(entry.integrity, undefined) ?? sha1Expected(entry.integrity);
  if (data === undefined || expected === undefined)
    return notCached(`the tarball of ${version} is missing from the cache`);
  const verified = verifyIntegrity(data, expected, `${spec.name}@${version} (cached copy)`);
  if (!verified.ok) {
    const path = tarballPath(options.cacheDir, entry.integrity) ?? options.cacheDir;
    return fail('integrity-mismatch', `${verified.message} Delete ${path} and fetch it again.`);
  }
  options.logger.debug(`offline: ${spec.name}@${version} from the cache`);
  return ok({ version, tarballUrl: entry.tarball, integrity: entry.integrity, data });
}

function sha1Expected(integrity: string): ReturnType<typeof expectedDigest> {
  const m = /^sha1-([A-Za-z0-9+/]+={0,2})$/.exec(integrity);
  return m?.[1] === undefined
    ? undefined
    : expectedDigest(undefined, Buffer.from(m[1], 'base64').toString('hex'));
}

async function fromNetwork(
  spec: PackageSpec,
  registry: RegistryConfig,
  options: RegistryLoad,
): Promise<Result<Chosen>> {
  const fetched = await getPackument(registry, spec.name, {
    fetch: options.fetch,
    logger: options.logger,
    timeoutMs: options.timeoutMs,
    abbreviated: true,
  });
  if (!fetched.ok) return fetched;
  const { packument } = fetched.value;
  const tags = packument['dist-tags'];
  const versions = Object.keys(packument.versions);
  const version = selectVersion(spec.request, versions, tags);
  if (version === undefined) {
    const latest = tags.latest === undefined ? '' : ` (latest is ${tags.latest})`;
    return fail(
      'not-found',
      `No version of ${spec.name} on ${safeUrl(registry.url)} matches "${spec.request.value}"${latest}; ${versions.length} versions published. Check the version or tag.`,
    );
  }
  const entry = readVersion(packument, version);
  if (entry === undefined) {
    return fail(
      'bad-packument',
      `Version ${version} of ${spec.name} on ${safeUrl(registry.url)} has no usable \`dist.tarball\`.`,
    );
  }
  const tarballUrl = entry.dist.tarball;
  const expected = expectedDigest(entry.dist.integrity, entry.dist.shasum);
  if (expected === undefined) {
    return fail(
      'integrity-missing',
      `${spec.name}@${version} publishes neither \`dist.integrity\` nor \`dist.shasum\`; it cannot be verified and was not fetched.`,
    );
  }
  if (!/^https?:\/\//i.test(tarballUrl)) {
    return fail(
      'bad-packument',
      `${spec.name}@${version}: the tarball URL is not http(s) (${safeUrl(tarballUrl)}).`,
    );
  }
  const where = `${spec.name}@${version}`;
  const cached = await readTarball(options.cacheDir, expected.text, options.limits.maxTotalBytes);
  if (cached !== undefined && verifyIntegrity(cached, expected, where).ok) {
    options.logger.debug(`${where}: tarball from the cache`);
    await remember(options, registry, spec.name, version, tarballUrl, expected.text, tags, undefined);
    return ok({ version, tarballUrl, integrity: expected.text, data: cached });
  }
  options.logger.progress(`fetching ${where} from ${safeUrl(tarballUrl)}`);
  const body = await getBounded(tarballUrl, {
    fetch: options.fetch,
    logger: options.logger,
    accept: 'application/octet-stream',
    token: tokenFor(registry, tarballUrl),
    timeoutMs: options.timeoutMs * 4,
    maxBytes: options.limits.maxTotalBytes,
    what: `tarball of ${where}`,
  });
  if (!body.ok) return body;
  const verified = verifyIntegrity(body.value, expected, where);
  if (!verified.ok) return verified;
  await remember(options, registry, spec.name, version, tarballUrl, expected.text, tags, body.value);
  return ok({ version, tarballUrl, integrity: expected.text, data: body.value });
}

async function remember(
  options: RegistryLoad,
  registry: RegistryConfig,
  name: string,
  version: string,
  tarball: string,
  integrity: string,
  tags: Record<string, string>,
  data: Buffer | undefined,
): Promise<void> {
  try {
    if (data !== undefined) await writeTarball(options.cacheDir, integrity, data);
    await recordVersion(
      options.cacheDir,
      registry.url,
      name,
      version,
      { integrity, tarball, cachedAt: new Date().toISOString() },
      tags,
    );
  } catch (error) {
    const why = error instanceof Error && 'code' in error ? String(error.code) : 'write failed';
    options.logger.warn(
      `could not write the package cache at ${options.cacheDir} (${why}); continuing without it`,
    );
  }
}
