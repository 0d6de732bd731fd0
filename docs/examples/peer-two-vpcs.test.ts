// Runs the samples of docs/peer-two-vpcs.md against the emulator.
import { createClient } from '@bcekit/core';
import { createEmulator, FIXTURE_ACCOUNTS } from '@bcekit/emulator';
import { acceptPeerconn, type ConnectVpcsInput } from '@bcekit/peerconn';
import { afterEach, expect, test, vi } from 'vitest';
import {
  askBob,
  connectInWorkflow,
  cronWorker,
  onConnectJob,
  peerSameAccount,
  peerWithBothKeys,
  peerWithoutTheirKeys,
  unpeer,
} from './peer-two-vpcs.ts';

const [alice, bob] = FIXTURE_ACCOUNTS;
const DAY = 24 * 60 * 60 * 1000;

function setup() {
  // Instant transitions: the samples poll with the default delays (2 s first), which a test need not wait out.
  const emulator = createEmulator({ transitions: { creating: 0, dnsSyncing: 0, dnsClosing: 0, deleting: 0 } });
  const make = (credentials: typeof alice) =>
    createClient({ region: 'bj', fetch: emulator.fetch, credentials, retry: 0 });
  return { emulator, alice: make(alice), bob: make(bob) };
}

/** Destinations of a VPC's peerConn route rules. */
const peerRoutes = (emulator: ReturnType<typeof createEmulator>, vpcId: string) =>
  emulator
    .state()
    .routeTables.find((t) => t.vpcId === vpcId)!
    .routeRules.filter((r) => r.nexthopType === 'peerConn')
    .map((r) => r.destinationAddress);

afterEach(() => vi.restoreAllMocks());

test('same account: connected, both sides routed, DNS open; unpeer leaves both tables as they were', async () => {
  vi.spyOn(console, 'log').mockImplementation(() => {});
  const { emulator, alice: client } = setup();
  const result = await peerSameAccount(client);
  expect(result).toMatchObject({ state: 'connected', status: 'active', dnsStatus: 'open' });
  expect(peerRoutes(emulator, 'vpc-alicebj00001')).toEqual(['172.16.0.0/16']);
  expect(peerRoutes(emulator, 'vpc-alicebj00002')).toEqual(['192.168.0.0/16']);
  expect(await unpeer(client, result.peerConnId)).toBe(true);
  expect(peerRoutes(emulator, 'vpc-alicebj00001')).toEqual([]);
  expect(peerRoutes(emulator, 'vpc-alicebj00002')).toEqual([]);
  expect(emulator.state().peerConns).toEqual([]);
});

test("cross-account with bob's keys: accepted and routed on both sides in one call", async () => {
  const { emulator, alice: client, bob: bobClient } = setup();
  const result = await peerWithBothKeys(client, bobClient);
  expect(result.state).toBe('connected');
  expect(result.steps.map((s) => s.step)).toContain('accepted');
  expect(peerRoutes(emulator, 'vpc-bobbj000001')).toEqual(['172.16.0.0/16']);
});

test("cross-account without bob's keys: waiting, then connected once bob accepted", async () => {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  const { emulator, alice: client, bob: bobClient } = setup();
  const first = await peerWithoutTheirKeys(client);
  expect(first.state).toBe('waiting-for-acceptance');
  expect(log).toHaveBeenCalledWith(expect.stringContaining(`accept ${first.peerConnId}`));
  await acceptPeerconn(bobClient, { peerConnId: first.peerConnId });
  const second = await peerWithoutTheirKeys(client);
  expect(second).toMatchObject({ state: 'connected', peerConnId: first.peerConnId });
  expect(peerRoutes(emulator, 'vpc-alicebj00002')).toEqual(['172.20.0.0/16']);
  expect(peerRoutes(emulator, 'vpc-bobbj000001')).toEqual([]);
});

test('the cron Worker: waiting, connected after acceptance, failed after 7 days unanswered', async () => {
  const emulator = createEmulator({ transitions: { creating: 20 } });
  const server = await emulator.listen();
  try {
    const kv = new Map<string, string>();
    const env = {
      PAIRS: {
        get: async (key: string) => kv.get(key) ?? null,
        put: async (key: string, value: string) => void kv.set(key, value),
      },
      BCE_ACCESS_KEY_ID: alice.accessKeyId,
      BCE_SECRET_ACCESS_KEY: alice.secretAccessKey,
      BCE_ENDPOINT: server.url,
    };
    const never: ConnectVpcsInput = {
      ...askBob,
      localVpcId: 'vpc-alicebj00001',
      peerVpcId: 'vpc-bobgz000001',
      peerRegion: 'gz',
      routes: { local: ['172.21.0.0/16'] },
    };
    kv.set(
      'pairs',
      JSON.stringify([
        { ...askBob, id: 'accepted' },
        { ...never, id: 'never' },
      ]),
    );
    await cronWorker.scheduled(undefined, env);
    expect([kv.get('state:accepted'), kv.get('state:never')]).toEqual([
      'waiting-for-acceptance',
      'waiting-for-acceptance',
    ]);

    const bobClient = createClient({ endpoint: server.url, credentials: bob });
    const accepted = emulator.state().peerConns.find((pc) => pc.acceptor.vpcId === 'vpc-bobbj000001')!;
    await acceptPeerconn(bobClient, { peerConnId: accepted.peerConnId });
    emulator.clock.advance(DAY);
    await cronWorker.scheduled(undefined, env);
    expect(kv.get('state:accepted')).toBe('connected');
    expect(kv.get('state:never')).toBe('waiting-for-acceptance');

    emulator.clock.advance(7 * DAY);
    await cronWorker.scheduled(undefined, env);
    expect(kv.get('state:never')).toMatch(/^failed: .*"consult_failed"/);
    expect(emulator.state().counts.created).toBe(2);
  } finally {
    await server.close();
  }
});

test('a Workflow sleeps between steps until bob accepts; a queue consumer re-enqueues until then', async () => {
  const { emulator, alice: client, bob: bobClient } = setup();
  const sleeps: string[] = [];
  const step = {
    do: <T>(_name: string, callback: () => Promise<T>) => callback(),
    sleep: async (name: string) => {
      sleeps.push(name);
      const [pc] = emulator.state().peerConns;
      if (sleeps.length === 2) await acceptPeerconn(bobClient, { peerConnId: pc!.peerConnId });
    },
  };
  const peerConnId = await connectInWorkflow(client, askBob, step);
  expect(sleeps).toEqual(['wait for acceptance 1', 'wait for acceptance 2']);
  expect(emulator.state().peerConns.map((pc) => [pc.peerConnId, pc.status])).toEqual([[peerConnId, 'active']]);

  const sent: number[] = [];
  const queue = {
    send: async (_job: ConnectVpcsInput, { delaySeconds }: { delaySeconds: number }) => void sent.push(delaySeconds),
  };
  const other = {
    ...askBob,
    localVpcId: 'vpc-alicebj00001',
    peerVpcId: 'vpc-bobgz000001',
    peerRegion: 'gz',
    routes: { local: ['172.21.0.0/16'] },
    clientToken: 'queue-job-1',
  };
  await onConnectJob(client, other, queue);
  expect(sent).toEqual([3600]);
});
