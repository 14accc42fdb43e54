import { z } from 'zod';
import { FindingSchema, type Finding } from '../../model/finding.js';
import {
  InventoryChangeSchema,
  TargetSchema,
  type InventoryChange,
  type Report,
} from '../../model/report.js';
import { PublicServerSchema, type CachedPackage, type PublicServer } from '../../model/server.js';
import { StoreError } from '../errors.js';
import type { RunSummary, StoredChange } from '../store.js';

/*
 * Rows as they are in the tables, and the conversions to and from the model. Reading goes
 * through the model's zod schemas: a damaged or hand-edited file is reported, not trusted.
 */

type Flag = 0 | 1;

export interface RunRow {
  id: number;
  command: string;
  started_at: string;
  duration_ms: number;
  tool_version: string;
  targets: string;
  complete: Flag;
  files_scanned: number;
  skipped_count: number;
  has_inventory: Flag;
  critical_count: number;
  high_count: number;
  medium_count: number;
  low_count: number;
  info_count: number;
}

export type RunSummaryRow = RunRow & { server_count: number | null };

export interface ServerRow {
  server_id: string;
  client: string;
  scope: string;
  config_path: string;
  name: string;
  transport: string;
  command: string | null;
  args: string;
  url: string | null;
  env_keys: string;
  header_keys: string;
  enabled: Flag;
  project: string | null;
  line: number | null;
}

export interface FindingRow {
  rule_id: string;
  severity: string;
  confidence: string;
  title: string;
  message: string;
  target: string;
  location: string;
  evidence: string | null;
  fingerprint: string;
}

export interface ChangeRow {
  run_id: number;
  kind: string;
  server_id: string;
  client: string;
  name: string;
  config_path: string;
  fields: string;
  details: string;
  detected_at: string;
}

/** Named parameters (`@name` in the SQL); null where the model has no value. */
export type Params = Record<string, string | number | null>;

const flag = (value: boolean): Flag => (value ? 1 : 0);
const json = (value: unknown): string => JSON.stringify(value);

export function runParams(report: Report): Params {
  return {
    command: report.command,
    started_at: report.startedAt,
    duration_ms: Math.round(report.durationMs),
    tool_version: report.tool.version,
    targets: json(report.targets),
    complete: flag(report.coverage.complete),
    files_scanned: report.coverage.filesScanned,
    skipped_count: report.coverage.skipped.length,
    has_inventory: flag(report.servers !== undefined),
    critical_count: report.summary.critical,
    high_count: report.summary.high,
    medium_count: report.summary.medium,
    low_count: report.summary.low,
    info_count: report.summary.info,
  };
}

export function serverParams(runId: number, server: PublicServer): Params {
  return {
    run_id: runId,
    server_id: server.id,
    client: server.client,
    scope: server.scope,
    config_path: server.configPath,
    name: server.name,
    transport: server.transport,
    command: server.command ?? null,
    args: json(server.args),
    url: server.url ?? null,
    env_keys: json(server.envKeys),
    header_keys: json(server.headerKeys),
    enabled: flag(server.enabled),
    project: server.project ?? null,
    line: server.line ?? null,
  };
}

export function packageParams(runId: number, pkg: CachedPackage): Params {
  return { run_id: runId, name: pkg.name, version: pkg.version, path: pkg.path, manager: pkg.manager };
}

export function findingParams(runId: number, finding: Finding): Params {
  return {
    run_id: runId,
    rule_id: finding.ruleId,
    severity: finding.severity,
    confidence: finding.confidence,
    title: finding.title,
    message: finding.message,
    target: finding.target,
    location: json(finding.location),
    evidence: finding.evidence ?? null,
    fingerprint: finding.fingerprint,
  };
}

export function changeParams(runId: number, detectedAt: string, change: InventoryChange): Params {
  return {
    run_id: runId,
    kind: change.kind,
    server_id: change.serverId,
    client: change.client,
    name: change.name,
    config_path: change.configPath,
    fields: json(change.fields),
    details: json(change.details),
    detected_at: detectedAt,
  };
}

