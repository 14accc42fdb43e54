import { z } from 'zod';
import type { Transport } from '../../model/server.js';
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

/**
 * The entry most clients share (Claude, Cursor, VS Code, Windsurf, Cline, Gemini, Kiro, Crush…):
 * `command`/`args`/`env` for a local server, `url`/`serverUrl`/`httpUrl` and `headers` for a remote one.
 */
const StandardEntry = z.looseObject({
  type: opt(z.string()),
  transportType: opt(z.string()),
  command: opt(Text),
  args: opt(TextList),
  env: opt(TextMap),
  url: opt(z.string()),
  serverUrl: opt(z.string()),
  httpUrl: opt(z.string()),
  headers: opt(TextMap),
  disabled: opt(z.boolean()),
  enabled: opt(z.boolean()),
});

export interface StandardOptions {
  /** What a bare `url` means: streamable HTTP for most clients, SSE for Gemini CLI. */
  urlTransport: Transport;
}

function remote(
  entry: z.infer<typeof StandardEntry>,
  options: StandardOptions,
): { url: string; field: string; transport: Transport } | undefined {
  if (entry.httpUrl != null) return { url: entry.httpUrl, field: 'httpUrl', transport: 'http' };
  if (entry.url != null) return { url: entry.url, field: 'url', transport: options.urlTransport };
  if (entry.serverUrl != null) {
    const sse = /\/sse\/?(?:[?#].*)?$/i.test(entry.serverUrl);
    return { url: entry.serverUrl, field: 'serverUrl', transport: sse ? 'sse' : 'http' };
  }
  return undefined;
}

export function standardReader(options: StandardOptions): EntryReader {
  return (name, raw, path: DocPath) => {
    const parsed = StandardEntry.safeParse(raw);
    if (!parsed.success) return zodIssue(path, parsed.error);
    const entry = parsed.data;
    const fieldPaths: Record<string, DocPath> = {};
    const args = entry.args ?? [];
    const env = plainRecord(entry.env);
    const headers = plainRecord(entry.headers);
    const far = remote(entry, options);
    const command = entry.command ?? undefined;
    if (command !== undefined) fieldPaths.command = [...path, 'command'];
    if (far) fieldPaths.url = [...path, far.field];
    listPaths(fieldPaths, 'args', [...path, 'args'], args.length);
    keyPaths(fieldPaths, 'env', [...path, 'env'], Object.keys(env));
    keyPaths(fieldPaths, 'headers', [...path, 'headers'], Object.keys(headers));
    const transport =
      transportFromType(entry.type ?? entry.transportType) ??
      (command !== undefined ? 'stdio' : (far?.transport ?? 'unknown'));
    return draft(name, path, {
      transport,
      ...(command !== undefined ? { command } : {}),
      ...(far ? { url: far.url } : {}),
      args,
      env,
      headers,
      enabled: entry.disabled !== true && entry.enabled !== false,
      fieldPaths,
    });
  };
}

export const standardHttp = standardReader({ urlTransport: 'http' });
export const standardSse = standardReader({ urlTransport: 'sse' });
