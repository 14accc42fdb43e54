import type { Finding } from '../../model/finding.js';
import type { Logger } from '../../model/logger.js';
import { silentLogger } from '../../model/logger.js';
import type { InventoryChange } from '../../model/report.js';
import { StoreError } from '../errors.js';
import type { RunRecord, RunSummary, Store, StoredChange, StoredInventory } from '../store.js';
import { applyMigrations, openDatabase, prepareFile, type SqliteDatabase } from './open.js';
import {
  changeParams,
  findingParams,
  packageParams,
  runParams,
  serverParams,
  toFinding,
  toPublicServer,
  toRunSummary,
  toStoredChange,
  type ChangeRow,
  type FindingRow,
  type Params,
  type RunSummaryRow,
  type ServerRow,
} from './rows.js';

/*
 * Every statement is plain SQL with named parameters (`@name`); a PostgreSQL store can
 * keep the text and number the parameters instead.
 */
const SQL = {
  insertRun: `INSERT INTO runs (command, started_at, duration_ms, tool_version, targets, complete, files_scanned,
      skipped_count, has_inventory, critical_count, high_count, medium_count, low_count, info_count)
    VALUES (@command, @started_at, @duration_ms, @tool_version, @targets, @complete, @files_scanned,
      @skipped_count, @has_inventory, @critical_count, @high_count, @medium_count, @low_count, @info_count)
    RETURNING id`,
  insertServer: `INSERT INTO servers (run_id, server_id, client, scope, config_path, name, transport, command, args,
      url, env_keys, header_keys, enabled, project, line)
    VALUES (@run_id, @server_id, @client, @scope, @config_path, @name, @transport, @command, @args,
      @url, @env_keys, @header_keys, @enabled, @project, @line)`,
  insertPackage: `INSERT INTO packages (run_id, name, version, path, manager)
    VALUES (@run_id, @name, @version, @path, @manager)`,
  insertFinding: `INSERT INTO findings (run_id, rule_id, severity, confidence, title, message, target, location,
      evidence, fingerprint)
    VALUES (@run_id, @rule_id, @severity, @confidence, @title, @message, @target, @location,
      @evidence, @fingerprint)`,
  insertChange: `INSERT INTO inventory_changes (run_id, kind, server_id, client, name, config_path, fields, details,
      detected_at)
    VALUES (@run_id, @kind, @server_id, @client, @name, @config_path, @fields, @details, @detected_at)`,
  runStartedAt: `SELECT started_at FROM runs WHERE id = @id`,
  latestInventoryRun: `SELECT id, started_at FROM runs WHERE has_inventory = 1 ORDER BY id DESC LIMIT 1`,
  inventoryRunBefore: `SELECT id, started_at FROM runs WHERE has_inventory = 1 AND id < @before
    ORDER BY id DESC LIMIT 1`,
  serversOfRun: `SELECT server_id, client, scope, config_path, name, transport, command, args, url, env_keys,
      header_keys, enabled, project, line
    FROM servers WHERE run_id = @run_id ORDER BY id`,
  listRuns: `SELECT runs.*,
      CASE WHEN has_inventory = 1 THEN (SELECT COUNT(*) FROM servers WHERE servers.run_id = runs.id) END
        AS server_count
    FROM runs ORDER BY id DESC LIMIT @limit`,
  changes: `SELECT run_id, kind, server_id, client, name, config_path, fields, details, detected_at
    FROM inventory_changes ORDER BY id DESC LIMIT @limit`,
  changesOfServer: `SELECT run_id, kind, server_id, client, name, config_path, fields, details, detected_at
    FROM inventory_changes WHERE server_id = @server_id ORDER BY id DESC LIMIT @limit`,
  findingsOfRun: `SELECT rule_id, severity, confidence, title, message, target, location, evidence, fingerprint
    FROM findings WHERE run_id = @run_id ORDER BY id`,
} as const;

/** Runs a synchronous body as a promise, so that a throw becomes a rejection. */
function settle<T>(body: () => T): Promise<T> {
  return new Promise<T>((resolve) => {
    resolve(body());
  });
}

function checkLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 0) {
    throw new StoreError(
      'store-invalid-argument',
      `A limit must be a whole number of 0 or more; got ${limit}.`,
    );
  }
}

class SqliteStore implements Store {
  #db: SqliteDatabase | undefined;
  readonly #path: string;

  constructor(db: SqliteDatabase, path: string) {
    this.#db = db;
    this.#path = path;
  }

