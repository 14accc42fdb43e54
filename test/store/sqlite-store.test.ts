import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { defaultDbPath, openSqliteStore } from '../../src/store/index.js';
import { join } from 'node:path';
import { sampleReport } from '../report/sample-report.js';
import { dbPath, inventoryReport, rejectsWithCode, server, withStore } from './store-helpers.js';

describe('defaultDbPath', () => {
  it('is ~/.warden/warden.db', () => {
    assert.equal(defaultDbPath('/home/alice'), join('/home/alice', '.warden', 'warden.db'));
  });
});

describe('runs', () => {
  it('can be kept in memory', async () => {
    await withStore(':memory:', async (store) => {
      const runId = await store.recordRun({ report: sampleReport() });
      assert.equal((await store.findings(runId)).length, sampleReport().findings.length);
    });
  });

  it('round-trip a report: summary, findings and inventory', async () => {
    const report = sampleReport();
    await withStore(dbPath(), async (store) => {
      const runId = await store.recordRun({ report });
      assert.ok(Number.isInteger(runId) && runId > 0);
      const [run, ...others] = await store.listRuns(10);
      assert.equal(others.length, 0);
      assert.deepEqual(run, {
        id: runId,
        command: 'audit',
        startedAt: report.startedAt,
        durationMs: report.durationMs,
        toolVersion: '0.1.0',
        targets: report.targets,
        complete: false,
        filesScanned: 12,
        skippedCount: 2,
        summary: report.summary,
        serverCount: 3,
      });
      assert.deepEqual(await store.findings(runId), report.findings);
      assert.deepEqual(await store.previousInventory(), {
        runId,
        startedAt: report.startedAt,
        servers: report.servers,
      });
    });
  });

  it('list newest first, up to the limit; a run without inventory has no server count', async () => {
    await withStore(dbPath(), async (store) => {
      const first = await store.recordRun({
        report: inventoryReport('discover', [server('a')], '2025-09-01T00:00:00.000Z'),
      });
      const second = await store.recordRun({
        report: inventoryReport('scan', undefined, '2025-09-02T00:00:00.000Z'),
      });
      const runs = await store.listRuns(10);
      assert.deepEqual(
        runs.map((r) => [r.id, r.command, r.serverCount]),
        [
          [second, 'scan', undefined],
          [first, 'discover', 1],
        ],
      );
      assert.equal((await store.listRuns(1)).length, 1);
      assert.deepEqual(await store.listRuns(0), []);
      assert.deepEqual(await store.findings(second), []);
    });
  });
});

describe('previousInventory', () => {
  it('is undefined on an empty store', async () => {
    await withStore(dbPath(), async (store) => {
      assert.equal(await store.previousInventory(), undefined);
    });
  });

  it('picks the latest run that recorded an inventory, before a given run', async () => {
    await withStore(dbPath(), async (store) => {
      const a = [
        server('alpha'),
        server('beta', { envKeys: ['API_KEY'], url: 'https://beta.example/mcp', transport: 'http' }),
      ];
      const b = [server('gamma', { enabled: false, project: '/work/app', line: 4 })];
      const run1 = await store.recordRun({ report: inventoryReport('audit', a, '2025-09-01T00:00:00.000Z') });
      const run2 = await store.recordRun({
        report: inventoryReport('scan', undefined, '2025-09-02T00:00:00.000Z'),
      });
      const run3 = await store.recordRun({
        report: inventoryReport('discover', b, '2025-09-03T00:00:00.000Z'),
      });
      const run4 = await store.recordRun({
        report: inventoryReport('audit', [], '2025-09-04T00:00:00.000Z'),
      });

      assert.deepEqual(await store.previousInventory(), {
        runId: run4,
        startedAt: '2025-09-04T00:00:00.000Z',
        servers: [],
      });
      assert.deepEqual(await store.previousInventory(run4), {
        runId: run3,
        startedAt: '2025-09-03T00:00:00.000Z',
        servers: b,
      });
      assert.deepEqual(await store.previousInventory(run3), {
        runId: run1,
        startedAt: '2025-09-01T00:00:00.000Z',
        servers: a,
      });
      assert.equal((await store.previousInventory(run2))?.runId, run1);
      assert.equal(await store.previousInventory(run1), undefined);
    });
  });
});

describe('inventory changes', () => {
  it('are stored with their run and listed newest first, for all servers or one', async () => {
    const report = sampleReport();
    const changes = report.changes ?? [];
    await withStore(dbPath(), async (store) => {
      const run1 = await store.recordRun({
        report: inventoryReport('audit', [server('github')], '2025-09-01T00:00:00.000Z'),
      });
      const run2 = await store.recordRun({ report });
      await store.recordChanges(run2, changes);
      await store.recordChanges(run1, []);

      const history = await store.changeHistory({ limit: 10 });
      assert.deepEqual(
        history,
        [...changes].reverse().map((c) => ({ ...c, runId: run2, detectedAt: report.startedAt })),
      );
      assert.equal((await store.changeHistory({ limit: 2 })).length, 2);

      const github = changes.find((c) => c.name === 'github');
      assert.ok(github);
      assert.deepEqual(await store.changeHistory({ limit: 10, serverId: github.serverId }), [
        { ...github, runId: run2, detectedAt: report.startedAt },
      ]);
      assert.deepEqual(await store.changeHistory({ limit: 10, serverId: 'nobody' }), []);
    });
  });

  it('refuse an unknown run with store-unknown-run and record nothing', async () => {
    await withStore(dbPath(), async (store) => {
      await rejectsWithCode(store.recordChanges(42, sampleReport().changes ?? []), 'store-unknown-run');
      assert.deepEqual(await store.changeHistory({ limit: 10 }), []);
    });
  });
});

describe('sharing one file', () => {
  it('uses WAL so that two stores on the same file read and write', async () => {
    const path = dbPath();
    const one = await openSqliteStore(path);
    const two = await openSqliteStore(path);
    try {
      const [a, b] = await Promise.all([
        one.recordRun({ report: inventoryReport('discover', [server('one')], '2025-09-01T00:00:00.000Z') }),
        two.recordRun({ report: inventoryReport('discover', [server('two')], '2025-09-01T00:00:01.000Z') }),
      ]);
      assert.notEqual(a, b);
      assert.deepEqual((await two.listRuns(10)).map((r) => r.id).sort(), [a, b].sort());
      assert.deepEqual((await one.previousInventory(Math.max(a, b)))?.runId, Math.min(a, b));
    } finally {
      await one.close();
      await two.close();
    }
    const db = new Database(path, { readonly: true });
    try {
      assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    } finally {
      db.close();
    }
  });
});
