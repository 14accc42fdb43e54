import type { ConfigFormat } from '../model/discovery.js';
import type { Scope } from '../model/server.js';
import type { ShapeId } from './types.js';

export interface Identified {
  client: string;
  scope: Scope;
  shape: ShapeId;
}

interface Known extends Identified {
  /** Matched against the path with `/` separators. */
  test: RegExp;
}

const EXT_STORAGE = '/User/globalStorage';

/** Known file locations, most specific first. */
const KNOWN: readonly Known[] = [
  { test: /\/claude_desktop_config\.json$/i, client: 'claude-desktop', scope: 'user', shape: 'mcp-servers' },
  { test: /\/managed-mcp\.json$/i, client: 'claude-code', scope: 'managed', shape: 'mcp-json' },
  { test: /\/\.claude\.json$/i, client: 'claude-code', scope: 'user', shape: 'claude-json' },
  {
    test: /\/\.claude-plugin\/plugin\.json$/i,
    client: 'claude-code',
    scope: 'plugin',
    shape: 'claude-plugin',
  },
  { test: /\/\.claude\/plugins\/.*\.mcp\.json$/i, client: 'claude-code', scope: 'plugin', shape: 'mcp-json' },
  { test: /\/\.codex\/plugins\/.*\.mcp\.json$/i, client: 'codex', scope: 'plugin', shape: 'mcp-json' },
  { test: /\/\.cursor\/plugins\/.*mcp\.json$/i, client: 'cursor', scope: 'plugin', shape: 'mcp-json' },
  { test: /\/\.cursor\/mcp\.json$/i, client: 'cursor', scope: 'user', shape: 'mcp-servers' },
  {
    test: new RegExp(`${EXT_STORAGE}/saoudrizwan\\.claude-dev/`, 'i'),
    client: 'cline',
    scope: 'user',
    shape: 'mcp-servers',
  },
  {
    test: new RegExp(`${EXT_STORAGE}/rooveterinaryinc\\.roo-cline/`, 'i'),
    client: 'roo-code',
    scope: 'user',
    shape: 'mcp-servers',
  },
  {
    test: new RegExp(`${EXT_STORAGE}/kilocode\\.kilo-code/`, 'i'),
    client: 'kilo-code',
    scope: 'user',
    shape: 'mcp-servers',
  },
  { test: /\/\.roo\/mcp\.json$/i, client: 'roo-code', scope: 'project', shape: 'mcp-servers' },
  { test: /\/\.kilocode\/mcp\.json$/i, client: 'kilo-code', scope: 'project', shape: 'mcp-servers' },
  {
    test: /\/Code - Insiders\/User\/(?:profiles\/[^/]+\/)?mcp\.json$/i,
    client: 'vscode-insiders',
    scope: 'user',
    shape: 'vscode-mcp',
  },
  {
    test: /\/Code - Insiders\/User\/(?:profiles\/[^/]+\/)?settings\.json$/i,
    client: 'vscode-insiders',
    scope: 'user',
    shape: 'vscode-settings',
  },
  {
    test: /\/(?:Code|user-data)\/User\/(?:profiles\/[^/]+\/)?mcp\.json$/i,
    client: 'vscode',
    scope: 'user',
    shape: 'vscode-mcp',
  },
  {
    test: /\/(?:Code|user-data)\/User\/(?:profiles\/[^/]+\/)?settings\.json$/i,
    client: 'vscode',
    scope: 'user',
    shape: 'vscode-settings',
  },
  { test: /\/\.vscode\/mcp\.json$/i, client: 'vscode', scope: 'project', shape: 'vscode-mcp' },
  { test: /\.code-workspace$/i, client: 'vscode', scope: 'project', shape: 'vscode-workspace' },
  { test: /(?:^|\/)\.?devcontainer\.json$/i, client: 'vscode', scope: 'project', shape: 'devcontainer' },
  { test: /\/\.copilot\/mcp-config\.json$/i, client: 'copilot-cli', scope: 'user', shape: 'mcp-servers' },
  { test: /\/windsurf\/mcp_config\.json$/i, client: 'windsurf', scope: 'user', shape: 'mcp-servers' },
  { test: /\/\.windsurf\/mcp\.json$/i, client: 'windsurf', scope: 'project', shape: 'mcp-servers' },
  { test: /\/mcp_config\.json$/i, client: 'antigravity', scope: 'user', shape: 'mcp-servers' },
  { test: /\/\.continue\/mcpServers\/[^/]+$/i, client: 'continue', scope: 'user', shape: 'continue-dropin' },
  {
    test: /\/\.continue\/config\.(?:yaml|yml|json)$/i,
    client: 'continue',
    scope: 'user',
    shape: 'continue-config',
  },
  { test: /\/\.zed\/settings\.json$/i, client: 'zed', scope: 'project', shape: 'zed' },
  { test: /\/zed\/settings\.json$/i, client: 'zed', scope: 'user', shape: 'zed' },
  { test: /\/gemini-extension\.json$/i, client: 'gemini-cli', scope: 'extension', shape: 'gemini-settings' },
  {
    test: /\/(?:\.gemini|gemini-cli|GeminiCli)\/(?:settings|system-defaults)\.json$/i,
    client: 'gemini-cli',
    scope: 'user',
    shape: 'gemini-settings',
  },
  { test: /\/goose\/(?:config\/)?config\.ya?ml$/i, client: 'goose', scope: 'user', shape: 'goose' },
  { test: /\.toml$/i, client: 'codex', scope: 'user', shape: 'codex' },
  { test: /\/\.aws\/amazonq\//i, client: 'amazon-q', scope: 'user', shape: 'mcp-servers' },
  { test: /\/\.amazonq\/mcp\.json$/i, client: 'amazon-q', scope: 'project', shape: 'mcp-servers' },
  { test: /\/\.kiro\//i, client: 'kiro', scope: 'user', shape: 'mcp-servers' },
  { test: /\/opencode\.jsonc?$/i, client: 'opencode', scope: 'user', shape: 'opencode' },
  { test: /\/opencode\/config\.json$/i, client: 'opencode', scope: 'user', shape: 'opencode' },
  { test: /\/\.?crush\.json$/i, client: 'crush', scope: 'user', shape: 'crush' },
  {
    test: /\/(?:\.lmstudio|lm-studio)\/mcp\.json$/i,
    client: 'lm-studio',
    scope: 'user',
    shape: 'mcp-servers',
  },
  { test: /\/sema4ai-studio\/mcp_servers\.json$/i, client: 'sema4ai', scope: 'user', shape: 'mcp-servers' },
  { test: /\/\.mcp\.json$/i, client: 'claude-code', scope: 'project', shape: 'mcp-json' },
];

/** The client, scope and shape of a path at a known location, when it is one. */
export function identify(path: string): Identified | undefined {
  const slashed = `/${path.replace(/\\/g, '/').replace(/^\/+/, '')}`;
  const known = KNOWN.find((k) => k.test.test(slashed));
  return known ? { client: known.client, scope: known.scope, shape: known.shape } : undefined;
}

/** The format a file's extension implies; JSON files are read leniently either way. */
export function formatOf(path: string, fallback: ConfigFormat = 'json'): ConfigFormat {
  const lower = path.toLowerCase();
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  if (lower.endsWith('.toml')) return 'toml';
  if (lower.endsWith('.jsonc') || lower.endsWith('.code-workspace')) return 'jsonc';
  if (lower.endsWith('.json')) return fallback === 'jsonc' ? 'jsonc' : 'json';
  return fallback;
}
