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

const ContinueTransport = z.looseObject({
  type: opt(z.string()),
  command: opt(Text),
  args: opt(TextList),
  env: opt(TextMap),
  url: opt(z.string()),
  headers: opt(TextMap),
});

const ContinueEntry = z.looseObject({
  name: opt(Text),
  type: opt(z.string()),
  command: opt(Text),
  args: opt(TextList),
  env: opt(TextMap),
  url: opt(z.string()),
  headers: opt(TextMap),
  requestOptions: opt(z.looseObject({ headers: opt(TextMap) })),
  transport: opt(ContinueTransport),
  disabled: opt(z.boolean()),
  enabled: opt(z.boolean()),
});

/**
 * Continue: `{ name, type, command, args, env, url, requestOptions.headers }`, or the legacy
 * `{ transport: { type, command, args } }` of `experimental.modelContextProtocolServers`.
 */
export const continueReader: EntryReader = (name, raw, path) => {
  const parsed = ContinueEntry.safeParse(raw);
  if (!parsed.success) return zodIssue(path, parsed.error);
  const entry = parsed.data;
  const legacy = entry.transport ?? undefined;
  const base: DocPath = legacy ? [...path, 'transport'] : path;
  const source = legacy ?? entry;
  const fieldPaths: Record<string, DocPath> = {};
  const command = source.command ?? undefined;
  const url = source.url ?? undefined;
  const args = source.args ?? [];
  const env = plainRecord(source.env);
  let headersPath: DocPath = [...base, 'headers'];
  let headers = plainRecord(source.headers);
  const requestHeaders = entry.requestOptions?.headers ?? undefined;
  if (!legacy && source.headers == null && requestHeaders) {
    headers = plainRecord(requestHeaders);
    headersPath = [...path, 'requestOptions', 'headers'];
  }
  if (command !== undefined) fieldPaths.command = [...base, 'command'];
  if (url !== undefined) fieldPaths.url = [...base, 'url'];
  listPaths(fieldPaths, 'args', [...base, 'args'], args.length);
  keyPaths(fieldPaths, 'env', [...base, 'env'], Object.keys(env));
  keyPaths(fieldPaths, 'headers', headersPath, Object.keys(headers));
  const transport =
    transportFromType(source.type) ??
    (command !== undefined ? 'stdio' : url !== undefined ? 'http' : 'unknown');
  return draft(entry.name ?? name, path, {
    transport,
    ...(command !== undefined ? { command } : {}),
    ...(url !== undefined ? { url } : {}),
    args,
    env,
    headers,
    enabled: entry.disabled !== true && entry.enabled !== false,
    fieldPaths,
  });
};
