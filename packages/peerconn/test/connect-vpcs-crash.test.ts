// Crash safety of connectVpcs / disconnectVpcs: for every request a clean run makes, a run where that request
// fails (its answer lost after the service applied it, a 5xx, or a timeout after it was applied), then a second
// call; the end state must equal the clean run's.
import { createClient } from '@bcekit/core';
import { createEmulator, type Emulator, FIXTURE_ACCOUNTS } from '@bcekit/emulator';
import { type ConnectVpcsInput, connectVpcs, disconnectVpcs } from '@bcekit/peerconn';
import { getRouteTable } from '@bcekit/vpc';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { timerAt, type WatchedTimer } from '../../../scripts/test-helpers/timers.ts';

const [alice, bob] = FIXTURE_ACCOUNTS;
const FAST = { minDelay: 2, maxDelay: 10, maxWaitTime: 10_000 };
const KINDS = ['lost', '5xx', 'timeout'] as const;
type Kind = (typeof KINDS)[number];
// The first call's per-attempt timeout: only the injected 'timeout' fires it (timerAt), so a slow request on a busy
// machine never fails a run at another request than the one under test.
const FIRST_TIMEOUT = 600_012;

afterEach(() => {
  vi.restoreAllMocks();
});

/** `emulator.fetch`, with request number `at` failing as `kind`; records every request it sees. */
function faultyFetch(emulator: Emulator, fault?: { at: number; kind: Kind }, timeout?: WatchedTimer) {
  const seen: string[] = [];
  let hit = false;
  const fetchFn: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const index = seen.length;
    seen.push(
      `${request.method} ${new URL(request.url).pathname}${new URL(request.url).search.replace(/clientToken=[^&]*/, '')}`,
    );
    if (fault?.at !== index) return emulator.fetch(request);
    hit = true;
    if (fault.kind === '5xx') {
      const body = JSON.stringify({ code: 'InternalError', message: 'injected', requestId: 'injected-500' });
      return new Response(body, { status: 500, headers: { 'content-type': 'application/json' } });
    }
    await emulator.fetch(request); // the service applies it ...
    if (fault.kind === 'lost') throw new TypeError('fetch failed: the connection closed before the answer');
    // ... and the answer never comes: the client's per-attempt timeout (fired now) aborts the request.
    const never = new Promise<Response>((_, reject) => {
      if (request.signal.aborted) reject(request.signal.reason);
      request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
    });
    timeout!.fire();
    return never;
  };
  /** `faulted()`: the request under test was reached (a run that failed before it tested nothing). */
  return { fetchFn, seen, faulted: () => hit };
}

function setup(fault?: { at: number; kind: Kind }) {
  const emulator = createEmulator({
    transitions: { creating: 0, updating: 0, deleting: 0, dnsSyncing: 0, dnsClosing: 0 },
  });
  const faulty = faultyFetch(emulator, fault, fault?.kind === 'timeout' ? timerAt(FIRST_TIMEOUT) : undefined);
  // No retries, so that the one injected failure fails the call; the first call's timeout is fired by the fault.
  const make = (account: (typeof FIXTURE_ACCOUNTS)[number], fetchFn: typeof fetch, failFast: boolean) =>
    createClient({
      region: 'bj',
      fetch: fetchFn,
      credentials: account,
      retry: failFast ? 0 : { limit: 2, baseDelay: 1, maxDelay: 5 },
      timeout: failFast ? FIRST_TIMEOUT : 30_000,
    });
  return {
    emulator,
    seen: faulty.seen,
    faulted: faulty.faulted,
    first: { alice: make(alice, faulty.fetchFn, true), bob: make(bob, faulty.fetchFn, true) },
    again: { alice: make(alice, emulator.fetch, false), bob: make(bob, emulator.fetch, false) },
  };
}

/** What must be the same after any run: connections (status, DNS on both ends) and every peerConn rule. */
async function endState(emulator: Emulator, vpcs: readonly [string, string]) {
  const reader = (vpcId: string) => (vpcId.startsWith('vpc-bob') ? bob : alice);
  const rules = [];
  for (const vpcId of vpcs) {
    const client = createClient({ region: 'bj', fetch: emulator.fetch, credentials: reader(vpcId) });
    const table = await getRouteTable(client, { vpcId });
    for (const rule of table.routeRules.filter((r) => r.nexthopType === 'peerConn')) {
      rules.push(`${vpcId} ${rule.sourceAddress} -> ${rule.destinationAddress}`);
    }
  }
  const connections = emulator
    .state()
    .peerConns.map((pc) => `${pc.status} dns ${pc.initiator.dnsStatus}/${pc.acceptor.dnsStatus}`);
  return { connections, rules: rules.sort() };
}

