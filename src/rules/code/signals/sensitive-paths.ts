import { ANY, showPath } from './paths.js';

/** A secret store on disk: what it is, and the services it is meant for (reaching them is its normal use). */
export interface SecretPath {
  readonly label: string;
  /** Host suffixes of the service these credentials are for. */
  readonly vendors: readonly string[];
}

interface SecretPattern extends SecretPath {
  readonly pattern: RegExp;
}

/** Path patterns, matched against `/`-separated text ending at the file (or folder) read. */
const SECRETS: readonly SecretPattern[] = [
  { pattern: /\/\.ssh\/id_[a-z0-9_]+(?<!\.pub)$/i, label: 'an SSH private key', vendors: [] },
  { pattern: /\/\.ssh\/?$/, label: 'the SSH key folder', vendors: [] },
  {
    pattern: /\/\.aws\/credentials$|\/\.aws\/?$/,
    label: 'AWS credentials',
    vendors: ['amazonaws.com', 'aws.amazon.com'],
  },
  { pattern: /\/\.npmrc$/, label: 'the npm token file', vendors: ['npmjs.org', 'npmjs.com'] },
  { pattern: /\/[._]netrc$/, label: 'the netrc password file', vendors: [] },
  {
    pattern: /\/\.docker\/config\.json$/,
    label: 'Docker registry credentials',
    vendors: ['docker.io', 'docker.com'],
  },
  { pattern: /\/\.kube\/config$/, label: 'the Kubernetes config', vendors: [] },
  {
    pattern: /\/\.config\/gcloud(?:\/|$)/,
    label: 'Google Cloud credentials',
    vendors: ['googleapis.com', 'google.com'],
  },
  { pattern: /\/\.git-credentials$/, label: 'stored Git credentials', vendors: [] },
  {
    pattern: /\/(?:Login Data|Cookies|Web Data|Local State)$/,
    label: 'a browser password or cookie store',
    vendors: [],
  },
  {
    pattern: /\/(?:key[34]\.db|logins\.json|cookies\.sqlite)$/,
    label: 'a Firefox password or cookie store',
    vendors: [],
  },
  { pattern: /\/Keychains\/|login\.keychain(?:-db)?$/, label: 'the macOS keychain', vendors: [] },
  {
    pattern: /\/Microsoft\/(?:Credentials|Protect|Vault)(?:\/|$)/i,
    label: 'the Windows credential store',
    vendors: [],
  },
  {
    pattern: /\/claude_desktop_config\.json$/,
    label: 'the Claude Desktop config',
    vendors: ['anthropic.com'],
  },
  {
    pattern: /\/\.claude\.json$|\/\.claude\/\.credentials\.json$/,
    label: 'the Claude Code config',
    vendors: ['anthropic.com'],
  },
  { pattern: /\/\.cursor\/mcp\.json$/, label: 'the Cursor MCP config', vendors: [] },
  { pattern: /\/\.codex\/(?:config\.toml|auth\.json)$/, label: 'the Codex config', vendors: ['openai.com'] },
  { pattern: /\/\.codeium\/windsurf\/mcp_config\.json$/, label: 'the Windsurf MCP config', vendors: [] },
  {
    pattern: /\/\.gemini\/(?:settings|oauth_creds)\.json$/,
    label: 'the Gemini CLI config',
    vendors: ['googleapis.com'],
  },
  {
    pattern: /\/(?:\.bash_history|\.zsh_history|\.sh_history|\.history|ConsoleHost_history\.txt)$/,
    label: 'shell history',
    vendors: [],
  },
];

/** Commands that dump a credential store. */
const SECRET_COMMANDS: readonly { pattern: RegExp; label: string }[] = [
  {
    pattern: /\bsecurity\s+(?:find-generic-password|find-internet-password|dump-keychain)\b/,
    label: 'the macOS keychain',
  },
  {
    pattern: /\b(?:cmdkey\s+\/list|vaultcmd\b|Get-StoredCredential\b|CredRead\b)/i,
    label: 'the Windows credential store',
  },
];

