// Bundles src/worker.ts as wrangler would and runs it in workerd through Miniflare, with a KV namespace for the
// pairs and the emulator on 127.0.0.1 as BCE_ENDPOINT. Each run is the Cron Trigger's scheduled event, fired by
// the test; between runs the emulator's clock moves on by days, as a real schedule would see it.
import { readFileSync } from 'node:fs';
import { createClient } from '@bcekit/core';
import { createEmulator, type EmulatorServer, FIXTURE_ACCOUNTS } from '@bcekit/emulator';
import { acceptPeerconn } from '@bcekit/peerconn';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../../scripts/test-helpers/ensure-built.ts';
import { bundleWorker } from '../../../scripts/test-helpers/worker-bundle.ts';
import type { DesiredPair, PairState } from '../src/worker.ts';

const DIR = `${ROOT}examples/cloudflare-cron/`;
const DAY = 24 * 60 * 60 * 1000;
const [alice, bob] = FIXTURE_ACCOUNTS;

// Two cross-account pairs, run with alice's keys only (no peerClient): bob accepts the first, never the second.
// The third, pairs.json's same-account pair, is connected and routed on both sides in one run.
const SAME_ACCOUNT = (JSON.parse(readFileSync(`${DIR}pairs.json`, 'utf8')) as DesiredPair[])[1]!;
const CROSS_ACCOUNT: DesiredPair[] = [
  {
    id: 'bj-to-bob',
    localVpcId: 'vpc-alicebj00002', // 172.16.0.0/16
    peerVpcId: 'vpc-bobbj000001', // 172.20.0.0/16
    peerRegion: 'bj',
    bandwidthInMbps: 10,
    peerAccountId: bob.accountId,
    routes: { local: ['172.20.0.0/16'] },
  },
  {
    id: 'bj-to-bob-gz',
    localVpcId: 'vpc-alicebj00001', // 192.168.0.0/16
    peerVpcId: 'vpc-bobgz000001', // 172.21.0.0/16
    peerRegion: 'gz',
    bandwidthInMbps: 5,
    peerAccountId: bob.accountId,
    routes: { local: ['172.21.0.0/16'] },
  },
];
const PAIRS = [...CROSS_ACCOUNT, SAME_ACCOUNT];

const emulator = createEmulator({ transitions: { creating: 20, updating: 20, dnsSyncing: 20 } });
let server: EmulatorServer;
let mf: Miniflare;
let bundle: string;
let cron: string;

/** Fires the Cron Trigger once, as Cloudflare would, and returns every pair's state from KV. */
async function scheduledRun(): Promise<Record<string, PairState>> {
  const worker = await mf.getWorker();
  const outcome = await worker.scheduled({ cron, scheduledTime: new Date(emulator.clock.now()) });
  expect(outcome.outcome).toBe('ok');
  const kv = await mf.getKVNamespace('PAIRS');
  const states: Record<string, PairState> = {};
  for (const { id } of PAIRS) states[id] = JSON.parse((await kv.get(`state:${id}`))!) as PairState;
  return states;
}

/** The destinations of a VPC's route rules that go through a peer connection. */
const peerRoutes = (vpcId: string) =>
  emulator
    .state()
    .routeTables.find((table) => table.vpcId === vpcId)!
    .routeRules.filter((rule) => rule.nexthopType === 'peerConn')
    .map((rule) => rule.destinationAddress);

beforeAll(async () => {
  const built = await bundleWorker(DIR);
  bundle = built.code;
  cron = /^crons\s*=\s*\["([^"]+)"\]/m.exec(built.toml)![1]!;
  server = await emulator.listen();
  mf = new Miniflare({
    ...built.options,
    kvNamespaces: ['PAIRS'],
    bindings: {
      BCE_ENDPOINT: server.url,
      BCE_REGION: 'bj',
      BCE_ACCESS_KEY_ID: alice.accessKeyId,
      BCE_SECRET_ACCESS_KEY: alice.secretAccessKey,
      POLL_MIN_DELAY_MS: '20',
    },
  });
  await (await mf.getKVNamespace('PAIRS')).put('pairs', JSON.stringify(PAIRS));
}, 60_000);

afterAll(async () => {
  await mf?.dispose();
  await server?.close();
});

