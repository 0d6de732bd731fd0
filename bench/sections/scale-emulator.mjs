// Worker thread for section 5: an emulator holding N peer connections, served on 127.0.0.1. It runs in its own
// thread (its own V8 heap), so the main thread's heap figures are the SDK's alone.
//
// The emulator has no public bulk-seeding API yet and creating 100,000 connections through its API is O(n²) (each
// create scans every connection for duplicates and quota), so the records are written into its state directly,
// through its internal modules, in the shape its own create rule writes them (rules/create.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { createClock } from '../../packages/peerconn/dist/esm/testing/clock.js';
import { createFaults } from '../../packages/peerconn/dist/esm/testing/faults.js';
import { FIXTURE_ACCOUNTS } from '../../packages/peerconn/dist/esm/testing/fixtures.js';
import { handleRequest } from '../../packages/peerconn/dist/esm/testing/handle-request.js';
import { listen } from '../../packages/peerconn/dist/esm/testing/node-server.js';
import { createState, issuePeerConnId, putAccount, putVpc } from '../../packages/peerconn/dist/esm/testing/state.js';
import { DEFAULT_TRANSITIONS } from '../../packages/peerconn/dist/esm/testing/transitions.js';

const { count } = workerData;
const clock = createClock();
const state = createState(DEFAULT_TRANSITIONS, Number.POSITIVE_INFINITY);
const alice = FIXTURE_ACCOUNTS[0];
putAccount(state, {
  accountId: alice.accountId,
  accessKeyId: alice.accessKeyId,
  secretAccessKey: alice.secretAccessKey,
});
const local = putVpc(state, { accountId: alice.accountId, region: 'bj', vpcId: 'vpc-scalelocal0' });
const now = clock.now() - 60_000;
for (let i = 0; i < count; i++) {
  const peer = putVpc(state, {
    accountId: alice.accountId,
    region: 'gz',
    vpcId: `vpc-scale${String(i).padStart(7, '0')}`,
  });
  const { peerConnId, seq } = issuePeerConnId(state);
  const side = (vpc, n) => ({
    accountId: alice.accountId,
    vpcId: vpc.vpcId,
    region: vpc.region,
    ifId: `qpif-${n}${seq}`,
    ifName: '',
    description: '',
    dnsStatus: 'close',
  });
  state.peerConns.set(peerConnId, {
    peerConnId,
    seq,
    crossAccount: false,
    initiator: side(local, 'a'),
    acceptor: side(peer, 'b'),
    status: 'active',
    bandwidthInMbps: 10,
    paymentTiming: 'Postpaid',
    createdTime: now,
    tags: [],
    deleteProtect: false,
  });
  state.counters.created++;
}
let handleMs = 0;
const server = await listen(async (request) => {
  const started = performance.now();
  const response = await handleRequest({ state, clock, faults: createFaults() }, request);
  handleMs += performance.now() - started;
  return response;
});
parentPort.postMessage({ url: server.url });
parentPort.on('message', async (message) => {
  if (message === 'stats') parentPort.postMessage({ handleMs });
  if (message === 'close') {
    await server.close();
    parentPort.close();
  }
});
