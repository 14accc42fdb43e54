import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { PackageFile } from '../../../src/model/package.js';

/**
 * Reads a fixture folder into package files. A `.fixture` suffix is dropped from names: TypeScript
 * fixtures carry it so that the project's type check does not compile them.
 */
export function loadPackage(dir: string): PackageFile[] {
  const out: PackageFile[] = [];
  const walk = (current: string): void => {
    for (const name of readdirSync(current).sort()) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const data = readFileSync(path);
        out.push({
          path: relative(dir, path)
            .split(sep)
            .join('/')
            .replace(/\.fixture$/, ''),
          size: data.length,
          data,
        });
      }
    }
  };
  walk(dir);
  return out;
}

/** Package files from literal sources. */
export function packageOf(sources: Record<string, string>): PackageFile[] {
  return Object.entries(sources).map(([path, text]) => {
    const data = Buffer.from(text, 'utf8');
    return { path, size: data.length, data };
  });
}
