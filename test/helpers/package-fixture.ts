import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadedPackage, PackageFile } from '../../src/model/package.js';
import { parsePackument, type Packument } from '../../src/rules/package/packument.js';
import type { PackageRuleContext } from '../../src/rules/package/context.js';

/** The analysis clock of fixtures that do not give their own `now`. */
export const FIXTURE_NOW = new Date('2026-01-15T12:00:00.000Z');

/** Registry metadata beside a fixture package; it is not one of the package's files. */
const PACKUMENT_FILE = 'packument.json';

function filesUnder(root: string, rel = ''): PackageFile[] {
  const dir = rel === '' ? root : join(root, rel);
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = rel === '' ? name : `${rel}/${name}`;
      if (rel === '' && name === PACKUMENT_FILE) return [];
      const full = join(root, path);
      if (statSync(full).isDirectory()) return filesUnder(root, path);
      const data = readFileSync(full);
      return [{ path, size: data.length, data }];
    });
}

/** A package built from literal files, as a loader would hand it to the rules. */
export function makePackage(files: Record<string, string | Buffer>, ref?: string): LoadedPackage {
  const list: PackageFile[] = Object.entries(files).map(([path, content]) => {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    return { path, size: data.length, data };
  });
  return fromFiles(list, ref ?? '<memory>');
}

function fromFiles(files: PackageFile[], fallbackRef: string): LoadedPackage {
  const pkg: LoadedPackage = {
    ref: fallbackRef,
    source: { kind: 'folder', path: fallbackRef },
    files,
    skipped: [],
  };
  const manifest = files.find((f) => f.path === 'package.json');
  if (manifest !== undefined) {
    try {
      const value: unknown = JSON.parse(manifest.data.toString('utf8'));
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        pkg.manifest = value as Record<string, unknown>;
        if (typeof pkg.manifest.name === 'string') pkg.name = pkg.manifest.name;
        if (typeof pkg.manifest.version === 'string') pkg.version = pkg.manifest.version;
        if (pkg.name !== undefined && pkg.version !== undefined) pkg.ref = `${pkg.name}@${pkg.version}`;
      }
    } catch {
      // A fixture with a broken manifest is analysed without one.
    }
  }
  return pkg;
}

/** Parses literal registry metadata, failing the test when it is not a packument. */
export function makePackument(raw: unknown): Packument {
  const parsed = parsePackument(raw);
  if (!parsed.ok) throw new Error(`fixture packument: ${parsed.message}`);
  return parsed.value;
}

/**
 * Turns a fixture folder into a rule context: its files as the package, `packument.json` beside
 * them as registry metadata, and the clock from that file's `now` field or `FIXTURE_NOW`.
 */
export function loadPackageCase(dir: string): PackageRuleContext {
  const context: PackageRuleContext = { pkg: fromFiles(filesUnder(dir), dir), now: FIXTURE_NOW };
  const packumentPath = join(dir, PACKUMENT_FILE);
  if (existsSync(packumentPath)) {
    const raw: unknown = JSON.parse(readFileSync(packumentPath, 'utf8'));
    context.packument = makePackument(raw);
    const now = (raw as { now?: unknown }).now;
    if (typeof now === 'string') context.now = new Date(now);
  }
  return context;
}
