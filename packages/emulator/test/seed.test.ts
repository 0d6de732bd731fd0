import { createClient } from '@bcekit/core';
import { createEmulator, DEFAULT_TRANSITIONS, FIXTURE_ACCOUNTS } from '@bcekit/emulator';
import { createPeerconn, deletePeerconn, getPeerconn, listPeerconns, paginatePeerconns } from '@bcekit/peerconn';
import { afterEach, describe, expect, it } from 'vitest';
import { codeOf, type Started, startEmulator } from './helpers.ts';

const [alice, bob] = FIXTURE_ACCOUNTS;
let current: Started | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});
async function start(): Promise<Started> {
  current = await startEmulator();
  return current;
}

describe('seedPeerConns(count)', () => {
  it('loads that many active connections of alice, paginated in creation order', async () => {
    const env = await start();
    const ids = env.emulator.seedPeerConns(2_500);

    const pages = [];
    for await (const page of paginatePeerconns(env.client(alice), { maxKeys: 1000 })) pages.push(page);
    const listed = pages.flatMap((page) => page.peerConns);

    expect(ids).toHaveLength(2_500);
    expect(new Set(ids).size).toBe(2_500);
    expect(pages.map((page) => page.peerConns.length)).toEqual([1000, 1000, 500]);
    expect(listed.map((item) => item.peerConnId)).toEqual(ids);
    expect(listed.every((item) => item.status === 'active' && item.role === 'initiator')).toBe(true);
    expect(listed.every((item) => item.localRegion === 'bj' && item.paymentTiming === 'Postpaid')).toBe(true);
    const state = env.emulator.state();
    expect(state.counts.peerConns).toBe(2_500);
    expect(state.counts.created).toBe(2_500);
    expect(state.counts.byStatus).toEqual({ active: 2_500 });
  });

  it('uses the given account and region, and the VPCs it made are real ones', async () => {
    const env = await start();
    const [id] = env.emulator.seedPeerConns(1, { accountId: bob.accountId, region: 'gz' });

    const view = await getPeerconn(env.client(bob), { peerConnId: id! });
    const page = await listPeerconns(env.client(bob), { vpcId: view.peerVpcId });

    expect(view).toMatchObject({ localRegion: 'gz', peerRegion: 'gz', peerAccountId: '' });
    expect(page.peerConns.map((item) => [item.peerConnId, item.role])).toEqual([[id, 'acceptor']]);
    expect((await listPeerconns(env.client(alice), {})).peerConns).toEqual([]);
  });

  it('rejects a bad count or an unknown account', () => {
    const emulator = createEmulator({ seed: false });

    expect(() => emulator.seedPeerConns(-1)).toThrow(RangeError);
    expect(() => emulator.seedPeerConns(1.5)).toThrow('count must be an integer >= 0');
    expect(() => emulator.seedPeerConns(1)).toThrow('no account acc-alice-0000000001');
  });
});

