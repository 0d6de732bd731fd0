// Seeing retries happen, offline: the emulator fails the first two creates with 503, the third succeeds.
import { createClient } from '@bcekit/core';
import { createEmulator, FIXTURE_ACCOUNTS } from '@bcekit/emulator';
import { createPeerconn } from '@bcekit/peerconn';

const emulator = createEmulator();
emulator.faults.inject({
  match: { operation: 'createPeerconn' },
  times: 2,
  error: { status: 503, code: 'ServiceUnavailable' },
});

const attempts: number[] = [];
const client = createClient({
  region: 'bj',
  fetch: emulator.fetch,
  credentials: FIXTURE_ACCOUNTS[0],
  retry: { baseDelay: 10 },
  hooks: { afterAttempt: ({ attempt }) => void attempts.push(attempt) },
});

const { peerConnId } = await createPeerconn(client, {
  bandwidthInMbps: 10,
  localVpcId: 'vpc-alicebj00001',
  peerVpcId: 'vpc-alicebj00002',
  peerRegion: 'bj',
});
console.log(peerConnId, attempts); // peerconn-…, [1, 2, 3]: one connection, one clientToken, three attempts