/** The secret a path names, when it names one. Paths with an unknown final part name none. */
export function secretPath(path: string): SecretPath | undefined {
  if (path.endsWith(ANY)) return undefined;
  const text = `/${showPath(path)}`;
  const found = SECRETS.find((s) => s.pattern.test(text));
  return found && { label: found.label, vendors: found.vendors };
}

/** The secret store a command dumps, or a secret file it reads (`cat ~/.ssh/id_rsa`). */
export function secretCommand(command: string): SecretPath | undefined {
  const store = SECRET_COMMANDS.find((c) => c.pattern.test(command));
  if (store) return { label: store.label, vendors: [] };
  if (!/\b(?:cat|type|base64|xxd|cp|tar|zip|curl|scp|Get-Content)\b/i.test(command)) return undefined;
  for (const word of command.split(/[\s"'=|;&<>]+/)) {
    const found = secretPath(word.replace(/^~/, '/~'));
    if (found) return found;
  }
  return undefined;
}

/** MCP client configuration files, by client (client-configs research). */
const MCP_CONFIGS: readonly { pattern: RegExp; client: string; needsMcpKey?: boolean }[] = [
  { pattern: /\/claude_desktop_config\.json$/i, client: 'Claude Desktop' },
  { pattern: /\/\.claude\.json$|\/\.mcp\.json$|\/managed-mcp\.json$/, client: 'Claude Code' },
  { pattern: /\/\.cursor\/mcp\.json$/, client: 'Cursor' },
  {
    pattern:
      /\/(?:Code|Code - Insiders|Cursor|VSCodium)\/User\/(?:profiles\/[^/]+\/)?mcp\.json$|\/\.vscode\/mcp\.json$/,
    client: 'VS Code',
  },
  {
    pattern: /\/(?:Code|Code - Insiders)\/User\/settings\.json$|\/\.vscode\/settings\.json$/,
    client: 'VS Code',
    needsMcpKey: true,
  },
  { pattern: /\/\.copilot\/mcp-config\.json$/, client: 'GitHub Copilot CLI' },
  { pattern: /\/\.codeium\/windsurf\/mcp_config\.json$/, client: 'Windsurf' },
  { pattern: /\/(?:cline_mcp_settings|mcp_settings)\.json$/, client: 'Cline / Roo Code / Kilo Code' },
  { pattern: /\/\.roo\/mcp\.json$/, client: 'Roo Code' },
  { pattern: /\/\.continue\/(?:config\.(?:yaml|json)|mcpServers\/[^/]+)$/, client: 'Continue' },
  { pattern: /\/zed\/settings\.json$|\/\.zed\/settings\.json$/i, client: 'Zed', needsMcpKey: true },
  { pattern: /\/\.gemini\/settings\.json$/, client: 'Gemini CLI', needsMcpKey: true },
  { pattern: /\/\.gemini\/(?:antigravity|config)\/mcp_config\.json$/, client: 'Antigravity' },
  { pattern: /\/\.codex\/(?:[^/]+\.)?config\.toml$/, client: 'Codex CLI' },
  { pattern: /\/goose\/config\.yaml$/, client: 'Goose', needsMcpKey: true },
  { pattern: /\/\.aws\/amazonq\/(?:mcp|agents\/[^/]+)\.json$|\/\.amazonq\/mcp\.json$/, client: 'Amazon Q' },
  { pattern: /\/\.kiro\/settings\/mcp\.json$/, client: 'Kiro' },
  { pattern: /\/opencode\/opencode\.jsonc?$/, client: 'OpenCode', needsMcpKey: true },
  { pattern: /\/\.lmstudio\/mcp\.json$/, client: 'LM Studio' },
];

/** The MCP client whose config a path names; `needsMcpKey` when the file also holds other settings. */
export function mcpConfigPath(path: string): { client: string; needsMcpKey: boolean } | undefined {
  if (path.endsWith(ANY)) return undefined;
  const text = `/${showPath(path)}`;
  const found = MCP_CONFIGS.find((c) => c.pattern.test(text));
  return found && { client: found.client, needsMcpKey: found.needsMcpKey === true };
}
