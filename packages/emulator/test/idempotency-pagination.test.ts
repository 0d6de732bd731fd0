import { createClient } from '@bcekit/core';
import { DEFAULT_TRANSITIONS, FIXTURE_ACCOUNTS } from '@bcekit/emulator';
import { createPeerconn, deletePeerconn, listPeerconns, paginatePeerconns, waitForPeerconn } from '@bcekit/peerconn';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codeOf, type Started, startEmulator } from './helpers.ts';

const [alice] = FIXTURE_ACCOUNTS;
let env: Started;
let asAlice: ReturnType<Started['client']>;

beforeEach(async () => {
  env = await startEmulator();
  asAlice = env.client(alice);
});
afterEach(() => env.close());

const input = { bandwidthInMbps: 10, localVpcId: 'vpc-alicebj00001', peerVpcId: 'vpc-alicebj00002', peerRegion: 'bj' };

describe('idempotency by clientToken', () => {
  it('the same token and parameters give the same peerConnId and one connection', async () => {
    const first = await createPeerconn(asAlice, { ...input, clientToken: 'token-1' });

    const second = await createPeerconn(asAlice, { ...input, clientToken: 'token-1' });

    expect(second.peerConnId).toBe(first.peerConnId);
    expect(env.emulator.state().counts.created).toBe(1);
  });

  it('the same token with other parameters: IdempotentParameterMismatch', async () => {
    await createPeerconn(asAlice, { ...input, clientToken: 'token-1' });

    const call = createPeerconn(asAlice, { ...input, bandwidthInMbps: 20, clientToken: 'token-1' });

    expect(await codeOf(call)).toBe('IdempotentParameterMismatch');
  });

  it('a retry after a lost response is not applied twice', async () => {
    const retrying = createClient({ endpoint: env.server.url, credentials: alice, retry: { limit: 2, baseDelay: 1 } });
    env.emulator.faults.inject({ match: { operation: 'createPeerconn' }, drop: 'after' });

    const { peerConnId } = await createPeerconn(retrying, input);

    expect(env.emulator.state().peerConns.map((pc) => pc.peerConnId)).toEqual([peerConnId]);
  });

  it('a repeated delete with its token succeeds once and changes nothing more', async () => {
    const { peerConnId } = await createPeerconn(asAlice, input);
    env.emulator.clock.advance(DEFAULT_TRANSITIONS.creating);
    await deletePeerconn(asAlice, { peerConnId, clientToken: 'del-1' });

    await deletePeerconn(asAlice, { peerConnId, clientToken: 'del-1' });

    expect(env.emulator.state().counts.byStatus).toEqual({ deleting: 1 });
  });
});

describe('pagination', () => {
  async function createMany(n: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const vpc = env.emulator.addVpc({ accountId: alice.accountId, region: 'bj' });
      ids.push(
        (await createPeerconn(asAlice, { ...input, localVpcId: vpc.vpcId, peerVpcId: 'vpc-alicebj00001' })).peerConnId,
      );
    }
    return ids;
  }

  it('pages with marker/maxKeys in creation order', async () => {
    const ids = await createMany(5);

    const first = await listPeerconns(asAlice, { maxKeys: 2 });
    const second = await listPeerconns(asAlice, { maxKeys: 2, marker: first.nextMarker! });

    expect([first.isTruncated, first.maxKeys, first.peerConns.map((pc) => pc.peerConnId)]).toEqual([
      true,
      2,
      ids.slice(0, 2),
    ]);
    expect([second.marker, second.peerConns.map((pc) => pc.peerConnId)]).toEqual([ids[2], ids.slice(2, 4)]);
  });

  it('the last page is not truncated and has no nextMarker', async () => {
    await createMany(3);

    const page = await listPeerconns(asAlice, { maxKeys: 3 });

    expect([page.isTruncated, page.nextMarker]).toEqual([false, undefined]);
  });

  it('defaults to 1000 keys', async () => {
    expect((await listPeerconns(asAlice, {})).maxKeys).toBe(1000);
  });

  it('paginatePeerconns visits every connection exactly once', async () => {
    const ids = await createMany(7);

    const seen: string[] = [];
    for await (const pc of paginatePeerconns(asAlice, { maxKeys: 3 }).items()) seen.push(pc.peerConnId);

    expect(seen).toEqual(ids);
  });

  it('a marker keeps working after its item is deleted', async () => {
    const ids = await createMany(3);
    env.emulator.clock.advance(DEFAULT_TRANSITIONS.creating);
    await deletePeerconn(asAlice, { peerConnId: ids[1]! });
    env.emulator.clock.advance(DEFAULT_TRANSITIONS.deleting);

    const page = await listPeerconns(asAlice, { marker: ids[1]! });

    expect(page.peerConns.map((pc) => pc.peerConnId)).toEqual([ids[2]]);
  });
});

describe('waiters against the emulator clock', () => {
  it('waitForPeerconn sees creating become active as the clock moves', async () => {
    // Each poll moves the emulator clock one second: time passes by the clock, not by sleeping.
    const ticking = createClient({
      endpoint: env.server.url,
      credentials: alice,
      retry: 0,
      hooks: { beforeAttempt: () => void env.emulator.clock.advance(1000) },
    });
    const { peerConnId } = await createPeerconn(ticking, input);

    const pc = await waitForPeerconn(ticking, {
      peerConnId,
      until: 'active',
      maxWaitTime: 10_000,
      minDelay: 1,
      maxDelay: 1,
    });

    expect(pc.status).toBe('active');
  });
});
