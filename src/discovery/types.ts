import type { ConfigFormat } from '../model/discovery.js';
import type { Logger } from '../model/logger.js';
import type { Platform, Scope } from '../model/server.js';

/** Bounds that keep discovery safe on hostile or unusual machines. */
export interface DiscoveryLimits {
  /** Config files larger than this are skipped (`too-large`) without being read. */
  maxFileBytes: number;
  /** How many folders deep a `**` glob descends below its base. */
  maxGlobDepth: number;
  /** How many folder entries one glob may look at before it stops (`glob-truncated`). */
  maxGlobEntries: number;
}

export const DEFAULT_LIMITS: DiscoveryLimits = {
  maxFileBytes: 10 * 1024 * 1024,
  maxGlobDepth: 6,
  maxGlobEntries: 5000,
};

export type Env = Record<string, string | undefined>;

export interface DiscoverOptions {
  platform: Platform;
  home: string;
  env: Env;
  /** Project scope: config files are searched here and in every parent up to home or the root. */
  cwd?: string;
  /** Where machine-wide (managed) paths are rooted; default `/` (on win32, `C:\`). */
  systemRoot?: string;
  limits?: Partial<DiscoveryLimits>;
  logger?: Logger;
}

/** How the servers of a file are laid out; each id has one extractor in `shapes/`. */
export const SHAPE_IDS = [
  'mcp-servers',
  'mcp-json',
  'gemini-settings',
  'claude-json',
  'claude-plugin',
  'vscode-mcp',
  'vscode-settings',
  'vscode-workspace',
  'devcontainer',
  'continue-config',
  'continue-dropin',
  'zed',
  'codex',
  'goose',
  'opencode',
  'crush',
] as const;
export type ShapeId = (typeof SHAPE_IDS)[number];

/**
 * One place a client keeps MCP configuration. `kind: 'file'` is one path; `kind: 'glob'`
 * is a folder (`path`) walked for files matching `pattern` (`**` = any depth, bounded).
 */
export interface ClientLocation {
  client: string;
  scope: Scope;
  kind: 'file' | 'glob';
  path: string;
  pattern?: string;
  /** Absent when the format follows each matched file's extension. */
  format?: ConfigFormat;
  shape: ShapeId;
}
