import { type BceClient, BceError, BceValidationError, createClient } from '@bcekit/core';
import { createEmulator, type Emulator, FIXTURE_ACCOUNTS } from '@bcekit/emulator';
import {
  type ConnectStep,
  type ConnectVpcsInput,
  connectVpcs,
  disconnectVpcs,
  getPeerconn,
  updatePeerconnDeleteProtect,
} from '@bcekit/peerconn';
import { getRouteTable } from '@bcekit/vpc';
import { describe, expect, it } from 'vitest';
import { withoutMetadata } from '../../../scripts/test-helpers/recording-client.ts';

const [alice, bob] = FIXTURE_ACCOUNTS;
// Fixture VPCs (see FIXTURE_ACCOUNTS): alice bj 192.168.0.0/16 and 172.16.0.0/16, alice gz 172.17.0.0/16,
// bob bj 172.20.0.0/16, bob hkg 192.168.0.0/20 (overlaps alice's first bj VPC).
const ALICE_BJ1 = 'vpc-alicebj00001';
const ALICE_BJ2 = 'vpc-alicebj00002';
const ALICE_GZ = 'vpc-alicegz00001';
const BOB_BJ = 'vpc-bobbj000001';
const BOB_HKG = 'vpc-bobhkg00001';
const FAST = { minDelay: 5, maxDelay: 20, maxWaitTime: 10_000 };

type Fetch = typeof fetch;

function clients(emulator: Emulator, fetchFn: Fetch = emulator.fetch, retry = 2) {
  const make = (account: (typeof FIXTURE_ACCOUNTS)[number], region = 'bj') =>
    createClient({
      region,
      fetch: fetchFn,
      credentials: account,
      retry: { limit: retry, baseDelay: 1, maxDelay: 5 },
      // Calls go to the in-process emulator and no test here is about timeouts: room for a loaded machine.
      timeout: 30_000,
    });
  return { alice: make(alice), aliceGz: make(alice, 'gz'), bob: make(bob) };
}

function fastEmulator() {
  return createEmulator({
    transitions: { creating: 30, updating: 30, deleting: 30, dnsSyncing: 30, dnsClosing: 30 },
  });
}

/** The rules of a VPC's table that send traffic to a peer connection interface, as `[destination, interface]`. */
async function peerRoutes(client: BceClient, vpcId: string) {
  const table = await getRouteTable(client, { vpcId });
  return table.routeRules
    .filter((rule) => rule.nexthopType === 'peerConn')
    .map((rule) => [rule.destinationAddress, rule.nexthopId])
    .sort();
}

describe('connectVpcs, same account', () => {
  it('creates, waits for active and routes both VPCs to each other in one call', async () => {
    const emulator = fastEmulator();
    const c = clients(emulator);
    const seen: ConnectStep['step'][] = [];
    const result = await connectVpcs(
      c.alice,
      { localVpcId: ALICE_BJ1, peerVpcId: ALICE_BJ2, peerRegion: 'bj', bandwidthInMbps: 10 },
      { ...FAST, onStep: (s) => seen.push(s.step) },
    );
    expect(result.state).toBe('connected');
    expect(result.status).toBe('active');
    expect(result.localRouteRuleIds).toHaveLength(1);
    expect(result.peerRouteRuleIds).toHaveLength(1);
    expect(seen).toEqual(['created', 'active', 'route-added', 'route-added']);
    expect(result.steps.map((s) => s.step)).toEqual(seen);

    const initiator = await getPeerconn(c.alice, { peerConnId: result.peerConnId, role: 'initiator' });
    const acceptor = await getPeerconn(c.alice, { peerConnId: result.peerConnId, role: 'acceptor' });
    expect(await peerRoutes(c.alice, ALICE_BJ1)).toEqual([['172.16.0.0/16', initiator.localIfId]]);
    expect(await peerRoutes(c.alice, ALICE_BJ2)).toEqual([['192.168.0.0/16', acceptor.localIfId]]);
  });

  it('called again, finds everything and creates nothing', async () => {
    const emulator = fastEmulator();
    const c = clients(emulator);
    const input: ConnectVpcsInput = {
      localVpcId: ALICE_BJ1,
      peerVpcId: ALICE_BJ2,
      peerRegion: 'bj',
      bandwidthInMbps: 10,
    };
    const first = await connectVpcs(c.alice, input, FAST);
    const before = emulator.state();
    const second = await connectVpcs(c.alice, input, FAST);
    expect(second.peerConnId).toBe(first.peerConnId);
    expect(second.steps.map((s) => s.step)).toEqual(['found', 'active', 'route-found', 'route-found']);
    expect(second.localRouteRuleIds).toEqual(first.localRouteRuleIds);
    expect(second.peerRouteRuleIds).toEqual(first.peerRouteRuleIds);
    expect(emulator.state().counts.created).toBe(before.counts.created);
  });

  it('reaches a VPC in another region with the same keys, aimed at that region', async () => {
    const emulator = fastEmulator();
    const c = clients(emulator);
    const result = await connectVpcs(
      c.alice,
      { localVpcId: ALICE_BJ2, peerVpcId: ALICE_GZ, peerRegion: 'gz', bandwidthInMbps: 5, dnsSync: true },
      FAST,
    );
    expect(result.state).toBe('connected');
    expect(result.dnsStatus).toBe('open');
    expect(await peerRoutes(c.aliceGz, ALICE_GZ)).toEqual([
      ['172.16.0.0/16', (await getPeerconn(c.aliceGz, { peerConnId: result.peerConnId, role: 'acceptor' })).localIfId],
    ]);
  });

  it('needs peerClient when the client has a fixed endpoint and the other VPC is in another region', async () => {
    const emulator = fastEmulator();
    const fixed = createClient({ endpoint: 'https://bcc.bj.baidubce.com', fetch: emulator.fetch, credentials: alice });
    const error = await connectVpcs(
      fixed,
      { localVpcId: ALICE_BJ2, peerVpcId: ALICE_GZ, peerRegion: 'gz', bandwidthInMbps: 5 },
      FAST,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BceValidationError);
    expect((error as BceValidationError).issues[0]?.path).toBe('peerClient');
    expect(emulator.state().counts.requests).toBe(0);
  });

  it('refuses overlapping CIDRs before creating anything, naming both', async () => {
    const emulator = fastEmulator();
    const c = clients(emulator);
    const error = await connectVpcs(
      c.alice,
      {
        localVpcId: ALICE_BJ1,
        peerVpcId: BOB_HKG,
        peerRegion: 'hkg',
        bandwidthInMbps: 5,
        peerClient: createClient({ region: 'hkg', fetch: emulator.fetch, credentials: bob }),
        peerAccountId: bob.accountId,
      },
      FAST,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BceValidationError);
    expect(String((error as Error).message)).toMatch(
      /192\.168\.0\.0\/20.*192\.168\.0\.0\/16|192\.168\.0\.0\/16.*192\.168\.0\.0\/20/,
    );
    expect(emulator.state().counts.created).toBe(0);
  });
});