  #open(): SqliteDatabase {
    if (this.#db === undefined) {
      throw new StoreError('store-closed', `The store ${this.#path} was used after it was closed.`);
    }
    return this.#db;
  }

  recordRun(run: RunRecord): Promise<number> {
    return settle(() => {
      const db = this.#open();
      const { report } = run;
      const insertRun = db.prepare<[Params], { id: number }>(SQL.insertRun);
      const insertServer = db.prepare<[Params]>(SQL.insertServer);
      const insertPackage = db.prepare<[Params]>(SQL.insertPackage);
      const insertFinding = db.prepare<[Params]>(SQL.insertFinding);
      const record = db.transaction((): number => {
        const row = insertRun.get(runParams(report));
        if (row === undefined) throw new Error('INSERT … RETURNING id returned no row');
        for (const server of report.servers ?? []) insertServer.run(serverParams(row.id, server));
        for (const pkg of report.packages ?? []) insertPackage.run(packageParams(row.id, pkg));
        for (const finding of report.findings) insertFinding.run(findingParams(row.id, finding));
        return row.id;
      });
      return record.immediate();
    });
  }

  previousInventory(beforeRunId?: number): Promise<StoredInventory | undefined> {
    return settle(() => {
      const db = this.#open();
      const read = db.transaction((): StoredInventory | undefined => {
        const run =
          beforeRunId === undefined
            ? db.prepare<[], { id: number; started_at: string }>(SQL.latestInventoryRun).get()
            : db
                .prepare<[Params], { id: number; started_at: string }>(SQL.inventoryRunBefore)
                .get({ before: beforeRunId });
        if (run === undefined) return undefined;
        const servers = db
          .prepare<[Params], ServerRow>(SQL.serversOfRun)
          .all({ run_id: run.id })
          .map((row) => toPublicServer(row, run.id));
        return { runId: run.id, startedAt: run.started_at, servers };
      });
      return read.deferred();
    });
  }

  recordChanges(runId: number, changes: InventoryChange[]): Promise<void> {
    return settle(() => {
      const db = this.#open();
      const insert = db.prepare<[Params]>(SQL.insertChange);
      const record = db.transaction(() => {
        const run = db.prepare<[Params], { started_at: string }>(SQL.runStartedAt).get({ id: runId });
        if (run === undefined) {
          throw new StoreError('store-unknown-run', `Run ${runId} is not in the store ${this.#path}.`);
        }
        for (const change of changes) insert.run(changeParams(runId, run.started_at, change));
      });
      record.immediate();
    });
  }

  listRuns(limit: number): Promise<RunSummary[]> {
    return settle(() => {
      checkLimit(limit);
      return this.#open().prepare<[Params], RunSummaryRow>(SQL.listRuns).all({ limit }).map(toRunSummary);
    });
  }

  changeHistory(options: { limit: number; serverId?: string }): Promise<StoredChange[]> {
    return settle(() => {
      checkLimit(options.limit);
      const db = this.#open();
      const rows =
        options.serverId === undefined
          ? db.prepare<[Params], ChangeRow>(SQL.changes).all({ limit: options.limit })
          : db
              .prepare<[Params], ChangeRow>(SQL.changesOfServer)
              .all({ limit: options.limit, server_id: options.serverId });
      return rows.map(toStoredChange);
    });
  }

  findings(runId: number): Promise<Finding[]> {
    return settle(() =>
      this.#open()
        .prepare<[Params], FindingRow>(SQL.findingsOfRun)
        .all({ run_id: runId })
        .map((row) => toFinding(row, runId)),
    );
  }

  close(): Promise<void> {
    return settle(() => {
      const db = this.#db;
      this.#db = undefined;
      db?.close();
    });
  }
}

export interface SqliteStoreOptions {
  logger?: Logger;
}

/**
 * Opens (creating when missing) the SQLite store at `path` and brings its schema up to
 * date. The folder is created with mode 0700 and the file with 0600. `:memory:` opens a
 * private in-memory store. Fails with a `StoreError`: `store-not-a-database`,
 * `store-foreign-database`, `store-newer-schema` or `store-open-failed`.
 */
export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Promise<Store> {
  return settle(() => {
    const logger = options.logger ?? silentLogger;
    if (path !== ':memory:') prepareFile(path, logger);
    const db = openDatabase(path, logger);
    try {
      applyMigrations(db, path, logger);
    } catch (error) {
      db.close();
      throw error;
    }
    return new SqliteStore(db, path);
  });
}
