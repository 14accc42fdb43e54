import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

/** The repository root (tests run from dist/test/…, sources stay in test/…). */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** A path under the source `test/` folder (fixtures are not compiled). */
export function testPath(...parts: string[]): string {
  return join(repoRoot, 'test', ...parts);
}

/** The built CLI entry point. */
export const cliPath = join(repoRoot, 'dist', 'src', 'cli', 'main.js');
