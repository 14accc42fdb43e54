import { z } from 'zod';
import { FindingSchema } from './finding.js';
import { CoverageSchema } from './coverage.js';
import { PublicServerSchema, CachedPackageSchema } from './server.js';
import { SeveritySchema } from './severity.js';

export const TARGET_KINDS = ['machine', 'config', 'folder', 'tarball', 'package', 'tools'] as const;
export const TargetSchema = z.object({ kind: z.enum(TARGET_KINDS), ref: z.string() });
export type Target = z.infer<typeof TargetSchema>;

export const CHANGE_KINDS = ['added', 'removed', 'changed'] as const;
export const InventoryChangeSchema = z.object({
  kind: z.enum(CHANGE_KINDS),
  serverId: z.string(),
  client: z.string(),
  name: z.string(),
  configPath: z.string(),
  /** For `changed`: which fields differ (`command`, `args`, `url`, `envKeys`, `headerKeys`, `transport`, `enabled`). */
  fields: z.array(z.string()),
  /** Human-readable before → after per field; never a secret value. */
  details: z.array(z.string()),
});
export type InventoryChange = z.infer<typeof InventoryChangeSchema>;

export const ReportSchema = z.object({
  tool: z.object({ name: z.literal('mcp-warden'), version: z.string() }),
  command: z.string(),
  startedAt: z.string(),
  durationMs: z.number(),
  targets: z.array(TargetSchema),
  findings: z.array(FindingSchema),
  coverage: CoverageSchema,
  summary: z.record(SeveritySchema, z.number().int()),
  servers: z.array(PublicServerSchema).optional(),
  packages: z.array(CachedPackageSchema).optional(),
  /** Inventory changes since the previous stored run; absent when there was no previous run. */
  changes: z.array(InventoryChangeSchema).optional(),
  /** Run id in the store, when the run was stored. */
  runId: z.number().int().optional(),
});
export type Report = z.infer<typeof ReportSchema>;
