import { homedir } from 'node:os';
import type { DiscoveryResult } from '../model/discovery.js';
import type { Platform } from '../model/server.js';
import { CLIENT_IDS } from './clients/table.js';
import { discoverMachine, listLocations } from './discover.js';
import { scanFile } from './scan-file.js';
import {
  DEFAULT_LIMITS,
  type ClientLocation,
  type DiscoverOptions,
  type DiscoveryLimits,
  type Env,
  type ShapeId,
} from './types.js';

export type { ClientLocation, DiscoverOptions, DiscoveryLimits, Env, ShapeId };
export { CLIENT_IDS, DEFAULT_LIMITS };

function currentPlatform(): Platform {
  if (process.platform === 'win32' || process.platform === 'darwin') return process.platform;
  return 'linux';
}

/** Options for this machine: its platform, `HOME` (else the OS home), its environment, and `cwd`. */
export function defaultDiscoverOptions(cwd?: string): DiscoverOptions {
  const platform = currentPlatform();
  const envHome = process.env.HOME;
  const home = platform !== 'win32' && envHome !== undefined && envHome !== '' ? envHome : homedir();
  return { platform, home, env: { ...process.env }, cwd: cwd ?? process.cwd() };
}

/**
 * Every MCP server configured on this machine for every known client: user, project
 * (walking up from `cwd`), managed, plugin and extension scopes, plus packages cached by npx.
 * Reads files only; never writes, never runs anything; unreadable files become `skipped`.
 */
export function discover(options: DiscoverOptions): Promise<DiscoveryResult> {
  return discoverMachine(options);
}

/**
 * One explicit config file (for `warden scan file.json`): client and shape guessed from the
 * path (known locations) and content (mcpServers / servers / context_servers / mcp_servers /
 * extensions / mcp keys).
 */
export function scanConfigFile(
  path: string,
  options?: { client?: string; limits?: Partial<DiscoveryLimits> },
): Promise<DiscoveryResult> {
  return scanFile(path, options);
}

/** Every location `discover` searches with these options, in order (for docs and tests). */
export function listClientLocations(options: DiscoverOptions): ClientLocation[] {
  return listLocations(options);
}
