import { BceServiceError, createClient } from '@bcekit/core';
import { createEmulator, FIXTURE_ACCOUNTS } from '@bcekit/emulator';
import { getPeerconn } from '@bcekit/peerconn';
import { expect, test } from 'vitest';
import { connectVpcs } from './peerconn-service.ts';

test('connectVpcs makes an active connection', async () => {
  const emulator = createEmulator({ transitions: { creating: 50 } }); // state changes in 50 ms, not 3 s
  const client = createClient({ region: 'bj', fetch: emulator.fetch, credentials: FIXTURE_ACCOUNTS[0] });

  const id = await connectVpcs(client, 'vpc-alicebj00001', 'vpc-alicebj00002');

  expect((await getPeerconn(client, { peerConnId: id })).status).toBe('active');
  expect(emulator.state().peerConns).toHaveLength(1);
});

test('a second connection for the same VPC pair is refused', async () => {
  const emulator = createEmulator({ transitions: { creating: 50 } });
  const client = createClient({ region: 'bj', fetch: emulator.fetch, credentials: FIXTURE_ACCOUNTS[0], retry: 0 });
  await connectVpcs(client, 'vpc-alicebj00001', 'vpc-alicebj00002');

  const second = connectVpcs(client, 'vpc-alicebj00001', 'vpc-alicebj00002');
  await expect(second).rejects.toBeInstanceOf(BceServiceError);
  await expect(second).rejects.toMatchObject({ code: 'PeerConnAlreadyExists' });
});

test('retries a 503 with the same clientToken', async () => {
  const emulator = createEmulator({ transitions: { creating: 50 } });
  emulator.faults.inject({ match: { operation: 'createPeerconn' }, times: 1, error: { status: 503 } });
  const tokens: (string | undefined)[] = [];
  const client = createClient({
    region: 'bj',
    fetch: emulator.fetch,
    credentials: FIXTURE_ACCOUNTS[0],
    retry: { baseDelay: 1 },
    hooks: { beforeAttempt: ({ clientToken }) => void tokens.push(clientToken) },
  });

  await connectVpcs(client, 'vpc-alicebj00001', 'vpc-alicebj00002');

  expect(tokens[0]).toBeDefined();
  expect(tokens[1]).toBe(tokens[0]);
});
