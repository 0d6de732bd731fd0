// Trying the temporary-credentials flow offline: the emulator issues STS-style keys and checks the token.
import { createClient } from '@bcekit/core';
import { createEmulator, FIXTURE_ACCOUNTS } from '@bcekit/emulator';
import { listPeerconns } from '@bcekit/peerconn';

const emulator = createEmulator();
const alice = FIXTURE_ACCOUNTS[0];

const client = createClient({
  region: 'bj',
  fetch: emulator.fetch,
  credentials: () => ({
    ...emulator.issueTemporaryCredentials(alice.accountId),
    expiration: Date.now() + 15 * 60_000,
  }),
});

export const firstPage = await listPeerconns(client, { vpcId: 'vpc-alicebj00001' });
