import { join } from 'node:path';

/** `<home>/.warden/warden.db`: where runs and inventory history are kept by default. */
export function defaultDbPath(home: string): string {
  return join(home, '.warden', 'warden.db');
}
