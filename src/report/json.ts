import type { Coverage } from '../model/coverage.js';
import type { Finding, Location } from '../model/finding.js';
import { isToolLocation } from '../model/finding.js';
import type { InventoryChange, Report } from '../model/report.js';
import type { CachedPackage, PublicServer } from '../model/server.js';
import { SEVERITIES } from '../model/severity.js';

/*
 * The JSON report is a contract (DESIGN.md): field names and their order are fixed here,
 * whatever order the report object was built in, so that two runs diff line by line.
 * Optional fields are left out when absent.
 */

type Json = Record<string, unknown>;

/** Builds an object with `keys` in this order, leaving out keys whose value is undefined. */
function pick<T extends object>(value: T, keys: readonly (keyof T & string)[]): Json {
  const out: Json = {};
  for (const key of keys) {
    if (value[key] !== undefined) out[key] = value[key];
  }
  return out;
}

function location(loc: Location): Json {
  if (isToolLocation(loc)) return pick(loc, ['server', 'tool', 'field']);
  return pick(loc, ['file', 'line', 'column', 'endLine', 'endColumn', 'server', 'field']);
}

function finding(f: Finding): Json {
  return {
    ...pick(f, ['ruleId', 'severity', 'confidence', 'title', 'message', 'target']),
    location: location(f.location),
    ...pick(f, ['evidence', 'fingerprint']),
  };
}

function coverage(c: Coverage): Json {
  const out: Json = {
    complete: c.complete,
    filesScanned: c.filesScanned,
    skipped: c.skipped.map((s) => pick(s, ['path', 'code', 'reason'])),
  };
  if (c.searched !== undefined)
    out.searched = c.searched.map((s) => pick(s, ['client', 'scope', 'configPath', 'found']));
  return out;
}

const SERVER_KEYS = [
  'id',
  'client',
  'scope',
  'configPath',
  'name',
  'transport',
  'command',
  'args',
  'url',
  'envKeys',
  'headerKeys',
  'enabled',
  'project',
  'line',
] as const satisfies readonly (keyof PublicServer)[];

const PACKAGE_KEYS = [
  'name',
  'version',
  'path',
  'manager',
] as const satisfies readonly (keyof CachedPackage)[];

const CHANGE_KEYS = [
  'kind',
  'serverId',
  'client',
  'name',
  'configPath',
  'fields',
  'details',
] as const satisfies readonly (keyof InventoryChange)[];

/** The report as ordered JSON data (what `renderJson` prints). */
export function orderedReport(report: Report): Json {
  const out: Json = {
    tool: pick(report.tool, ['name', 'version']),
    command: report.command,
    startedAt: report.startedAt,
    durationMs: report.durationMs,
    targets: report.targets.map((t) => pick(t, ['kind', 'ref'])),
    findings: report.findings.map(finding),
    coverage: coverage(report.coverage),
    summary: Object.fromEntries(SEVERITIES.map((s) => [s, report.summary[s]])),
  };
  if (report.servers !== undefined) out.servers = report.servers.map((s) => pick(s, SERVER_KEYS));
  if (report.packages !== undefined) out.packages = report.packages.map((p) => pick(p, PACKAGE_KEYS));
  if (report.changes !== undefined) out.changes = report.changes.map((c) => pick(c, CHANGE_KEYS));
  if (report.runId !== undefined) out.runId = report.runId;
  return out;
}

/** The report as JSON: the contract's field names in a fixed order, 2-space indent, final newline. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(orderedReport(report), null, 2)}\n`;
}