describe('seedPeerConns(records)', () => {
  it('stores each record as described; the rules then apply to it as to a created one', async () => {
    const env = await start();
    const [same, cross] = env.emulator.seedPeerConns([
      {
        localVpcId: 'vpc-alicebj00001',
        peerVpcId: 'vpc-alicegz00001',
        paymentTiming: 'Prepaid',
        bandwidthInMbps: 50,
        description: 'seeded',
        localIfName: 'if-a',
        tags: [{ tagKey: 'env', tagValue: 'test' }],
        deleteProtect: true,
      },
      { localVpcId: 'vpc-alicebj00002', peerVpcId: 'vpc-bobgz000001', status: 'consulting' },
    ]);

    const view = await getPeerconn(env.client(alice), { peerConnId: same! });
    const asBob = await getPeerconn(env.client(bob), { peerConnId: cross! });

    expect(view).toMatchObject({
      status: 'active',
      bandwidthInMbps: 50,
      paymentTiming: 'Prepaid',
      description: 'seeded',
      localIfName: 'if-a',
      tags: [{ tagKey: 'env', tagValue: 'test' }],
      deleteProtect: true,
    });
    expect(view.expiredTime).not.toBe('');
    expect(asBob).toMatchObject({ role: 'acceptor', status: 'consulting', peerAccountId: alice.accountId });
    expect(await codeOf(deletePeerconn(env.client(alice), { peerConnId: same! }))).toBe('DeleteProtected');
    const again = { bandwidthInMbps: 10, localVpcId: 'vpc-alicebj00002', peerVpcId: 'vpc-bobgz000001' };
    expect(
      await codeOf(createPeerconn(env.client(alice), { ...again, peerRegion: 'gz', peerAccountId: bob.accountId })),
    ).toBe('PeerConnAlreadyExists');
  });

  it('a seeded consultation fails after consultTimeout; a past prepaid term is expired', async () => {
    const env = await start();
    const now = env.emulator.clock.now();
    const [consulting, prepaid] = env.emulator.seedPeerConns([
      { localVpcId: 'vpc-alicebj00002', peerVpcId: 'vpc-bobgz000001', status: 'consulting' },
      { localVpcId: 'vpc-alicebj00001', peerVpcId: 'vpc-alicegz00001', paymentTiming: 'Prepaid', expiredTime: now - 1 },
    ]);

    expect((await getPeerconn(env.client(alice), { peerConnId: prepaid! })).status).toBe('expired');
    expect((await getPeerconn(env.client(alice), { peerConnId: consulting! })).status).toBe('consulting');
    env.emulator.clock.advance(DEFAULT_TRANSITIONS.consultTimeout);
    expect((await getPeerconn(env.client(alice), { peerConnId: consulting! })).status).toBe('consult_failed');
  });

  it('seeded connections come before later creates, and a deleted one leaves the VPC pair free', async () => {
    const env = await start();
    const [seeded] = env.emulator.seedPeerConns([{ localVpcId: 'vpc-alicebj00001', peerVpcId: 'vpc-alicebj00002' }]);
    const client = env.client(alice);
    const created = await createPeerconn(client, {
      bandwidthInMbps: 10,
      localVpcId: 'vpc-alicebj00001',
      peerVpcId: 'vpc-alicegz00001',
      peerRegion: 'gz',
    });

    expect((await listPeerconns(client, {})).peerConns.map((item) => item.peerConnId)).toEqual([
      seeded,
      created.peerConnId,
    ]);
    await deletePeerconn(client, { peerConnId: seeded! });
    env.emulator.clock.advance(DEFAULT_TRANSITIONS.deleting);
    expect(await codeOf(getPeerconn(client, { peerConnId: seeded! }))).toBe('NoSuchObject');
    const again = await createPeerconn(client, {
      bandwidthInMbps: 10,
      localVpcId: 'vpc-alicebj00002',
      peerVpcId: 'vpc-alicebj00001',
      peerRegion: 'bj',
    });
    env.emulator.clock.advance(DEFAULT_TRANSITIONS.creating);
    expect((await getPeerconn(client, { peerConnId: again.peerConnId })).status).toBe('active');
  });

  it('checks every record as create would and loads none when one is wrong', () => {
    const emulator = createEmulator({ quotaPerVpc: 2 });
    const wrong: [Parameters<typeof emulator.seedPeerConns>[0], string][] = [
      [[{ localVpcId: 'vpc-nope', peerVpcId: 'vpc-alicebj00002' }], '[0] no VPC "vpc-nope"'],
      [[{ localVpcId: 'vpc-alicebj00001', peerVpcId: 'vpc-alicebj00001' }], 'must be different VPCs'],
      [
        [
          { localVpcId: 'vpc-alicebj00001', peerVpcId: 'vpc-alicebj00002' },
          { localVpcId: 'vpc-alicebj00002', peerVpcId: 'vpc-alicebj00001' },
        ],
        '[1] VPCs vpc-alicebj00002 and vpc-alicebj00001 are already peered',
      ],
      [
        [
          { localVpcId: 'vpc-alicebj00001', peerVpcId: 'vpc-alicebj00002' },
          { localVpcId: 'vpc-alicebj00001', peerVpcId: 'vpc-alicegz00001' },
          { localVpcId: 'vpc-alicebj00001', peerVpcId: 'vpc-alicesu00001' },
        ],
        '[2] VPC vpc-alicebj00001 already has 2 peer connections (the quota)',
      ],
      [
        [{ localVpcId: 'vpc-alicebj00001', peerVpcId: 'vpc-alicebj00002', paymentTiming: 'Prepaid' }],
        'same-region peer connections are postpaid only',
      ],
      [
        [{ localVpcId: 'vpc-alicebj00001', peerVpcId: 'vpc-alicebj00002', status: 'consulting' }],
        'only cross-account connections can be consulting',
      ],
      [
        [{ localVpcId: 'vpc-alicebj00001', peerVpcId: 'vpc-alicebj00002', status: 'deleting' as 'active' }],
        'status must be one of',
      ],
      [[{ localVpcId: 'vpc-alicebj00001', peerVpcId: 'vpc-alicebj00002', bandwidthInMbps: 0 }], 'bandwidthInMbps'],
    ];

    for (const [input, message] of wrong) expect(() => emulator.seedPeerConns(input)).toThrow(message);
    expect(emulator.state().counts).toMatchObject({ peerConns: 0, created: 0 });
  });

  it('an existing pair is refused too', () => {
    const emulator = createEmulator();
    emulator.seedPeerConns([{ localVpcId: 'vpc-alicebj00001', peerVpcId: 'vpc-alicebj00002' }]);

    expect(() => emulator.seedPeerConns([{ localVpcId: 'vpc-alicebj00002', peerVpcId: 'vpc-alicebj00001' }])).toThrow(
      'already peered',
    );
  });
});

