import type { DocPath } from '../parsers/document.js';
import type { ShapeId } from '../types.js';
import {
  describePath,
  getIn,
  isIssue,
  isRecord,
  kindOf,
  type Draft,
  type EntryReader,
  type Extraction,
  type ShapeIssue,
} from './common.js';
import { continueReader } from './continue.js';
import { codexReader, gooseReader, opencodeReader, zedReader } from './readers.js';
import { standardHttp, standardSse } from './standard.js';

interface Container {
  path: DocPath;
  reader: EntryReader;
  layout: 'map' | 'list' | 'either';
  project?: string;
}

export interface ShapeContext {
  /** The file name without its extension: the server name of a single-server drop-in. */
  baseName: string;
}

function readContainer(value: unknown, container: Container, out: Extraction): void {
  const raw = getIn(value, container.path);
  if (raw === undefined) return;
  const { path, reader, layout } = container;
  const keep = (result: Draft | ShapeIssue | null): void => {
    if (result === null) return;
    if (isIssue(result)) out.issues.push(result);
    else {
      if (container.project !== undefined) result.project = container.project;
      out.drafts.push(result);
    }
  };
  if (Array.isArray(raw) && layout !== 'map') {
    raw.forEach((item: unknown, index) => {
      const itemPath = [...path, index];
      if (!isRecord(item)) {
        out.issues.push({
          path: itemPath,
          message: `${describePath(itemPath)} must be an object, found ${kindOf(item)}`,
        });
      } else keep(reader(describePath(itemPath), item, itemPath));
    });
  } else if (isRecord(raw) && layout !== 'list') {
    for (const [name, item] of Object.entries(raw)) {
      const itemPath = [...path, name];
      if (!isRecord(item)) {
        out.issues.push({
          path: itemPath,
          message: `${describePath(itemPath)} must be an object, found ${kindOf(item)}`,
        });
      } else keep(reader(name, item, itemPath));
    }
  } else {
    const expected = layout === 'list' ? 'a list of servers' : 'an object of named servers';
    out.issues.push({ path, message: `${describePath(path)} must be ${expected}, found ${kindOf(raw)}` });
  }
}

const map = (path: DocPath, reader: EntryReader = standardHttp): Container => ({
  path,
  reader,
  layout: 'map',
});

/** Containers read from a document of each shape; special cases below add their own. */
const CONTAINERS: Record<ShapeId, Container[]> = {
  'mcp-servers': [map(['mcpServers'])],
  'mcp-json': [map(['mcpServers']), map(['servers'])],
  'gemini-settings': [map(['mcpServers'], standardSse)],
  'claude-json': [map(['mcpServers'])],
  'claude-plugin': [],
  'vscode-mcp': [map(['servers'])],
  'vscode-settings': [map(['mcp', 'servers']), map(['mcp.servers'])],
  'vscode-workspace': [map(['settings', 'mcp', 'servers']), map(['settings', 'mcp.servers'])],
  devcontainer: [
    map(['customizations', 'vscode', 'settings', 'mcp', 'servers']),
    map(['customizations', 'vscode', 'settings', 'mcp.servers']),
    map(['customizations', 'vscode', 'mcp', 'servers']),
  ],
  'continue-config': [
    { path: ['mcpServers'], reader: continueReader, layout: 'either' },
    { path: ['experimental', 'modelContextProtocolServers'], reader: continueReader, layout: 'list' },
  ],
  'continue-dropin': [],
  zed: [map(['context_servers'], zedReader)],
  codex: [map(['mcp_servers'], codexReader)],
  goose: [map(['extensions'], gooseReader)],
  opencode: [map(['mcp'], opencodeReader)],
  crush: [map(['mcp'])],
};

function claudeProjects(value: unknown): Container[] {
  const projects = getIn(value, ['projects']);
  if (!isRecord(projects)) return [];
  return Object.entries(projects)
    .filter(([, project]) => isRecord(project) && project.mcpServers !== undefined)
    .map(([project]) => ({ ...map(['projects', project, 'mcpServers']), project }));
}

function pluginManifest(value: unknown, out: Extraction): Container[] {
  const servers = getIn(value, ['mcpServers']);
  if (typeof servers === 'string') out.follow.push(servers);
  else if (Array.isArray(servers) && servers.every((s) => typeof s === 'string')) out.follow.push(...servers);
  else return [map(['mcpServers'])];
  return [];
}

/** A Continue drop-in: one server object, a list of them, or `{ mcpServers: [...] }` (or a map). */
function dropIn(value: unknown, context: ShapeContext, out: Extraction): Container[] {
  if (Array.isArray(value)) return [{ path: [], reader: continueReader, layout: 'list' }];
  if (!isRecord(value)) return [];
  if (value.mcpServers !== undefined)
    return [{ path: ['mcpServers'], reader: continueReader, layout: 'either' }];
  if (['command', 'url', 'transport', 'type'].some((k) => value[k] !== undefined)) {
    const result = continueReader(context.baseName, value, []);
    if (result !== null && isIssue(result)) out.issues.push(result);
    else if (result !== null) out.drafts.push(result);
  }
  return [];
}

/** Every server entry of a parsed document, and every entry that does not have the expected shape. */
export function extract(shape: ShapeId, value: unknown, context: ShapeContext): Extraction {
  const out: Extraction = { drafts: [], issues: [], follow: [] };
  if (value === undefined) return out;
  if (shape !== 'continue-dropin' && !isRecord(value)) {
    out.issues.push({ path: [], message: `the file must hold an object, found ${kindOf(value)}` });
    return out;
  }
  const containers = [...CONTAINERS[shape]];
  if (shape === 'claude-json') containers.push(...claudeProjects(value));
  if (shape === 'claude-plugin') containers.push(...pluginManifest(value, out));
  if (shape === 'continue-dropin') containers.push(...dropIn(value, context, out));
  for (const container of containers) readContainer(value, container, out);
  return out;
}

function looksLikeOpenCode(mcp: Record<string, unknown>): boolean {
  return Object.values(mcp).some(
    (entry) =>
      isRecord(entry) &&
      (entry.type === 'local' ||
        entry.type === 'remote' ||
        Array.isArray(entry.command) ||
        entry.environment !== undefined),
  );
}

/** The shape of a document found outside any known location, from the keys it holds. */
export function guessShape(value: unknown): ShapeId {
  if (Array.isArray(value)) return 'continue-dropin';
  if (!isRecord(value)) return 'mcp-servers';
  if (value.mcp_servers !== undefined) return 'codex';
  if (value.context_servers !== undefined) return 'zed';
  if (
    isRecord(value.projects) &&
    Object.values(value.projects).some((p) => isRecord(p) && p.mcpServers !== undefined)
  ) {
    return 'claude-json';
  }
  if (
    Array.isArray(value.mcpServers) ||
    getIn(value, ['experimental', 'modelContextProtocolServers']) !== undefined
  ) {
    return 'continue-config';
  }
  if (value.mcpServers !== undefined || value.servers !== undefined) return 'mcp-json';
  if (value['mcp.servers'] !== undefined || getIn(value, ['mcp', 'servers']) !== undefined)
    return 'vscode-settings';
  if (isRecord(value.settings)) return 'vscode-workspace';
  if (isRecord(value.customizations)) return 'devcontainer';
  if (isRecord(value.extensions)) return 'goose';
  if (isRecord(value.mcp)) return looksLikeOpenCode(value.mcp) ? 'opencode' : 'crush';
  if (['command', 'url', 'transport'].some((k) => value[k] !== undefined)) return 'continue-dropin';
  return 'mcp-servers';
}