const cases: {
  name: string;
  vpcs: readonly [string, string];
  input: (c: ReturnType<typeof setup>['first']) => ConnectVpcsInput;
}[] = [
  {
    name: 'same account, with DNS sync',
    vpcs: ['vpc-alicebj00001', 'vpc-alicebj00002'],
    input: () => ({
      localVpcId: 'vpc-alicebj00001',
      peerVpcId: 'vpc-alicebj00002',
      peerRegion: 'bj',
      bandwidthInMbps: 10,
      dnsSync: true,
    }),
  },
  {
    name: 'cross-account, with peerClient',
    vpcs: ['vpc-alicebj00002', 'vpc-bobbj000001'],
    input: (c) => ({
      localVpcId: 'vpc-alicebj00002',
      peerVpcId: 'vpc-bobbj000001',
      peerRegion: 'bj',
      bandwidthInMbps: 10,
      peerAccountId: bob.accountId,
      peerClient: c.bob,
    }),
  },
];

describe.each(cases)('connectVpcs survives a failure of any request ($name)', ({ vpcs, input }) => {
  it('ends, after a second call, exactly as a clean run does', async () => {
    const clean = setup();
    const done = await connectVpcs(clean.first.alice, input(clean.first), FAST);
    expect(done.state).toBe('connected');
    const expected = await endState(clean.emulator, vpcs);
    expect(expected.connections).toHaveLength(1);
    expect(expected.rules).toHaveLength(2); // exactly one rule per side
    const requests = clean.seen.length;
    expect(requests).toBeGreaterThan(5);

    const failures: string[] = [];
    for (let at = 0; at < requests; at += 1) {
      for (const kind of KINDS) {
        const run = setup({ at, kind });
        const firstCall = await connectVpcs(run.first.alice, input(run.first), FAST).then(
          () => 'completed',
          (error: Error) => error.name,
        );
        const second = await connectVpcs(run.again.alice, input(run.again), FAST);
        const state = await endState(run.emulator, vpcs);
        if (firstCall === 'completed')
          failures.push(`${kind} at #${at} (${run.seen[at]}): the first call did not fail`);
        if (!run.faulted()) failures.push(`${kind} at #${at}: the first call failed before request #${at}`);
        if (second.state !== 'connected' || JSON.stringify(state) !== JSON.stringify(expected)) {
          failures.push(`${kind} at #${at} (${run.seen[at]}; first call: ${firstCall}): ${JSON.stringify(state)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    console.log(`connectVpcs crash runs: ${requests} requests x ${KINDS.length} failure kinds`);
  }, 120_000);
});

describe('disconnectVpcs survives a failure of any request', () => {
  it('leaves no rule pointing at the deleted connection after a second call', async () => {
    const vpcs = cases[0]!.vpcs;
    const connectClean = async (run: ReturnType<typeof setup>) =>
      (await connectVpcs(run.again.alice, cases[0]!.input(run.again), FAST)).peerConnId;
    const clean = setup();
    const peerConnId = await connectClean(clean);
    const before = clean.seen.length;
    await disconnectVpcs(clean.first.alice, { peerConnId }, FAST);
    const requests = clean.seen.length - before;
    expect(requests).toBeGreaterThan(3);
    expect(await endState(clean.emulator, vpcs)).toEqual({ connections: [], rules: [] });

    const failures: string[] = [];
    for (let at = 0; at < requests; at += 1) {
      for (const kind of KINDS) {
        const run = setup({ at, kind });
        const id = await connectClean(run);
        const firstCall = await disconnectVpcs(run.first.alice, { peerConnId: id }, FAST).then(
          () => 'completed',
          () => 'failed',
        );
        if (firstCall === 'completed')
          failures.push(`${kind} at #${at} (${run.seen[at]}): the first call did not fail`);
        if (!run.faulted()) failures.push(`${kind} at #${at}: the first call failed before request #${at}`);
        const second = await disconnectVpcs(run.again.alice, { peerConnId: id }, FAST);
        const state = await endState(run.emulator, vpcs);
        if (!second.deleted || state.connections.length > 0 || state.rules.length > 0) {
          failures.push(`${kind} at #${at}: ${JSON.stringify(state)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
