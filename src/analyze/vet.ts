import type { Finding } from '../model/finding.js';
import type { Skipped } from '../model/coverage.js';
import type { Logger } from '../model/logger.js';
import type { LoadedPackage } from '../model/package.js';
import type { Target } from '../model/report.js';
import { loadPackage, fetchPackument, type NpmEnvironment } from './package/index.js';
import { analyzeCode } from './code/index.js';
import { codeRules, packageRules, PACKUMENT_RULES, parsePackument, type Packument } from '../rules/index.js';
import { runRules } from './run-rules.js';

export interface VetOptions {
  /** Where fetched tarballs are cached (`~/.warden/cache`). */
  cacheDir: string;
  /** Use only the cache; registry metadata rules are skipped. */
  offline: boolean;
  logger: Logger;
  environment?: NpmEnvironment;
  registry?: string;
  /** Clock for age-based metadata rules. */
  now?: Date;
}

export interface VetResult {
  target: Target;
  /** Set when the package could not be read at all: the run must not look clean. */
  error?: { code: string; message: string };
  findings: Finding[];
  skipped: Skipped[];
  filesScanned: number;
  /** Bytes of JavaScript and TypeScript parsed. */
  codeBytes: number;
  name?: string;
  version?: string;
}

function targetOf(spec: string, pkg: LoadedPackage | undefined): Target {
  if (!pkg) return { kind: 'package', ref: spec };
  switch (pkg.source.kind) {
    case 'folder':
      return { kind: 'folder', ref: pkg.source.path };
    case 'tarball':
      return { kind: 'tarball', ref: pkg.source.path };
    case 'registry':
      return { kind: 'package', ref: pkg.ref };
  }
}

/** Prefixes a skipped path with the package it belongs to, so a report names both. */
function within(ref: string, skipped: readonly Skipped[]): Skipped[] {
  return skipped.map((s) => ({ ...s, path: s.path.startsWith(ref) ? s.path : `${ref}:${s.path}` }));
}

async function registryMetadata(
  pkg: LoadedPackage,
  options: VetOptions,
): Promise<{ packument?: Packument; skipped?: Skipped }> {
  const rules = PACKUMENT_RULES.join(', ');
  // A folder or tarball has no registry record: those rules do not apply, nothing was missed.
  if (pkg.source.kind !== 'registry' || pkg.name === undefined) return {};
  if (options.offline) {
    return { skipped: { path: pkg.ref, code: 'offline', reason: `offline: ${rules} not checked` } };
  }
  const fetched = await fetchPackument(pkg.name, {
    logger: options.logger,
    ...(options.environment ? { environment: options.environment } : {}),
    ...(options.registry !== undefined ? { registry: options.registry } : {}),
  });
  if (!fetched.ok) {
    return {
      skipped: { path: pkg.ref, code: fetched.code, reason: `registry metadata: ${fetched.message}` },
    };
  }
  const parsed = parsePackument(fetched.value.packument);
  if (!parsed.ok) return { skipped: { path: pkg.ref, code: parsed.code, reason: parsed.message } };
  return { packument: parsed.value };
}

/**
 * Vets one package target — a folder, a tarball or an npm spec — by reading it, never running
 * it: code rules over its JavaScript/TypeScript, metadata rules over its manifest and, when
 * online, its registry record.
 */
export async function vetPackage(spec: string, options: VetOptions): Promise<VetResult> {
  const { logger } = options;
  logger.progress(`Loading ${spec}`);
  const loaded = await loadPackage(spec, {
    cacheDir: options.cacheDir,
    offline: options.offline,
    logger,
    ...(options.environment ? { environment: options.environment } : {}),
    ...(options.registry !== undefined ? { registry: options.registry } : {}),
  });
  if (!loaded.ok) {
    return {
      target: targetOf(spec, undefined),
      error: { code: loaded.code, message: loaded.message },
      findings: [],
      skipped: [{ path: spec, code: loaded.code, reason: loaded.message }],
      filesScanned: 0,
      codeBytes: 0,
    };
  }
  const pkg = loaded.value;
  logger.progress(`Analysing ${pkg.ref} (${pkg.files.length} files)`);
  const model = analyzeCode(pkg.files, { logger });
  const code = runRules(
    codeRules,
    { target: pkg.ref, model, ...(pkg.manifest ? { manifest: pkg.manifest } : {}) },
    pkg.ref,
  );
  const metadata = await registryMetadata(pkg, options);
  const context = {
    pkg,
    now: options.now ?? new Date(),
    ...(metadata.packument ? { packument: metadata.packument } : {}),
  };
  const meta = runRules(packageRules, context, pkg.ref);

  const skipped = [
    ...within(pkg.ref, pkg.skipped),
    ...within(pkg.ref, model.skipped),
    ...code.failed,
    ...meta.failed,
  ];
  if (metadata.skipped) skipped.push(metadata.skipped);
  const result: VetResult = {
    target: targetOf(spec, pkg),
    findings: [...code.findings, ...meta.findings],
    skipped,
    filesScanned: pkg.files.length,
    codeBytes: model.files.reduce((sum, f) => sum + f.source.length, 0),
  };
  if (pkg.name !== undefined) result.name = pkg.name;
  if (pkg.version !== undefined) result.version = pkg.version;
  return result;
}
