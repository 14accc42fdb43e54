import { z } from 'zod';
import type { Logger } from '../../model/logger.js';
import { silentLogger } from '../../model/logger.js';
import { fail, ok, type Result } from '../../model/result.js';
import { getBounded } from './http.js';
import { resolveRegistry, safeUrl, tokenFor, type NpmEnvironment, type RegistryConfig } from './npmrc.js';
import { maxSatisfying, parseRange } from './semver.js';
import { isValidName, type VersionRequest } from './spec.js';

export const MAX_PACKUMENT_BYTES = 50 * 1024 * 1024;
const FULL = 'application/json';
const ABBREVIATED = 'application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8';

/** One version of a packument. Unknown fields are kept for metadata rules. */
export const PackumentVersionSchema = z.looseObject({
  name: z.string().optional(),
  version: z.string(),
  dist: z.looseObject({
    tarball: z.string(),
    integrity: z.string().optional(),
    shasum: z.string().optional(),
  }),
  scripts: z.record(z.string(), z.unknown()).optional(),
  deprecated: z.unknown().optional(),
  _npmUser: z.unknown().optional(),
});
export type PackumentVersion = z.infer<typeof PackumentVersionSchema>;

/** The registry document of a package. `versions` entries are checked one by one when used. */
export const PackumentSchema = z.looseObject({
  name: z.string(),
  'dist-tags': z.record(z.string(), z.string()).default({}),
  versions: z.record(z.string(), z.unknown()).default({}),
  time: z.record(z.string(), z.unknown()).optional(),
  maintainers: z.unknown().optional(),
  repository: z.unknown().optional(),
});
export type Packument = z.infer<typeof PackumentSchema>;

export interface PackumentOptions {
  registry?: string;
  fetch?: typeof fetch;
  logger?: Logger;
  timeoutMs?: number;
  environment?: NpmEnvironment;
  /** Ask for the abbreviated document (versions and dist only). */
  abbreviated?: boolean;
}

export interface FetchedPackument {
  packument: Packument;
  registry: RegistryConfig;
  url: string;
}

/** The packument URL: `@scope/name` is sent as `@scope%2fname`, as npm does. */
export function packumentUrl(registry: string, name: string): string {
  return new URL(name.replace('/', '%2f'), registry).href;
}

/** Fetches the full packument of `name` (with `time`, `maintainers`, `repository`, per-version `scripts` and `_npmUser`). */
export async function fetchPackument(
  name: string,
  options: PackumentOptions = {},
): Promise<Result<FetchedPackument>> {
  if (!isValidName(name)) return fail('bad-spec', `"${name.slice(0, 120)}" is not a valid npm package name.`);
  return getPackument(resolveRegistry(name, options.environment, options.registry), name, options);
}

/** Fetches a packument from an already resolved registry. */
export async function getPackument(
  registry: RegistryConfig,
  name: string,
  options: PackumentOptions = {},
): Promise<Result<FetchedPackument>> {
  const url = packumentUrl(registry.url, name);
  const logger = options.logger ?? silentLogger;
  logger.debug(`fetching packument ${url} (registry from ${registry.source})`);
  const body = await getBounded(url, {
    fetch: options.fetch ?? fetch,
    logger,
    accept: options.abbreviated === true ? ABBREVIATED : FULL,
    token: tokenFor(registry, url),
    timeoutMs: options.timeoutMs ?? 30_000,
    maxBytes: MAX_PACKUMENT_BYTES,
    what: `packument of ${name}`,
  });
  if (!body.ok) return body;
  let json: unknown;
  try {
    json = JSON.parse(body.value.toString('utf8'));
  } catch {
    return fail(
      'bad-packument',
      `The packument of ${name} from ${safeUrl(registry.url)} is not valid JSON. Check the registry setting.`,
    );
  }
  const parsed = PackumentSchema.safeParse(json);
  if (!parsed.success) {
    return fail(
      'bad-packument',
      `The packument of ${name} from ${safeUrl(registry.url)} lacks \`name\`, \`dist-tags\` or \`versions\` in the expected shape.`,
    );
  }
  return ok({ packument: parsed.data, registry, url });
}

/**
 * The version a request selects from the known versions: an exact version, a dist-tag,
 * or for a range the `latest` tag when it satisfies the range, else the highest
 * satisfying release (prereleases only when the range names one), as npm picks.
 */
export function selectVersion(
  request: VersionRequest,
  versions: readonly string[],
  tags: Readonly<Record<string, string>>,
): string | undefined {
  switch (request.kind) {
    case 'version':
      return versions.includes(request.value) ? request.value : undefined;
    case 'tag': {
      const tagged = tags[request.value];
      return tagged !== undefined && versions.includes(tagged) ? tagged : undefined;
    }
    case 'range': {
      const range = parseRange(request.value);
      if (range === undefined) return undefined;
      const latest = tags.latest;
      if (latest !== undefined && versions.includes(latest) && maxSatisfying([latest], range) !== undefined)
        return latest;
      return maxSatisfying(versions, range);
    }
  }
}

/** Reads one version entry; undefined when it is missing or lacks a usable `dist`. */
export function readVersion(packument: Packument, version: string): PackumentVersion | undefined {
  const parsed = PackumentVersionSchema.safeParse(packument.versions[version]);
  return parsed.success ? parsed.data : undefined;
}
