import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { silentLogger, type Logger } from '../../model/logger.js';
import type { LoadedPackage } from '../../model/package.js';
import { fail, ok, type Result } from '../../model/result.js';
import { readFolder } from './folder.js';
import { loadFromRegistry } from './from-registry.js';
import { resolveLimits, type UnpackLimits } from './limits.js';
import { assemble } from './manifest.js';
import type { NpmEnvironment } from './npmrc.js';
import { parseSpec } from './spec.js';
import { unpackTarball } from './unpack.js';

export interface LoadOptions {
  /** Default `<home>/.warden/cache`. */
  cacheDir?: string;
  /** Use only the cache; a package not cached fails with `offline-not-cached`. */
  offline?: boolean;
  /** Registry URL to use instead of the one npm is configured for. */
  registry?: string;
  limits?: Partial<UnpackLimits>;
  logger?: Logger;
  fetch?: typeof fetch;
  /** Where `.npmrc` files and `npm_config_*` variables are read from; default this process. */
  environment?: NpmEnvironment;
  /** Per request; tarball downloads get four times as long. Default 30 s. */
  timeoutMs?: number;
}

const TARBALL = /\.(tgz|tar\.gz)$/i;

/** True when `target` names a path rather than a registry spec (npm's own distinction). */
export function isPathTarget(target: string): boolean {
  if (/^(\.|\/|~|[A-Za-z]:)/.test(target) || target.includes('\\') || TARBALL.test(target)) return true;
  const slashes = target.split('/').length - 1;
  return target.startsWith('@') ? slashes > 1 : slashes > 0;
}

/**
 * Loads a package into memory for analysis, without running any of it. `target` is a
 * folder, a `.tgz`/`.tar.gz` file, or an npm spec (`name`, `name@1.2.3`, `@scope/name@^1`,
 * `name@next`); a bare name is always a registry spec, write `./name` for a folder.
 */
export async function loadPackage(target: string, options: LoadOptions = {}): Promise<Result<LoadedPackage>> {
  const limits = resolveLimits(options.limits);
  const home = options.environment?.home ?? homedir();
  if (isPathTarget(target)) {
    const path = resolve(options.environment?.cwd ?? process.cwd(), target.replace(/^~(?=$|[/\\])/, home));
    return loadPath(target, path, limits);
  }
  const spec = parseSpec(target);
  if (!spec.ok) return spec;
  if (options.registry !== undefined && !/^https?:\/\/[^\s]+$/i.test(options.registry)) {
    return fail(
      'bad-registry',
      'The registry option must be an http(s) URL, e.g. https://registry.npmjs.org/.',
    );
  }
  return loadFromRegistry(spec.value, {
    cacheDir: options.cacheDir ?? join(home, '.warden', 'cache'),
    offline: options.offline ?? false,
    registry: options.registry,
    limits,
    logger: options.logger ?? silentLogger,
    fetch: options.fetch ?? fetch,
    environment: options.environment,
    timeoutMs: options.timeoutMs ?? 30_000,
  });
}

async function loadPath(target: string, path: string, limits: UnpackLimits): Promise<Result<LoadedPackage>> {
  let info;
  try {
    info = await stat(path);
  } catch {
    return fail(
      'not-found',
      `Nothing at ${path}. Give an existing folder, a .tgz file, or an npm spec such as name@1.2.3.`,
    );
  }
  if (info.isDirectory()) {
    const read = await readFolder(path, limits);
    if (!read.ok) return read;
    return ok(assemble(read.value, { kind: 'folder', path }, target));
  }
  if (!info.isFile()) return fail('not-found', `${path} is neither a folder nor a file.`);
  const unpacked = await unpackTarball(createReadStream(path), limits);
  if (!unpacked.ok) return fail(unpacked.code, `${path}: ${unpacked.message}`);
  return ok(assemble(unpacked.value, { kind: 'tarball', path }, target));
}
