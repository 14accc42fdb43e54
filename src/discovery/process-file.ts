import { realpath } from 'node:fs/promises';
import type { Skipped } from '../model/coverage.js';
import type { ConfigFileRecord, ConfigFormat } from '../model/discovery.js';
import type { Position, Scope, Server } from '../model/server.js';
import { readConfigFile } from './fs/read.js';
import { formatOf } from './identify.js';
import type { ParsedDocument } from './parsers/document.js';
import { parseConfigText } from './parsers/index.js';
import type { Draft, ShapeIssue } from './shapes/common.js';
import { extract, guessShape } from './shapes/index.js';
import type { ShapeId } from './types.js';

/** What to read a file as. `shape: 'guess'` picks the shape from the keys the file holds. */
export interface FileTarget {
  path: string;
  client: string;
  scope: Scope;
  shape: ShapeId | 'guess';
  format?: ConfigFormat;
}

export interface FileOutcome {
  found: boolean;
  /** The file's real path (symbolic links resolved), to read each file once per client. */
  realPath: string;
  record?: ConfigFileRecord;
  servers: Server[];
  skipped: Skipped[];
  /** Further files the document points at, relative to its folder. */
  follow: string[];
}

const MAX_LISTED_ISSUES = 3;

function baseName(path: string): string {
  const file = path.split(/[\\/]/).pop() ?? path;
  return file.replace(/\.[^.]+$/, '');
}

function toServer(draft: Draft, target: FileTarget, doc: ParsedDocument, name: string): Server {
  const fieldPositions: Record<string, Position> = {};
  for (const [field, path] of Object.entries(draft.fieldPaths)) {
    const position = doc.valueAt(path);
    if (position) fieldPositions[field] = position;
  }
  const server: Server = {
    id: `${target.client}|${target.path}|${draft.project ?? ''}|${name}`,
    client: target.client,
    scope: target.scope,
    configPath: target.path,
    name,
    transport: draft.transport,
    args: draft.args,
    env: draft.env,
    headers: draft.headers,
    enabled: draft.enabled,
    fieldPositions,
  };
  if (draft.command !== undefined) server.command = draft.command;
  if (draft.url !== undefined) server.url = draft.url;
  if (draft.project !== undefined) server.project = draft.project;
  const position = doc.entryAt(draft.entryPath) ?? doc.valueAt(draft.entryPath);
  if (position) server.position = position;
  return server;
}

/** Names are unique per file and project: a repeated name (possible in lists) gets ` (2)`, ` (3)`… */
function uniqueName(draft: Draft, taken: Map<string, number>): string {
  const key = `${draft.project ?? ''}\u0000${draft.name}`;
  const count = (taken.get(key) ?? 0) + 1;
  taken.set(key, count);
  return count === 1 ? draft.name : `${draft.name} (${count})`;
}

function summarise(issues: ShapeIssue[]): string {
  const listed = issues.slice(0, MAX_LISTED_ISSUES).map((i) => i.message);
  const more = issues.length > MAX_LISTED_ISSUES ? `; and ${issues.length - MAX_LISTED_ISSUES} more` : '';
  return `${listed.join('; ')}${more}`;
}

function shapeError(
  path: string,
  issues: ShapeIssue[],
  doc: ParsedDocument,
): NonNullable<ConfigFileRecord['error']> {
  const error: NonNullable<ConfigFileRecord['error']> = {
    code: 'bad-shape',
    message: `${path}: ${summarise(issues)}. Those entries were not read; fix them to match the client's format.`,
  };
  const first = issues[0];
  const position = first ? (doc.entryAt(first.path) ?? doc.valueAt(first.path)) : undefined;
  if (position) error.position = position;
  return error;
}

/** The path functions of the platform whose paths are being handled. */
export interface PathFunctions {
  join: (...parts: string[]) => string;
  dirname: (path: string) => string;
  sep: string;
}

/**
 * Files a plugin manifest (`<plugin>/.claude-plugin/plugin.json`) names as its servers file,
 * relative to the plugin folder or to `${CLAUDE_PLUGIN_ROOT}`. Only paths inside the plugin are kept.
 */
export function followTargets(from: FileTarget, refs: readonly string[], path: PathFunctions): FileTarget[] {
  const root = path.dirname(path.dirname(from.path));
  const out: FileTarget[] = [];
  for (const ref of refs) {
    const target = path.join(root, ref.replace(/^\$\{CLAUDE_PLUGIN_ROOT\}[\\/]?/, ''));
    if (!target.startsWith(root + path.sep)) continue;
    out.push({ path: target, client: from.client, scope: from.scope, shape: 'mcp-json', format: 'json' });
  }
  return out;
}

async function realPathOf(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return path;
  }
}

/** Reads, parses and extracts one config file. Every expected failure is a value, never a throw. */
export async function processFile(target: FileTarget, maxBytes: number): Promise<FileOutcome> {
  const { path } = target;
  const read = await readConfigFile(path, maxBytes);
  const outcome: FileOutcome = { found: true, realPath: path, servers: [], skipped: [], follow: [] };
  if (!read.ok) {
    if (!('reason' in read)) return { ...outcome, found: false };
    outcome.skipped.push({ path, code: read.code, reason: read.reason });
    return outcome;
  }
  outcome.realPath = await realPathOf(path);
  const format = target.format ?? formatOf(path);
  const record: ConfigFileRecord = {
    path,
    client: target.client,
    scope: target.scope,
    format,
    parsed: false,
    serverCount: 0,
  };
  outcome.record = record;
  const parsed = parseConfigText(read.text, format);
  if (!parsed.ok) {
    record.error = { code: parsed.code, message: `${path}: ${parsed.message}` };
    if (parsed.position) record.error.position = parsed.position;
    outcome.skipped.push({ path, code: parsed.code, reason: parsed.message });
    return outcome;
  }
  record.parsed = true;
  const { doc } = parsed;
  const shape = target.shape === 'guess' ? guessShape(doc.value) : target.shape;
  const extraction = extract(shape, doc.value, { baseName: baseName(path) });
  const taken = new Map<string, number>();
  for (const draft of extraction.drafts)
    outcome.servers.push(toServer(draft, target, doc, uniqueName(draft, taken)));
  record.serverCount = outcome.servers.length;
  if (extraction.issues.length > 0) {
    record.error = shapeError(path, extraction.issues, doc);
    outcome.skipped.push({
      path,
      code: 'bad-shape',
      reason: `not in the expected shape, not read: ${summarise(extraction.issues)}`,
    });
  }
  outcome.follow = extraction.follow;
  return outcome;
}
