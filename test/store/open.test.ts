import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, defaultDbPath, openSqliteStore } from '../../src/store/index.js';
import { applyMigrations, openDatabase } from '../../src/store/sqlite/open.js';
import { silentLogger } from '../../src/model/logger.js';
import { tempDir } from '../helpers/temp.js';
import { sampleReport } from '../report/sample-report.js';
import { dbPath, migrationRows, rejectsWithCode, withStore } from './store-helpers.js';

describe('migrations', () => {
  it('have increasing versions and the latest is known', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    assert.deepEqual(
      versions,
      [...versions].sort((a, b) => a - b),
    );
    assert.equal(LATEST_SCHEMA_VERSION, versions.at(-1));
  });

  it('apply on a new file and are not applied again on reopen', async () => {
    const path = dbPath();
    await withStore(path, () => Promise.resolve());
    assert.deepEqual(
      migrationRows(path),
      MIGRATIONS.map((m) => ({ version: m.version, name: m.name })),
    );
    await withStore(path, () => Promise.resolve());
    assert.equal(migrationRows(path).length, MIGRATIONS.length);
    const db = openDatabase(path, silentLogger);
    try {
      assert.deepEqual(applyMigrations(db, path, silentLogger), []);
    } finally {
      db.close();
    }
  });

  it('apply only the new ones, in order, when a later version adds some', async () => {
    const path = dbPath();
    await withStore(path, () => Promise.resolve());
    const later = [
      ...MIGRATIONS,
      {
        version: LATEST_SCHEMA_VERSION + 1,
        name: 'notes',
        sql: 'CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);',
      },
      {
        version: LATEST_SCHEMA_VERSION + 2,
        name: 'notes-index',
        sql: 'CREATE INDEX notes_text_idx ON notes (text);',
      },
    ];
    const db = openDatabase(path, silentLogger);
    try {
      assert.deepEqual(applyMigrations(db, path, silentLogger, later), [
        LATEST_SCHEMA_VERSION + 1,
        LATEST_SCHEMA_VERSION + 2,
      ]);
      assert.deepEqual(applyMigrations(db, path, silentLogger, later), []);
    } finally {
      db.close();
    }
  });

  it('roll back a migration that fails, leaving the file as it was', async () => {
    const path = dbPath();
    await withStore(path, () => Promise.resolve());
    const broken = [
      ...MIGRATIONS,
      {
        version: LATEST_SCHEMA_VERSION + 1,
        name: 'broken',
        sql: 'CREATE TABLE t (x); SELECT * FROM missing;',
      },
    ];
    const db = openDatabase(path, silentLogger);
    try {
      assert.throws(() => applyMigrations(db, path, silentLogger, broken));
      assert.equal(db.prepare("SELECT 1 FROM sqlite_master WHERE name = 't'").get(), undefined);
    } finally {
      db.close();
    }
    assert.equal(migrationRows(path).length, MIGRATIONS.length);
  });
});

describe('openSqliteStore failures', () => {
  it('refuses a file written by a newer schema with store-newer-schema', async () => {
    const path = dbPath();
    await withStore(path, () => Promise.resolve());
    const db = new Database(path);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
      LATEST_SCHEMA_VERSION + 7,
      'from-the-future',
      '2030-01-01T00:00:00.000Z',
    );
    db.close();
    const error = await rejectsWithCode(openSqliteStore(path), 'store-newer-schema');
    assert.ok(error.message.includes(path));
  });

  it('refuses a file that is not a database with store-not-a-database', async () => {
    const path = dbPath();
    writeFileSync(path, 'this is a text file, not SQLite\n'.repeat(40));
    const error = await rejectsWithCode(openSqliteStore(path), 'store-not-a-database');
    assert.ok(error.message.includes(path));
    assert.ok(error.message.includes('--db'));
  });

  it('refuses a database of another program with store-foreign-database', async () => {
    const path = dbPath();
    const db = new Database(path);
    db.exec('CREATE TABLE bookmarks (url TEXT)');
    db.close();
    await rejectsWithCode(openSqliteStore(path), 'store-foreign-database');
    const check = new Database(path, { readonly: true });
    try {
      assert.equal(check.prepare("SELECT 1 FROM sqlite_master WHERE name = 'runs'").get(), undefined);
    } finally {
      check.close();
    }
  });

  it('reports a folder that cannot be created with store-open-failed', async () => {
    const dir = tempDir('warden-store-');
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    await rejectsWithCode(openSqliteStore(join(file, 'sub', 'warden.db')), 'store-open-failed');
  });

  it('reports a folder given as the database path with store-open-failed', async () => {
    const error = await rejectsWithCode(openSqliteStore(tempDir('warden-store-')), 'store-open-failed');
    assert.ok(error.message.includes('--db'));
  });

  it('rejects calls after close with store-closed, and closing twice is harmless', async () => {
    const store = await openSqliteStore(dbPath());
    await store.close();
    await store.close();
    await rejectsWithCode(store.listRuns(5), 'store-closed');
  });

  it('rejects a negative limit with store-invalid-argument', async () => {
    await withStore(dbPath(), async (store) => {
      await rejectsWithCode(store.listRuns(-1), 'store-invalid-argument');
      await rejectsWithCode(store.changeHistory({ limit: 1.5 }), 'store-invalid-argument');
    });
  });
});

describe('file modes', { skip: process.platform === 'win32' ? 'POSIX modes only' : false }, () => {
  it('creates the folder 0700 and the file 0600, WAL files included', async () => {
    const root = tempDir('warden-store-');
    const path = defaultDbPath(join(root, 'home'));
    const store = await openSqliteStore(path);
    try {
      await store.recordRun({ report: sampleReport() });
      assert.equal(statSync(join(root, 'home', '.warden')).mode & 0o777, 0o700);
      assert.equal(statSync(path).mode & 0o777, 0o600);
      // SQLite gives its -wal and -shm files the mode of the database file.
      assert.ok(existsSync(`${path}-wal`));
      assert.equal(statSync(`${path}-wal`).mode & 0o777, 0o600);
      assert.equal(statSync(`${path}-shm`).mode & 0o777, 0o600);
    } finally {
      await store.close();
    }
  });
});
