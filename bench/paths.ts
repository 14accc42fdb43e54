import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

/** The repository root, from a module compiled to dist/bench/…. */
export function repoRootOf(moduleUrl: string): string {
  return join(dirname(fileURLToPath(moduleUrl)), '..', '..');
}
