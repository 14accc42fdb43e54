import { z } from 'zod';
import { ScopeSchema, PositionSchema, type Server, type CachedPackage } from './server.js';
import type { Searched, Skipped } from './coverage.js';

export const CONFIG_FORMATS = ['json', 'jsonc', 'yaml', 'toml'] as const;
export const ConfigFormatSchema = z.enum(CONFIG_FORMATS);
export type ConfigFormat = z.infer<typeof ConfigFormatSchema>;

/** One config file discovery opened, whether or not it could be parsed. */
export const ConfigFileRecordSchema = z.object({
  path: z.string(),
  client: z.string(),
  scope: ScopeSchema,
  format: ConfigFormatSchema,
  parsed: z.boolean(),
  /** Why the file could not be used, with a position when the parser gave one. */
  error: z.object({ code: z.string(), message: z.string(), position: PositionSchema.optional() }).optional(),
  serverCount: z.number().int(),
});
export type ConfigFileRecord = z.infer<typeof ConfigFileRecordSchema>;

/** Everything discovery learned about one machine (or one config file). */
export interface DiscoveryResult {
  servers: Server[];
  files: ConfigFileRecord[];
  searched: Searched[];
  skipped: Skipped[];
  packages: CachedPackage[];
}
