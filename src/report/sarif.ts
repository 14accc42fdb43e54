import type { Skipped } from '../model/coverage.js';
import { isToolLocation, type FileLocation, type Finding, type ToolLocation } from '../model/finding.js';
import type { Report } from '../model/report.js';
import type { RuleMeta } from '../model/rule.js';
import type { Confidence, Severity } from '../model/severity.js';
import {
  encodeRelativePath,
  isAbsolutePath,
  joinPath,
  relativeInside,
  toFileUri,
  toFolderUri,
} from './file-uri.js';

/*
 * SARIF 2.1.0 as GitHub code scanning accepts it: every result has one location with a
 * physical file (a repository-relative path under `baseDir`, an absolute `file:` URI, or a
 * relative reference when the file is inside a package), rule metadata with
 * `security-severity`, and `partialFingerprints` so that alerts survive line moves.
 */

export interface SarifOptions {
  /** Files under this folder get URIs relative to it, with `uriBaseId` `%SRCROOT%` (the repository root in CI). */
  baseDir?: string;
  /** Describe every rule passed in, not only those with results. */
  allRules?: boolean;
}

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/mcp-warden/mcp-warden';
const RULE_DOCS = 'https://github.com/mcp-warden/mcp-warden/blob/main/docs/rules';
const SRCROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note';
type Json = Record<string, unknown>;

const LEVEL: Record<Severity, SarifLevel> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

/** GitHub's scale: over 9.0 critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low. */
const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '1.0',
};

/** GitHub's precision values; a rule's confidence maps one to one (`very-high` is not used). */
const PRECISION: Record<Confidence, string> = { high: 'high', medium: 'medium', low: 'low' };

/** `code/hardcoded-recipient` → `CodeHardcodedRecipient`. */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== '')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

function cweTag(cwe: string): string {
  return `external/cwe/${cwe.toLowerCase()}`;
}

function helpMarkdown(meta: RuleMeta): string {
  const parts = [meta.description, `**How to fix:** ${meta.remediation}`];
  if (meta.references.length > 0)
    parts.push(`References:\n${meta.references.map((r) => `- <${r}>`).join('\n')}`);
  return parts.join('\n\n');
}

function ruleDescriptor(meta: RuleMeta): Json {
  return {
    id: meta.id,
    name: pascalCase(meta.id),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.description },
    help: { text: meta.remediation, markdown: helpMarkdown(meta) },
    helpUri: `${RULE_DOCS}/${meta.id}.md`,
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: {
      tags: ['security', meta.group, ...meta.cwe.map(cweTag)],
      precision: PRECISION[meta.confidence],
      'security-severity': SECURITY_SEVERITY[meta.severity],
    },
  };
}

/** For a finding whose rule is not in the catalog: what the finding itself says. */
function fallbackDescriptor(finding: Finding): Json {
  return {
    id: finding.ruleId,
    name: pascalCase(finding.ruleId),
    shortDescription: { text: finding.title },
    defaultConfiguration: { level: LEVEL[finding.severity] },
    properties: {
      tags: ['security'],
      precision: PRECISION[finding.confidence],
      'security-severity': SECURITY_SEVERITY[finding.severity],
    },
  };
}

class Locator {
  private readonly baseDir: string | undefined;

  constructor(
    private readonly report: Report,
    baseDir: string | undefined,
  ) {
    // A relative base would make the output depend on the current directory; it is ignored.
    this.baseDir = baseDir !== undefined && isAbsolutePath(baseDir) ? baseDir : undefined;
  }

  /** An artifact location for a path: inside `baseDir` → relative to `%SRCROOT%`; other absolute → `file:`. */
  artifact(path: string): Json {
    if (isAbsolutePath(path)) {
      const rel = this.baseDir !== undefined ? relativeInside(this.baseDir, path) : undefined;
      if (rel !== undefined) return { uri: encodeRelativePath(rel), uriBaseId: SRCROOT };
      return { uri: toFileUri(path) };
    }
    return { uri: encodeRelativePath(path) };
  }

  /** A file path of a finding, made absolute when its target is a scanned folder. */
  resolve(file: string, target: string): string {
    if (isAbsolutePath(file)) return file;
    const folder = this.report.targets.find((t) => t.kind === 'folder' && t.ref === target);
    if (folder === undefined) return file;
    if (isAbsolutePath(folder.ref)) return joinPath(folder.ref, file);
    return this.baseDir !== undefined
      ? joinPath(this.baseDir, joinPath(folder.ref, file))
      : joinPath(folder.ref, file);
  }