describe('connectVpcs, cross-account', () => {
  it('with peerClient: accepts with the other account and routes both sides', async () => {
    const emulator = fastEmulator();
    const c = clients(emulator);
    const result = await connectVpcs(
      c.alice,
      {
        localVpcId: ALICE_BJ2,
        peerVpcId: BOB_BJ,
        peerRegion: 'bj',
        bandwidthInMbps: 10,
        peerAccountId: bob.accountId,
        peerClient: c.bob,
      },
      FAST,
    );
    expect(result.state).toBe('connected');
    expect(result.steps.map((s) => s.step)).toEqual(['created', 'accepted', 'active', 'route-added', 'route-added']);
    expect((await peerRoutes(c.bob, BOB_BJ)).map(([destination]) => destination)).toEqual(['172.16.0.0/16']);
  });

  it('without peerClient: waiting-for-acceptance, then connected once the other account accepted', async () => {
    const emulator = fastEmulator();
    const c = clients(emulator);
    const input: ConnectVpcsInput = {
      localVpcId: ALICE_BJ2,
      peerVpcId: BOB_BJ,
      peerRegion: 'bj',
      bandwidthInMbps: 10,
      peerAccountId: bob.accountId,
      routes: { local: ['172.20.0.0/16'] },
    };
    const first = await connectVpcs(c.alice, input, FAST);
    expect(first.state).toBe('waiting-for-acceptance');
    expect(first.status).toBe('consulting');
    expect(await peerRoutes(c.alice, ALICE_BJ2)).toEqual([]);

    const { acceptPeerconn } = await import('@bcekit/peerconn');
    await acceptPeerconn(c.bob, { peerConnId: first.peerConnId });
    const second = await connectVpcs(c.alice, input, FAST);
    expect(second.state).toBe('connected');
    expect(second.peerConnId).toBe(first.peerConnId);
    expect(second.peerRouteRuleIds).toEqual([]);
    expect((await peerRoutes(c.alice, ALICE_BJ2)).map(([d]) => d)).toEqual(['172.20.0.0/16']);
    expect(await peerRoutes(c.bob, BOB_BJ)).toEqual([]); // the other account routes its own side
  });

  it('a cross-account connection read as "creating" first is still accepted, or reported waiting', async () => {
    // The emulator puts a cross-account connection in `consulting` at once; the service may show `creating`
    // first. This fetch answers the first two reads of each connection with "creating" instead.
    const emulator = fastEmulator();
    const reads = new Map<string, number>();
    const creatingFirst: Fetch = async (input, init) => {
      const request = new Request(input, init);
      const response = await emulator.fetch(request);
      const id = /\/v1\/peerconn\/(peerconn-\w+)$/.exec(new URL(request.url).pathname)?.[1];
      if (request.method !== 'GET' || !id || !response.ok) return response;
      reads.set(id, (reads.get(id) ?? 0) + 1);
      const body = (await response.json()) as { status: string };
      if (reads.get(id)! <= 2 && body.status === 'consulting') body.status = 'creating';
      return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
    };
    const c = clients(emulator, creatingFirst);
    const base = { peerRegion: 'bj', bandwidthInMbps: 10, peerAccountId: bob.accountId };
    const waiting = await connectVpcs(
      c.alice,
      { ...base, localVpcId: ALICE_BJ2, peerVpcId: BOB_BJ, routes: { local: ['172.20.0.0/16'] } },
      FAST,
    );
    expect(waiting).toMatchObject({ state: 'waiting-for-acceptance', status: 'consulting' });
    const both = await connectVpcs(
      c.alice,
      { ...base, localVpcId: ALICE_BJ1, peerVpcId: BOB_BJ, peerClient: c.bob },
      FAST,
    );
    expect(both.state).toBe('connected');
    expect(both.steps.map((s) => s.step)).toEqual(['created', 'accepted', 'active', 'route-added', 'route-added']);
    expect([...reads.values()].every((n) => n >= 3)).toBe(true); // each was read as "creating" twice, then waited on
  });

  it('without peerClient, the local routes must be listed and the peer side left alone', async () => {
    const emulator = fastEmulator();
    const c = clients(emulator);
    const base = {
      localVpcId: ALICE_BJ2,
      peerVpcId: BOB_BJ,
      peerRegion: 'bj',
      bandwidthInMbps: 10,
      peerAccountId: bob.accountId,
    };
    const noList = await connectVpcs(c.alice, base, FAST).catch((e: unknown) => e);
    expect(noList).toBeInstanceOf(BceValidationError);
    expect((noList as BceValidationError).issues.map((i) => i.path)).toContain('routes.local');
    const peerToo = await connectVpcs(
      c.alice,
      { ...base, routes: { local: ['172.20.0.0/16'], peer: ['172.16.0.0/16'] } },
      FAST,
    ).catch((e: unknown) => e);
    expect((peerToo as BceValidationError).issues.map((i) => i.path)).toContain('routes.peer');
    expect(emulator.state().counts.requests).toBe(0);
  });
});

