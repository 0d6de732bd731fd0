// Section 5, run as `node --expose-gc bench/sections/scale-child.mjs <count>`: paginates every peer connection of
// an emulator (in a worker thread, on 127.0.0.1) with paginatePeerconns at maxKeys 1000, and reports the time and
// the growth of this thread's heap (sampled after every page; gc() before the baseline and at the end).
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { createClient } from '@bcekit/core';
import { FIXTURE_ACCOUNTS } from '@bcekit/emulator';
import { paginatePeerconns } from '@bcekit/peerconn';

const count = Number(process.argv[2] ?? 100_000);
const worker = new Worker(new URL('./scale-emulator.mjs', import.meta.url), { workerData: { count } });
const [{ url }] = await once(worker, 'message');
const { accessKeyId, secretAccessKey } = FIXTURE_ACCOUNTS[0];
const client = createClient({ endpoint: url, credentials: { accessKeyId, secretAccessKey } });

gc();
const base = process.memoryUsage().heapUsed;
let peak = base;
let items = 0;
let pages = 0;
const started = performance.now();
for await (const page of paginatePeerconns(client, { maxKeys: 1000 })) {
  items += page.peerConns.length;
  pages++;
  peak = Math.max(peak, process.memoryUsage().heapUsed);
}
const ms = performance.now() - started;
gc();
const retained = process.memoryUsage().heapUsed - base;
worker.postMessage('stats');
const [{ handleMs, seedMs }] = await once(worker, 'message');
worker.postMessage('close');
await once(worker, 'exit');
console.log(JSON.stringify({ count, items, pages, ms, handleMs, seedMs, peakGrowth: peak - base, retained }));
