import { z } from 'zod';

export const PLATFORMS = ['linux', 'darwin', 'win32'] as const;
export const PlatformSchema = z.enum(PLATFORMS);
export type Platform = z.infer<typeof PlatformSchema>;

export const SCOPES = ['user', 'project', 'managed', 'plugin', 'extension', 'cache'] as const;
export const ScopeSchema = z.enum(SCOPES);
export type Scope = z.infer<typeof ScopeSchema>;

export const TRANSPORTS = ['stdio', 'http', 'sse', 'unknown'] as const;
export const TransportSchema = z.enum(TRANSPORTS);
export type Transport = z.infer<typeof TransportSchema>;

export const PositionSchema = z.object({ line: z.number().int(), column: z.number().int() });
/** 1-based line and column in a file. */
export type Position = z.infer<typeof PositionSchema>;

/**
 * One MCP server as configured in one client's config file.
 * `env` and `headers` hold real values for the rules to inspect; they are never printed.
 * Use `toPublicServer` before anything leaves the process.
 */
export interface Server {
  /** Stable identity: client, config path and name. */
  id: string;
  client: string;
  scope: Scope;
  configPath: string;
  name: string;
  transport: Transport;
  command?: string;
  args: string[];
  url?: string;
  env: Record<string, string>;
  headers: Record<string, string>;
  /** Set false when the client marks the entry disabled. */
  enabled: boolean;
  /** For Claude Code per-project entries: the project path the entry applies to. */
  project?: string;
  /** Where the entry starts in its file. */
  position?: Position;
  /**
   * Positions of individual fields, keyed by a dotted path relative to the entry:
   * `command`, `url`, `args.2`, `env.GITHUB_TOKEN`, `headers.Authorization`.
   */
  fieldPositions: Record<string, Position>;
}

/** What may be printed or stored of a server: no env or header values. */
export const PublicServerSchema = z.object({
  id: z.string(),
  client: z.string(),
  scope: ScopeSchema,
  configPath: z.string(),
  name: z.string(),
  transport: TransportSchema,
  command: z.string().optional(),
  args: z.array(z.string()),
  url: z.string().optional(),
  envKeys: z.array(z.string()),
  headerKeys: z.array(z.string()),
  enabled: z.boolean(),
  project: z.string().optional(),
  line: z.number().int().optional(),
});
export type PublicServer = z.infer<typeof PublicServerSchema>;

/**
 * A server stripped of secret values. Args and URLs are passed through `redact`
 * so that a token written inline is shown only as a marker.
 */
export function toPublicServer(server: Server, redact: (text: string) => string): PublicServer {
  const out: PublicServer = {
    id: server.id,
    client: server.client,
    scope: server.scope,
    configPath: server.configPath,
    name: server.name,
    transport: server.transport,
    args: server.args.map(redact),
    envKeys: Object.keys(server.env).sort(),
    headerKeys: Object.keys(server.headers).sort(),
    enabled: server.enabled,
  };
  if (server.command !== undefined) out.command = redact(server.command);
  if (server.url !== undefined) out.url = redact(server.url);
  if (server.project !== undefined) out.project = server.project;
  if (server.position !== undefined) out.line = server.position.line;
  return out;
}

/** A package cached by npx under `~/.npm/_npx/<hash>/node_modules`. */
export const CachedPackageSchema = z.object({
  name: z.string(),
  version: z.string(),
  path: z.string(),
  manager: z.literal('npx'),
});
export type CachedPackage = z.infer<typeof CachedPackageSchema>;