describe('disconnectVpcs', () => {
  it('removes the rules on both sides, closes DNS sync and deletes the connection', async () => {
    const emulator = fastEmulator();
    const c = clients(emulator);
    const tablesBefore = [
      await getRouteTable(c.alice, { vpcId: ALICE_BJ1 }),
      await getRouteTable(c.alice, { vpcId: ALICE_BJ2 }),
    ];
    const { peerConnId, localRouteRuleIds, peerRouteRuleIds } = await connectVpcs(
      c.alice,
      { localVpcId: ALICE_BJ1, peerVpcId: ALICE_BJ2, peerRegion: 'bj', bandwidthInMbps: 10, dnsSync: true },
      FAST,
    );
    const result = await disconnectVpcs(c.alice, { peerConnId }, FAST);
    expect(result.deleted).toBe(true);
    expect([...result.removedRouteRuleIds].sort()).toEqual([...localRouteRuleIds, ...peerRouteRuleIds].sort());
    expect(result.steps.map((s) => s.step)).toEqual([
      'route-removed',
      'route-removed',
      'dns-closed',
      'dns-closed',
      'deleted',
    ]);
    const tablesAfter = [
      await getRouteTable(c.alice, { vpcId: ALICE_BJ1 }),
      await getRouteTable(c.alice, { vpcId: ALICE_BJ2 }),
    ];
    expect(tablesAfter.map(withoutMetadata)).toEqual(tablesBefore.map(withoutMetadata));
    expect(emulator.state().peerConns).toEqual([]);
    // Again: nothing left to do, and that is not an error.
    expect(await disconnectVpcs(c.alice, { peerConnId }, FAST)).toMatchObject({
      removedRouteRuleIds: [],
      deleted: true,
    });
  });

  it('refuses while delete protection is on, changing nothing', async () => {
    const emulator = fastEmulator();
    const c = clients(emulator);
    const { peerConnId } = await connectVpcs(
      c.alice,
      { localVpcId: ALICE_BJ1, peerVpcId: ALICE_BJ2, peerRegion: 'bj', bandwidthInMbps: 10, deleteProtect: true },
      FAST,
    );
    const before = await peerRoutes(c.alice, ALICE_BJ1);
    const error = await disconnectVpcs(c.alice, { peerConnId }, FAST).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BceError);
    expect((error as Error).message).toMatch(/delete protection/);
    expect(await peerRoutes(c.alice, ALICE_BJ1)).toEqual(before);
    await updatePeerconnDeleteProtect(c.alice, { peerConnId, deleteProtect: false });
    expect((await disconnectVpcs(c.alice, { peerConnId }, FAST)).deleted).toBe(true);
  });
});
