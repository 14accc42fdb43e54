import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../src/store/index.js';
import { tempDir } from '../helpers/temp.js';

type Outcome = { runId: number } | { error: string };

function runWorker(path: string, index: number, total: number, barrier: SharedArrayBuffer): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./open-worker.js', import.meta.url), {
      workerData: { path, index, total, barrier },
    });
    worker.once('message', (message: Outcome) => {
      resolve(message);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`worker ${index} exited with ${code}`));
    });
  });
}

describe('concurrent opening', () => {
  it('lets several processes create, migrate and write one new file at the same time', async () => {
    const path = join(tempDir('warden-store-'), 'nested', 'warden.db');
    const total = 6;
    const barrier = new SharedArrayBuffer(4);
    const outcomes = await Promise.all(
      Array.from({ length: total }, (_, i) => runWorker(path, i, total, barrier)),
    );
    const ids = outcomes.map((o) => {
      assert.ok('runId' in o, `a worker failed: ${'error' in o ? o.error : ''}`);
      return o.runId;
    });
    assert.equal(new Set(ids).size, total);

    const db = new Database(path, { readonly: true });
    try {
      assert.equal(
        db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM schema_migrations').get()?.n,
        MIGRATIONS.length,
      );
      assert.equal(db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM runs').get()?.n, total);
    } finally {
      db.close();
    }
  });
});