describe('at scale', () => {
  it('lists 100,000 connections by account and by VPC, 1,000 at a time, from any marker', async () => {
    const emulator = createEmulator({ quotaPerVpc: Number.POSITIVE_INFINITY });
    const local = 'vpc-alicebj00001';
    const peers = Array.from({ length: 50_000 }, () => emulator.addVpc({ accountId: alice.accountId, region: 'bj' }));
    const ids = [
      ...emulator.seedPeerConns(peers.map((peer) => ({ localVpcId: local, peerVpcId: peer.vpcId }))),
      ...emulator.seedPeerConns(50_000),
    ];
    const client = createClient({
      endpoint: 'https://bcc.bj.baidubce.com',
      fetch: emulator.fetch,
      credentials: alice,
      retry: 0,
    });

    const deep = await listPeerconns(client, { marker: ids[98_500], maxKeys: 1000 });
    const byVpc = await listPeerconns(client, { vpcId: local, marker: ids[49_999], maxKeys: 1000 });

    expect(deep.peerConns.map((item) => item.peerConnId)).toEqual(ids.slice(98_500, 99_500));
    expect(deep.nextMarker).toBe(ids[99_500]);
    expect(byVpc.peerConns.map((item) => item.peerConnId)).toEqual([ids[49_999]]);
    expect(byVpc.isTruncated).toBe(false);
    // A page deep in 100,000 costs what the first page costs (the marker is found, not walked to). Timed in turns
    // against the first page, fastest of three each: a busy machine slows both alike.
    const took = async (query: Parameters<typeof listPeerconns>[1]) => {
      const started = performance.now();
      await listPeerconns(client, query);
      return performance.now() - started;
    };
    const first: number[] = [];
    const deeper: number[] = [];
    for (let round = 0; round < 3; round++) {
      first.push(await took({ maxKeys: 1000 }));
      deeper.push(await took({ marker: ids[98_500], maxKeys: 1000 }));
    }
    expect(Math.min(...deeper)).toBeLessThan(5 * Math.min(...first));
    // Seeding 150,000 records takes about 5 s on a quiet machine: give a busy one room (no assertion rests on it).
  }, 120_000);
});
