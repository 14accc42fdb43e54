import { readFileSync } from 'node:fs';

function readVersion(): string {
  // dist/src/version.js → ../../package.json; src/version.ts under a loader → ../package.json
  for (const rel of ['../../package.json', '../package.json']) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8'));
      if (typeof parsed === 'object' && parsed !== null && 'name' in parsed && parsed.name === 'mcp-warden') {
        const version = (parsed as { version?: unknown }).version;
        if (typeof version === 'string') return version;
      }
    } catch {
      // try the next candidate
    }
  }
  return '0.0.0';
}

export const VERSION = readVersion();
export const TOOL = { name: 'mcp-warden', version: VERSION } as const;
