// Worker for the concurrency test: waits until every worker is ready, then opens the
// same (possibly new) store file, records one run and reports its id or error code.
import { parentPort, workerData } from 'node:worker_threads';
import { openSqliteStore, StoreError } from '../../src/store/index.js';
import { cleanReport } from '../report/sample-report.js';

interface Input {
  path: string;
  index: number;
  total: number;
  barrier: SharedArrayBuffer;
}

const input = workerData as Input;
const arrived = new Int32Array(input.barrier);
Atomics.add(arrived, 0, 1);
Atomics.notify(arrived, 0);
while (Atomics.load(arrived, 0) < input.total) Atomics.wait(arrived, 0, Atomics.load(arrived, 0), 1000);

try {
  const store = await openSqliteStore(input.path);
  const report = { ...cleanReport(), command: `worker-${input.index}`, servers: [] };
  const runId = await store.recordRun({ report });
  await store.close();
  parentPort?.postMessage({ runId });
} catch (error) {
  parentPort?.postMessage({ error: error instanceof StoreError ? error.code : String(error) });
}
