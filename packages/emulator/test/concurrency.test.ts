import { createClient } from '@bcekit/core';
import { DEFAULT_TRANSITIONS } from '@bcekit/emulator';
import { createPeerconn, deletePeerconn } from '@bcekit/peerconn';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Started, startEmulator } from './helpers.ts';

const CLIENTS = 200;
let env: Started;

beforeEach(async () => {
  env = await startEmulator({ seed: false });
});
afterEach(() => env.close());

/** One account with two bj VPCs per client. */
function setUpClients() {
  return Array.from({ length: CLIENTS }, () => {
    const account = env.emulator.addAccount();
    const a = env.emulator.addVpc({ accountId: account.accountId, region: 'bj' });
    const b = env.emulator.addVpc({ accountId: account.accountId, region: 'bj' });
    const client = createClient({ endpoint: env.server.url, credentials: account, retry: 0 });
    return { client, input: { bandwidthInMbps: 10, localVpcId: a.vpcId, peerVpcId: b.vpcId, peerRegion: 'bj' } };
  });
}

describe('200 concurrent clients', () => {
  it('creating and deleting leave exactly the expected state', async () => {
    const clients = setUpClients();

    const created = await Promise.all(clients.map(({ client, input }) => createPeerconn(client, input)));
    env.emulator.clock.advance(DEFAULT_TRANSITIONS.creating);
    const afterCreate = env.emulator.state().counts;
    // Every even client deletes its connection; all at once.
    await Promise.all(
      clients.map(({ client }, i) =>
        i % 2 === 0 ? deletePeerconn(client, { peerConnId: created[i]!.peerConnId }) : null,
      ),
    );
    env.emulator.clock.advance(DEFAULT_TRANSITIONS.deleting);
    const final = env.emulator.state();

    expect(new Set(created.map((c) => c.peerConnId)).size).toBe(CLIENTS);
    expect(afterCreate.byStatus).toEqual({ active: CLIENTS });
    expect(final.counts).toMatchObject({ peerConns: CLIENTS / 2, created: CLIENTS, deleted: CLIENTS / 2, rejected: 0 });
    expect(final.counts.byStatus).toEqual({ active: CLIENTS / 2 });
    // Arrival order at the server is not the order the calls were made: compare as sets.
    const kept = created.filter((_, i) => i % 2 === 1).map((c) => c.peerConnId);
    expect(final.peerConns.map((pc) => pc.peerConnId).sort()).toEqual(kept.sort());
  });

  it('racing creates of one VPC pair make exactly one connection', async () => {
    const account = env.emulator.addAccount();
    const a = env.emulator.addVpc({ accountId: account.accountId, region: 'bj' });
    const b = env.emulator.addVpc({ accountId: account.accountId, region: 'bj' });
    const input = { bandwidthInMbps: 10, localVpcId: a.vpcId, peerVpcId: b.vpcId, peerRegion: 'bj' };
    const clients = Array.from({ length: CLIENTS }, () =>
      createClient({ endpoint: env.server.url, credentials: account, retry: 0 }),
    );

    const results = await Promise.allSettled(
      clients.map((client, i) =>
        createPeerconn(client, i % 2 ? input : { ...input, localVpcId: b.vpcId, peerVpcId: a.vpcId }),
      ),
    );

    const codes = results.map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as { code: string }).code));
    expect(codes.filter((c) => c === 'ok')).toHaveLength(1);
    expect(codes.filter((c) => c === 'PeerConnAlreadyExists')).toHaveLength(CLIENTS - 1);
    expect(env.emulator.state().counts.peerConns).toBe(1);
  });
});