/** Parses what `build` makes of a row with `schema`; any failure is a `store-corrupt` error naming the row. */
function fromRow<S extends z.ZodType>(schema: S, what: string, build: () => unknown): z.infer<S> {
  let candidate: unknown;
  try {
    candidate = build();
  } catch (error) {
    throw new StoreError('store-corrupt', `The stored ${what} is damaged: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const parsed = schema.safeParse(candidate);
  if (!parsed.success) {
    throw new StoreError(
      'store-corrupt',
      `The stored ${what} does not have the expected shape: ${parsed.error.message}`,
    );
  }
  return parsed.data;
}

const parseJson = (text: string): unknown => JSON.parse(text);

const RunSummarySchema = z.object({
  id: z.number().int(),
  command: z.string(),
  startedAt: z.string(),
  durationMs: z.number(),
  toolVersion: z.string(),
  targets: z.array(TargetSchema),
  complete: z.boolean(),
  filesScanned: z.number().int(),
  skippedCount: z.number().int(),
  summary: z.object({
    critical: z.number().int(),
    high: z.number().int(),
    medium: z.number().int(),
    low: z.number().int(),
    info: z.number().int(),
  }),
  serverCount: z.number().int().optional(),
});

export function toRunSummary(row: RunSummaryRow): RunSummary {
  const parsed = fromRow(RunSummarySchema, `run ${row.id}`, () => ({
    id: row.id,
    command: row.command,
    startedAt: row.started_at,
    durationMs: row.duration_ms,
    toolVersion: row.tool_version,
    targets: parseJson(row.targets),
    complete: row.complete === 1,
    filesScanned: row.files_scanned,
    skippedCount: row.skipped_count,
    summary: {
      critical: row.critical_count,
      high: row.high_count,
      medium: row.medium_count,
      low: row.low_count,
      info: row.info_count,
    },
    ...(row.server_count !== null ? { serverCount: row.server_count } : {}),
  }));
  const { serverCount, ...rest } = parsed;
  return serverCount !== undefined ? { ...rest, serverCount } : rest;
}

export function toPublicServer(row: ServerRow, runId: number): PublicServer {
  return fromRow(PublicServerSchema, `server "${row.name}" of run ${runId}`, () => ({
    id: row.server_id,
    client: row.client,
    scope: row.scope,
    configPath: row.config_path,
    name: row.name,
    transport: row.transport,
    ...(row.command !== null ? { command: row.command } : {}),
    args: parseJson(row.args),
    ...(row.url !== null ? { url: row.url } : {}),
    envKeys: parseJson(row.env_keys),
    headerKeys: parseJson(row.header_keys),
    enabled: row.enabled === 1,
    ...(row.project !== null ? { project: row.project } : {}),
    ...(row.line !== null ? { line: row.line } : {}),
  }));
}

export function toFinding(row: FindingRow, runId: number): Finding {
  return fromRow(FindingSchema, `finding ${row.rule_id} of run ${runId}`, () => ({
    ruleId: row.rule_id,
    severity: row.severity,
    confidence: row.confidence,
    title: row.title,
    message: row.message,
    target: row.target,
    location: parseJson(row.location),
    ...(row.evidence !== null ? { evidence: row.evidence } : {}),
    fingerprint: row.fingerprint,
  }));
}

const StoredChangeSchema = InventoryChangeSchema.extend({ runId: z.number().int(), detectedAt: z.string() });

export function toStoredChange(row: ChangeRow): StoredChange {
  return fromRow(StoredChangeSchema, `change of "${row.name}" in run ${row.run_id}`, () => ({
    kind: row.kind,
    serverId: row.server_id,
    client: row.client,
    name: row.name,
    configPath: row.config_path,
    fields: parseJson(row.fields),
    details: parseJson(row.details),
    runId: row.run_id,
    detectedAt: row.detected_at,
  }));
}
