// Worker thread for section 5: an emulator holding N peer connections, served on 127.0.0.1. It runs in its own
// thread (its own V8 heap), so the main thread's heap figures are the SDK's alone. The connections are loaded
// with the emulator's public bulk-seed API; a listen() middleware times the emulator's share of each request.
import { parentPort, workerData } from 'node:worker_threads';
import { createEmulator } from '@bcekit/emulator';

const { count } = workerData;
const emulator = createEmulator();
const seedStarted = performance.now();
emulator.seedPeerConns(count); // alice: `count` active same-account connections, each between two new VPCs
const seedMs = performance.now() - seedStarted;
let handleMs = 0;
const server = await emulator.listen({
  middleware: async (request, next) => {
    const started = performance.now();
    const response = await next(request);
    handleMs += performance.now() - started;
    return response;
  },
});
parentPort.postMessage({ url: server.url });
parentPort.on('message', async (message) => {
  if (message === 'stats') parentPort.postMessage({ handleMs, seedMs });
  if (message === 'close') {
    await server.close();
    parentPort.close();
  }
});
