import { z } from 'zod';
import type { DocPath } from '../parsers/document.js';
import {
  draft,
  keyPaths,
  listPaths,
  opt,
  plainRecord,
  Text,
  TextList,
  TextMap,
  transportFromType,
  zodIssue,
  type EntryReader,
} from './common.js';

const ZedCommand = z.looseObject({ path: Text, args: opt(TextList), env: opt(TextMap) });
const ZedEntry = z.looseObject({
  source: opt(z.string()),
  command: opt(z.union([Text, ZedCommand])),
  args: opt(TextList),
  env: opt(TextMap),
  url: opt(z.string()),
  headers: opt(TextMap),
  enabled: opt(z.boolean()),
});

/** Zed `context_servers`: `command` is a string, or `{ path, args, env }` in older settings. */
export const zedReader: EntryReader = (name, raw, path) => {
  const parsed = ZedEntry.safeParse(raw);
  if (!parsed.success) return zodIssue(path, parsed.error);
  const entry = parsed.data;
  const fieldPaths: Record<string, DocPath> = {};
  let command: string | undefined;
  let argsPath: DocPath = [...path, 'args'];
  let envPath: DocPath = [...path, 'env'];
  let args = entry.args ?? [];
  let env = plainRecord(entry.env);
  if (typeof entry.command === 'string') {
    command = entry.command;
    fieldPaths.command = [...path, 'command'];
  } else if (entry.command) {
    command = entry.command.path;
    fieldPaths.command = [...path, 'command', 'path'];
    if (entry.command.args) {
      args = entry.command.args;
      argsPath = [...path, 'command', 'args'];
    }
    if (entry.command.env) {
      env = plainRecord(entry.command.env);
      envPath = [...path, 'command', 'env'];
    }
  }
  const headers = plainRecord(entry.headers);
  const url = entry.url ?? undefined;
  if (url !== undefined) fieldPaths.url = [...path, 'url'];
  listPaths(fieldPaths, 'args', argsPath, args.length);
  keyPaths(fieldPaths, 'env', envPath, Object.keys(env));
  keyPaths(fieldPaths, 'headers', [...path, 'headers'], Object.keys(headers));
  return draft(name, path, {
    transport: command !== undefined ? 'stdio' : url !== undefined ? 'http' : 'unknown',
    ...(command !== undefined ? { command } : {}),
    ...(url !== undefined ? { url } : {}),
    args,
    env,
    headers,
    enabled: entry.enabled !== false,
    fieldPaths,
  });
};

const OpenCodeEntry = z.looseObject({
  type: opt(z.string()),
  command: opt(z.union([TextList, Text])),
  environment: opt(TextMap),
  url: opt(z.string()),
  headers: opt(TextMap),
  enabled: opt(z.boolean()),
});

/** OpenCode `mcp`: `{ type: local, command: [argv…], environment }` or `{ type: remote, url, headers }`. */
export const opencodeReader: EntryReader = (name, raw, path) => {
  const parsed = OpenCodeEntry.safeParse(raw);
  if (!parsed.success) return zodIssue(path, parsed.error);
  const entry = parsed.data;
  const fieldPaths: Record<string, DocPath> = {};
  let command: string | undefined;
  let args: string[] = [];
  if (Array.isArray(entry.command)) {
    const [first, ...rest] = entry.command;
    if (first !== undefined) {
      command = first;
      fieldPaths.command = [...path, 'command', 0];
    }
    args = rest;
    listPaths(fieldPaths, 'args', [...path, 'command'], args.length, 1);
  } else if (typeof entry.command === 'string') {
    command = entry.command;
    fieldPaths.command = [...path, 'command'];
  }
  const env = plainRecord(entry.environment);
  const headers = plainRecord(entry.headers);
  const url = entry.url ?? undefined;
  if (url !== undefined) fieldPaths.url = [...path, 'url'];
  keyPaths(fieldPaths, 'env', [...path, 'environment'], Object.keys(env));
  keyPaths(fieldPaths, 'headers', [...path, 'headers'], Object.keys(headers));
  const transport =
    transportFromType(entry.type) ??
    (command !== undefined ? 'stdio' : url !== undefined ? 'http' : 'unknown');
  return draft(name, path, {
    transport,
    ...(command !== undefined ? { command } : {}),
    ...(url !== undefined ? { url } : {}),
    args,
    env,
    headers,
    enabled: entry.enabled !== false,
    fieldPaths,
  });
};

