import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from '../../model/logger.js';
import { StoreError } from '../errors.js';
import { MIGRATIONS, SCHEMA_MIGRATIONS_SQL, type Migration } from './migrations.js';

export type SqliteDatabase = Database.Database;

/** How long a connection waits for another process's write lock before failing. */
export const BUSY_TIMEOUT_MS = 5000;

const FIX_HINT = 'Pass --db with another path, or move the file away to start a new history.';

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function sqliteCode(error: unknown): string | undefined {
  return error instanceof Database.SqliteError ? error.code : undefined;
}

/**
 * Creates the parent folder (0700) and an empty database file (0600) when they are missing,
 * so that the history of this machine's servers is readable by its owner only. Existing
 * folders and files keep their modes; a file others can read is reported.
 */
export function prepareFile(path: string, logger: Logger): void {
  const dir = dirname(path);
  try {
    const created = mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (created !== undefined) chmodSync(dir, 0o700);
  } catch (error) {
    throw new StoreError(
      'store-open-failed',
      `Cannot create the folder ${dir} for the mcp-warden database: ${describe(error)}. ${FIX_HINT}`,
      { cause: error },
    );
  }
  try {
    closeSync(openSync(path, 'wx', 0o600));
    chmodSync(path, 0o600);
    logger.debug(`store: created ${path}`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw new StoreError(
        'store-open-failed',
        `Cannot create the mcp-warden database ${path}: ${describe(error)}. ${FIX_HINT}`,
        { cause: error },
      );
    }
    warnIfShared(path, logger);
  }
}

function warnIfShared(path: string, logger: Logger): void {
  if (process.platform === 'win32') return;
  try {
    const stat = statSync(path);
    if (stat.isFile() && (stat.mode & 0o077) !== 0) {
      logger.warn(
        `store: ${path} can be read by other users (mode ${(stat.mode & 0o777).toString(8)}); ` +
          `run chmod 600 on it to keep the inventory history private.`,
      );
    }
  } catch {
    // The open below reports an unusable path with a proper message.
  }
}

/**
 * Opens a connection: busy timeout, a check that the file is a SQLite database, WAL journal
 * (readers never block the writer, so several processes can share the file), foreign keys.
 */
export function openDatabase(path: string, logger: Logger): SqliteDatabase {
  let db: SqliteDatabase;
  try {
    db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw new StoreError(
      'store-open-failed',
      `Cannot open the mcp-warden database ${path}: ${describe(error)}. ${FIX_HINT}`,
      {
        cause: error,
      },
    );
  }
  try {
    // Reading the header is what fails on a file that is not a database.
    db.pragma('schema_version', { simple: true });
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal' && path !== ':memory:') {
      logger.warn(
        `store: ${path} could not use WAL journaling (got ${String(mode)}); concurrent runs may wait on each other.`,
      );
    }
    db.pragma('foreign_keys = ON');
    return db;
  } catch (error) {
    db.close();
    const code = sqliteCode(error);
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new StoreError(
        'store-not-a-database',
        `${path} is not a usable SQLite database (SQLite said: ${describe(error)}), so mcp-warden cannot keep its history there. ${FIX_HINT}`,
        { cause: error },
      );
    }
    throw new StoreError(
      'store-open-failed',
      `Cannot open the mcp-warden database ${path}: ${describe(error)}. ${FIX_HINT}`,
      {
        cause: error,
      },
    );
  }
}

function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    const prev = migrations[i - 1];
    if (!Number.isInteger(m.version) || m.version < 1 || (prev !== undefined && m.version <= prev.version)) {
      throw new Error(
        `migrations must have increasing positive versions; got ${m.version} after ${prev?.version ?? 0}`,
      );
    }
  });
}

interface VersionRow {
  version: number;
}

/**
 * Applies the migrations the file does not have yet, in order, in one immediate
 * transaction: a second process opening the same new file waits, then sees them applied.
 * Returns the versions applied now.
 */
export function applyMigrations(
  db: SqliteDatabase,
  path: string,
  logger: Logger,
  migrations: readonly Migration[] = MIGRATIONS,
): number[] {
  checkOrder(migrations);
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  const migrate = db.transaction((): number[] => {
    const hasBookkeeping =
      db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get() !==
      undefined;
    if (!hasBookkeeping) {
      const other = db
        .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' LIMIT 1")
        .get();
      if (other !== undefined) {
        throw new StoreError(
          'store-foreign-database',
          `${path} is an SQLite database of another program (it has a table "${other.name}" but no mcp-warden schema); ` +
            `mcp-warden does not write into it. ${FIX_HINT}`,
        );
      }
      db.exec(SCHEMA_MIGRATIONS_SQL);
    }
    const applied = new Set(
      db
        .prepare<[], VersionRow>('SELECT version FROM schema_migrations ORDER BY version')
        .all()
        .map((row) => row.version),
    );
    const newest = Math.max(0, ...applied);
    if (newest > latest) {
      throw new StoreError(
        'store-newer-schema',
        `${path} was written by a newer mcp-warden (schema version ${newest}; this version knows up to ${latest}). ` +
          `Upgrade mcp-warden, or pass --db with another path to keep a separate history.`,
      );
    }
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    const done: number[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
      logger.debug(`store: applied migration ${migration.version} ${migration.name}`);
      done.push(migration.version);
    }
    return done;
  });
  return migrate.immediate();
}