describe('examples/cloudflare-cron: a Cron Trigger drives connectVpcs in workerd (Miniflare)', () => {
  it('bundles the built packages, with no key inside', () => {
    expect(bundle).toContain('packages/peerconn/dist/esm/');
    expect(bundle).not.toContain(alice.secretAccessKey);
  });

  it('waits for acceptance, connects the pair bob accepted, and reports the one never accepted after 7 days', async () => {
    // Run 1: the cross-account connections are created and wait for bob; the same-account one is done.
    const first = await scheduledRun();
    expect(first['alice-bj-bj']).toMatchObject({
      state: 'connected',
      status: 'active',
      steps: ['created', 'active', 'route-added', 'route-added'],
    });
    for (const pair of CROSS_ACCOUNT) {
      expect(first[pair.id]).toMatchObject({
        state: 'waiting-for-acceptance',
        status: 'consulting',
        peerConnId: expect.stringMatching(/^peerconn-/),
        steps: ['created', 'waiting-for-acceptance'],
        runs: 1,
      });
    }
    expect(emulator.state().peerConns).toHaveLength(3);

    // A day later, bob accepts the first one (with his own keys, outside the Worker).
    emulator.clock.advance(DAY);
    const bobClient = createClient({ endpoint: server.url, credentials: bob });
    await acceptPeerconn(bobClient, { peerConnId: first['bj-to-bob']!.peerConnId! });

    // Run 2: the accepted pair ends connected with alice's route; the other still waits, nothing made twice.
    const second = await scheduledRun();
    expect(second['bj-to-bob']).toMatchObject({
      state: 'connected',
      status: 'active',
      peerConnId: first['bj-to-bob']!.peerConnId,
      steps: ['found', 'active', 'route-added'],
      runs: 2,
      since: first['bj-to-bob']!.since,
    });
    expect(second['bj-to-bob-gz']).toMatchObject({
      state: 'waiting-for-acceptance',
      steps: ['found', 'waiting-for-acceptance'],
    });
    expect(peerRoutes('vpc-alicebj00002').sort()).toEqual(['172.20.0.0/16', '192.168.0.0/16']);
    expect(peerRoutes('vpc-bobbj000001')).toEqual([]); // bob routes his own side
    expect(peerRoutes('vpc-alicebj00001')).toEqual(['172.16.0.0/16']); // only the same-account pair's route

    // Seven days after its creation the unanswered request lapses: the next run reports it failed, clearly.
    emulator.clock.advance(6 * DAY);
    const third = await scheduledRun();
    expect(third['bj-to-bob-gz']).toMatchObject({
      state: 'failed',
      status: 'consult_failed',
      peerConnId: first['bj-to-bob-gz']!.peerConnId,
      runs: 3,
    });
    expect(third['bj-to-bob-gz']!.reason).toMatch(/did not accept peerconn-\w+ within 7 days \(consult_failed\)/);
    expect(third['bj-to-bob']).toMatchObject({ state: 'connected', steps: ['found', 'active', 'route-found'] });

    // A failed pair is left alone afterwards; a connected one is checked and stays as it is.
    emulator.clock.advance(DAY);
    const requestsBefore = emulator.state().counts.requests;
    const fourth = await scheduledRun();
    expect(fourth['bj-to-bob-gz']).toEqual(third['bj-to-bob-gz']);
    expect(fourth['bj-to-bob']!.runs).toBe(4);
    expect(emulator.state().counts.requests).toBeGreaterThan(requestsBefore);

    const state = emulator.state();
    expect(state.peerConns.map((pc) => pc.status).sort()).toEqual(['active', 'active', 'consult_failed']);
    expect(state.counts.created).toBe(3);
    expect(state.counts.routeRules).toBe(3); // alice: one per pair she routes; bob's side: the same-account pair's
    expect(peerRoutes('vpc-alicebj00002').sort()).toEqual(['172.20.0.0/16', '192.168.0.0/16']);
  });

  it('GET /pairs reports every pair with its state', async () => {
    const response = await mf.dispatchFetch('http://worker.local/pairs');
    expect(response.status).toBe(200);
    const { pairs } = (await response.json()) as { pairs: (DesiredPair & { state: PairState })[] };
    expect(pairs.map((pair) => [pair.id, pair.state.state, pair.state.status])).toEqual([
      ['bj-to-bob', 'connected', 'active'],
      ['bj-to-bob-gz', 'failed', 'consult_failed'],
      ['alice-bj-bj', 'connected', 'active'],
    ]);
    expect(JSON.stringify(pairs)).not.toContain(alice.secretAccessKey);
  });
});
