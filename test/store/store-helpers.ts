import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { StoreError, openSqliteStore, type Store } from '../../src/store/index.js';
import type { Report } from '../../src/model/report.js';
import type { PublicServer } from '../../src/model/server.js';
import { tempDir } from '../helpers/temp.js';
import { cleanReport } from '../report/sample-report.js';

/** A database path in a fresh temporary folder. */
export function dbPath(): string {
  return join(tempDir('warden-store-'), 'warden.db');
}

export async function withStore<T>(path: string, body: (store: Store) => Promise<T>): Promise<T> {
  const store = await openSqliteStore(path);
  try {
    return await body(store);
  } finally {
    await store.close();
  }
}

export function migrationRows(path: string): { version: number; name: string }[] {
  const db = new Database(path, { readonly: true });
  try {
    return db
      .prepare<[], { version: number; name: string }>(
        'SELECT version, name FROM schema_migrations ORDER BY version',
      )
      .all();
  } finally {
    db.close();
  }
}

export function server(name: string, extra: Partial<PublicServer> = {}): PublicServer {
  return {
    id: `cursor:/home/alice/.cursor/mcp.json:${name}`,
    client: 'cursor',
    scope: 'user',
    configPath: '/home/alice/.cursor/mcp.json',
    name,
    transport: 'stdio',
    command: 'npx',
    args: ['-y', `${name}-mcp`],
    envKeys: [],
    headerKeys: [],
    enabled: true,
    ...extra,
  };
}

export function inventoryReport(
  command: string,
  servers: PublicServer[] | undefined,
  startedAt: string,
): Report {
  const report: Report = { ...cleanReport(), command, startedAt };
  if (servers !== undefined) report.servers = servers;
  return report;
}

export async function rejectsWithCode(promise: Promise<unknown>, code: string): Promise<StoreError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof StoreError, `expected a StoreError, got ${String(caught)}`);
  assert.equal(caught.code, code);
  return caught;
}