const GooseEntry = z.looseObject({
  type: opt(z.string()),
  cmd: opt(Text),
  args: opt(TextList),
  envs: opt(TextMap),
  uri: opt(z.string()),
  headers: opt(TextMap),
  enabled: opt(z.boolean()),
  bundled: opt(z.boolean()),
});

/** Types of Goose extensions that run inside Goose itself rather than as an MCP server. */
const GOOSE_INTERNAL = new Set(['builtin', 'platform', 'frontend']);

/** Goose `extensions`: a map of `{ type, cmd, args, envs, uri, enabled, bundled }`. */
export const gooseReader: EntryReader = (name, raw, path) => {
  const parsed = GooseEntry.safeParse(raw);
  if (!parsed.success) return zodIssue(path, parsed.error);
  const entry = parsed.data;
  const type = entry.type?.toLowerCase();
  if (entry.bundled === true || (type !== undefined && GOOSE_INTERNAL.has(type))) return null;
  const fieldPaths: Record<string, DocPath> = {};
  const command = entry.cmd ?? undefined;
  const url = entry.uri ?? undefined;
  const args = entry.args ?? [];
  const env = plainRecord(entry.envs);
  const headers = plainRecord(entry.headers);
  if (command !== undefined) fieldPaths.command = [...path, 'cmd'];
  if (url !== undefined) fieldPaths.url = [...path, 'uri'];
  listPaths(fieldPaths, 'args', [...path, 'args'], args.length);
  keyPaths(fieldPaths, 'env', [...path, 'envs'], Object.keys(env));
  keyPaths(fieldPaths, 'headers', [...path, 'headers'], Object.keys(headers));
  const transport =
    transportFromType(entry.type) ??
    (command !== undefined ? 'stdio' : url !== undefined ? 'sse' : 'unknown');
  return draft(name, path, {
    transport,
    ...(command !== undefined ? { command } : {}),
    ...(url !== undefined ? { url } : {}),
    args,
    env,
    headers,
    enabled: entry.enabled !== false,
    fieldPaths,
  });
};

const CodexEntry = z.looseObject({
  command: opt(Text),
  args: opt(TextList),
  env: opt(TextMap),
  url: opt(z.string()),
  http_headers: opt(TextMap),
  bearer_token_env_var: opt(z.string()),
  enabled: opt(z.boolean()),
});

/** Codex `[mcp_servers.<name>]`; a bearer token named by env var becomes an `Authorization` header reference. */
export const codexReader: EntryReader = (name, raw, path) => {
  const parsed = CodexEntry.safeParse(raw);
  if (!parsed.success) return zodIssue(path, parsed.error);
  const entry = parsed.data;
  const fieldPaths: Record<string, DocPath> = {};
  const command = entry.command ?? undefined;
  const url = entry.url ?? undefined;
  const args = entry.args ?? [];
  const env = plainRecord(entry.env);
  const headers = plainRecord(entry.http_headers);
  if (command !== undefined) fieldPaths.command = [...path, 'command'];
  if (url !== undefined) fieldPaths.url = [...path, 'url'];
  listPaths(fieldPaths, 'args', [...path, 'args'], args.length);
  keyPaths(fieldPaths, 'env', [...path, 'env'], Object.keys(env));
  keyPaths(fieldPaths, 'headers', [...path, 'http_headers'], Object.keys(headers));
  const bearer = entry.bearer_token_env_var ?? undefined;
  if (bearer !== undefined && !Object.keys(headers).some((k) => k.toLowerCase() === 'authorization')) {
    headers.Authorization = `Bearer \${${bearer}}`;
    fieldPaths['headers.Authorization'] = [...path, 'bearer_token_env_var'];
  }
  return draft(name, path, {
    transport: command !== undefined ? 'stdio' : url !== undefined ? 'http' : 'unknown',
    ...(command !== undefined ? { command } : {}),
    ...(url !== undefined ? { url } : {}),
    args,
    env,
    headers,
    enabled: entry.enabled !== false,
    fieldPaths,
  });
};
