import { z } from 'zod';
import type { Transport } from '../../model/server.js';
import { setOwn, type DocPath, type PathSegment } from '../parsers/document.js';

/** A server entry read from a document, before it is tied to a client and a file. */
export interface Draft {
  name: string;
  transport: Transport;
  command?: string;
  args: string[];
  url?: string;
  env: Record<string, string>;
  headers: Record<string, string>;
  enabled: boolean;
  project?: string;
  /** Where the entry sits in the document. */
  entryPath: DocPath;
  /** `command`, `url`, `args.<i>`, `env.<KEY>`, `headers.<KEY>` → where each value sits. */
  fieldPaths: Record<string, DocPath>;
}

/** Part of a document that is not the shape its client expects. */
export interface ShapeIssue {
  path: DocPath;
  message: string;
}

export interface Extraction {
  drafts: Draft[];
  issues: ShapeIssue[];
  /** Further files the document points at (plugin manifests), relative to its folder. */
  follow: string[];
}

/** Turns one raw entry into a draft; `null` when the entry is deliberately not a server (built-ins). */
export type EntryReader = (
  name: string,
  raw: Record<string, unknown>,
  path: DocPath,
) => Draft | ShapeIssue | null;

/** Scalars become strings: YAML and TOML give `8080` or `true` where clients take text. */
export const Text = z.union([z.string(), z.number(), z.boolean()]).transform(String);
export const TextList = z.array(Text);
export const TextMap = z.record(z.string(), Text);

/** Optional, with `null` read as absent. */
export function opt<T extends z.ZodType>(schema: T): z.ZodOptional<z.ZodNullable<T>> {
  return schema.nullable().optional();
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** `mcpServers.github.args[2]` */
export function describePath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out === '' ? '(root)' : out;
}

export function getIn(value: unknown, path: DocPath): unknown {
  let node = value;
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (!Array.isArray(node)) return undefined;
      node = node[segment] as unknown;
    } else {
      if (!isRecord(node) || !Object.prototype.hasOwnProperty.call(node, segment)) return undefined;
      node = node[segment];
    }
  }
  return node;
}

/** A zod failure as a shape issue: which field, what was expected (never the value). */
export function zodIssue(path: DocPath, error: z.ZodError): ShapeIssue {
  const first = error.issues[0];
  const where = [...path, ...(first?.path ?? []).filter((s): s is string | number => typeof s !== 'symbol')];
  return { path: where, message: `${describePath(where)}: ${first?.message ?? 'unexpected shape'}` };
}

export function isIssue(value: Draft | ShapeIssue | null): value is ShapeIssue {
  return value !== null && 'message' in value;
}

/** The transport a client's `type` field names, when it names one. */
export function transportFromType(type: string | null | undefined): Transport | undefined {
  if (type === undefined || type === null) return undefined;
  const t = type.toLowerCase().replace(/[^a-z]/g, '');
  if (t === 'stdio' || t === 'local' || t === 'command') return 'stdio';
  if (t === 'sse') return 'sse';
  if (t === 'http' || t === 'streamablehttp' || t === 'streamable' || t === 'remote' || t === 'https')
    return 'http';
  return undefined;
}

/** Records field paths for list elements: `args.0` … (`offset` skips leading elements, e.g. argv[0]). */
export function listPaths(
  out: Record<string, DocPath>,
  field: string,
  path: DocPath,
  count: number,
  offset = 0,
): void {
  for (let i = 0; i < count; i++) out[`${field}.${i}`] = [...path, i + offset];
}

/** Records field paths for map values: `env.KEY` … */
export function keyPaths(
  out: Record<string, DocPath>,
  field: string,
  path: DocPath,
  keys: readonly string[],
): void {
  for (const key of keys) out[`${field}.${key}`] = [...path, key];
}

/** A draft with the fields every reader fills the same way. */
export function draft(
  name: string,
  entryPath: DocPath,
  parts: Partial<Omit<Draft, 'name' | 'entryPath'>> & { transport: Transport },
): Draft {
  const out: Draft = {
    name,
    entryPath,
    transport: parts.transport,
    args: parts.args ?? [],
    env: parts.env ?? {},
    headers: parts.headers ?? {},
    enabled: parts.enabled ?? true,
    fieldPaths: parts.fieldPaths ?? {},
  };
  if (parts.command !== undefined) out.command = parts.command;
  if (parts.url !== undefined) out.url = parts.url;
  if (parts.project !== undefined) out.project = parts.project;
  return out;
}

/** Copies a record into a fresh object, so a `__proto__` key stays an ordinary key. */
export function plainRecord(record: Record<string, string> | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!record) return out;
  for (const [key, value] of Object.entries(record)) setOwn(out, key, value);
  return out;
}