  fileLocation(loc: FileLocation, target: string): Json {
    const physical: Json = { artifactLocation: this.artifact(this.resolve(loc.file, target)) };
    if (loc.line !== undefined && loc.line >= 1) {
      const region: Json = { startLine: loc.line };
      if (loc.column !== undefined && loc.column >= 1) region.startColumn = loc.column;
      if (loc.endLine !== undefined && loc.endLine >= loc.line) region.endLine = loc.endLine;
      if (loc.endColumn !== undefined && loc.endColumn >= 1) region.endColumn = loc.endColumn;
      physical.region = region;
    }
    const out: Json = { physicalLocation: physical };
    const properties: Json = {};
    if (loc.server !== undefined) properties.server = loc.server;
    if (loc.field !== undefined) properties.field = loc.field;
    if (Object.keys(properties).length > 0) out.properties = properties;
    return out;
  }

  /**
   * A tool definition has no file of its own. Its physical location is the tools or config
   * file that was scanned, else the config file that declares the server, else the target
   * as a relative reference (GitHub rejects results without a physical location).
   */
  toolLocation(loc: ToolLocation, target: string): Json {
    const physical = this.toolPhysical(loc, target);
    return {
      physicalLocation: physical,
      logicalLocations: [
        { name: loc.tool, fullyQualifiedName: `${loc.server}/${loc.tool}`, kind: 'function' },
      ],
      properties: { field: loc.field },
    };
  }

  private toolPhysical(loc: ToolLocation, target: string): Json {
    const scanned = this.report.targets.find(
      (t) => (t.kind === 'tools' || t.kind === 'config') && t.ref === target,
    );
    if (scanned !== undefined) return { artifactLocation: this.artifact(scanned.ref) };
    const server =
      this.report.servers?.find((s) => s.id === target) ??
      this.report.servers?.find((s) => s.name === loc.server);
    if (server !== undefined) {
      const physical: Json = { artifactLocation: this.artifact(server.configPath) };
      if (server.line !== undefined && server.line >= 1) physical.region = { startLine: server.line };
      return physical;
    }
    return {
      artifactLocation: { ...this.artifact(target), description: { text: `MCP server ${loc.server}` } },
    };
  }
}

function result(finding: Finding, ruleIndex: number, locator: Locator): Json {
  const loc = finding.location;
  const properties: Json = {
    severity: finding.severity,
    confidence: finding.confidence,
    target: finding.target,
  };
  if (finding.evidence !== undefined) properties.evidence = finding.evidence;
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [
      isToolLocation(loc)
        ? locator.toolLocation(loc, finding.target)
        : locator.fileLocation(loc, finding.target),
    ],
    partialFingerprints: { 'mcpWarden/v1': finding.fingerprint },
    properties,
  };
}

function notification(skipped: Skipped, locator: Locator): Json {
  const out: Json = {
    level: 'warning',
    message: { text: `Not analysed: ${skipped.path}: ${skipped.reason}` },
    properties: { code: skipped.code, path: skipped.path },
  };
  if (isAbsolutePath(skipped.path))
    out.locations = [{ physicalLocation: { artifactLocation: locator.artifact(skipped.path) } }];
  return out;
}

function invocation(report: Report, locator: Locator): Json {
  const notifications = report.coverage.skipped.map((s) => notification(s, locator));
  if (!report.coverage.complete && notifications.length === 0) {
    notifications.push({
      level: 'warning',
      message: { text: 'Coverage is incomplete: part of the target could not be analysed.' },
    });
  }
  const out: Json = { executionSuccessful: true };
  if (notifications.length > 0) out.toolExecutionNotifications = notifications;
  return out;
}

/** The report as a SARIF 2.1.0 log with one run. */
export function renderSarif(
  report: Report,
  rules: ReadonlyMap<string, RuleMeta>,
  options: SarifOptions = {},
): string {
  const ids = new Set(report.findings.map((f) => f.ruleId));
  if (options.allRules === true) for (const id of rules.keys()) ids.add(id);
  const ordered = [...ids].sort();
  const index = new Map(ordered.map((id, i) => [id, i]));
  const descriptors = ordered.map((id) => {
    const meta = rules.get(id);
    if (meta !== undefined) return ruleDescriptor(meta);
    const finding = report.findings.find((f) => f.ruleId === id);
    // Every id without metadata came from a finding.
    if (finding === undefined) throw new Error(`rule ${id} has neither metadata nor a finding`);
    return fallbackDescriptor(finding);
  });

  const locator = new Locator(report, options.baseDir);
  const run: Json = {
    tool: {
      driver: {
        name: 'mcp-warden',
        version: report.tool.version,
        informationUri: INFORMATION_URI,
        rules: descriptors,
      },
    },
    invocations: [invocation(report, locator)],
  };
  if (options.baseDir !== undefined && isAbsolutePath(options.baseDir)) {
    run.originalUriBaseIds = { [SRCROOT]: { uri: toFolderUri(options.baseDir) } };
  }
  run.columnKind = 'utf16CodeUnits';
  run.results = report.findings.map((f) => result(f, index.get(f.ruleId) ?? 0, locator));
  run.properties = {
    command: report.command,
    targets: report.targets,
    coverageComplete: report.coverage.complete,
    filesScanned: report.coverage.filesScanned,
  };

  const log = { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
  return `${JSON.stringify(log, null, 2)}\n`;
}
