import type { Skipped } from '../../model/coverage.js';
import type { LoadedPackage, PackageSource } from '../../model/package.js';
import type { UnpackedFiles } from './collector.js';

/** Builds the loaded package: parses the root `package.json` (an invalid one is reported, not fatal). */
export function assemble(
  unpacked: UnpackedFiles,
  source: PackageSource,
  fallbackRef: string,
  known?: { name: string; version: string },
): LoadedPackage {
  const skipped: Skipped[] = [...unpacked.skipped];
  let manifest: Record<string, unknown> | undefined;
  const file = unpacked.files.find((f) => f.path === 'package.json');
  if (file !== undefined) {
    try {
      const json: unknown = JSON.parse(file.data.toString('utf8'));
      if (typeof json === 'object' && json !== null && !Array.isArray(json))
        manifest = json as Record<string, unknown>;
      else
        skipped.push({
          path: 'package.json',
          code: 'parse-error',
          reason: 'package.json is not a JSON object; no manifest was read',
        });
    } catch (error) {
      const why = error instanceof Error ? error.message.slice(0, 200) : 'invalid JSON';
      skipped.push({
        path: 'package.json',
        code: 'parse-error',
        reason: `package.json is not valid JSON (${why}); no manifest was read`,
      });
    }
  }
  const name = known?.name ?? stringField(manifest, 'name');
  const version = known?.version ?? stringField(manifest, 'version');
  const out: LoadedPackage = {
    ref: name !== undefined && version !== undefined ? `${name}@${version}` : fallbackRef,
    source,
    files: unpacked.files,
    skipped,
  };
  if (name !== undefined) out.name = name;
  if (version !== undefined) out.version = version;
  if (manifest !== undefined) out.manifest = manifest;
  return out;
}

function stringField(manifest: Record<string, unknown> | undefined, key: string): string | undefined {
  const value = manifest?.[key];
  return typeof value === 'string' && value.length > 0 && value.length <= 214 ? value : undefined;
}
