import { type BceClient, BceError, createClient } from '@bcekit/core';
import { createEmulator, type Emulator, type EmulatorServer } from '@bcekit/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPeerconn } from '../../src/index.ts';
import { planFaults } from './fault-plan.ts';

const CALLS = 1_000;
const ACCOUNTS = 20;
const CONCURRENCY = 20;
const FAULT_RATE = 0.3;
const CLIENT_TIMEOUT_MS = 300;
const SERVER_DELAY_MS = 700; // > the client timeout: the attempt times out, the server applies the create later
const SEED = 20_240_611;

interface Call {
  index: number;
  client: BceClient;
  input: { bandwidthInMbps: number; localVpcId: string; peerVpcId: string; peerRegion: string; clientToken?: string };
  outcome?: { peerConnId: string } | { error: unknown };
}

let emulator: Emulator;
let server: EmulatorServer;
let calls: Call[];
/** Creates the emulator applied (200) after their client had disconnected. */
let appliedAfterDisconnect = 0;

/** 20 accounts, each with 100 VPCs in bj, paired two by two: 1,000 distinct same-account VPC pairs. */
function arrangeCalls(): Call[] {
  const out: Call[] = [];
  for (let a = 0; a < ACCOUNTS; a++) {
    const account = emulator.addAccount();
    const client = createClient({
      endpoint: server.url,
      credentials: account,
      timeout: CLIENT_TIMEOUT_MS,
      retry: { limit: 2, baseDelay: 1, maxDelay: 5 },
    });
    for (let p = 0; p < CALLS / ACCOUNTS; p++) {
      const [local, peer] = [0, 1].map(() => emulator.addVpc({ accountId: account.accountId, region: 'bj' }).vpcId);
      const index = out.length;
      const input: Call['input'] = { bandwidthInMbps: 10, localVpcId: local!, peerVpcId: peer!, peerRegion: 'bj' };
      // Half the calls bring their own token; the other half rely on the one the SDK makes.
      if (index % 2 === 0) input.clientToken = `caller-token-${index}`;
      out.push({ index, client, input });
    }
  }
  return out;
}

async function runAll(todo: Call[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let call = todo[next++]; call; call = todo[next++]) {
      call.outcome = await createPeerconn(call.client, call.input).then(
        ({ peerConnId }) => ({ peerConnId }),
        (error: unknown) => ({ error }),
      );
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

const pairKey = (a: string, b: string) => [a, b].sort().join('+');
const errorOf = (call: Call) =>
  call.outcome && 'error' in call.outcome ? (call.outcome.error as BceError) : undefined;

describe('createPeerconn under 30% injected faults', () => {
  let plan: ReturnType<typeof planFaults>;
  let retried: Call[];
  const recovered = new Map<number, string>();

  beforeAll(async () => {
    emulator = createEmulator({ seed: false, quotaPerUser: Number.POSITIVE_INFINITY });
    server = await emulator.listen({
      middleware: async (request, next) => {
        const response = await next(request);
        if (request.signal.aborted && response.status === 200) appliedAfterDisconnect++;
        return response;
      },
    });
    calls = arrangeCalls();
    plan = planFaults(emulator, { entries: 4 * CALLS, rate: FAULT_RATE, seed: SEED, timeoutDelayMs: SERVER_DELAY_MS });

    await runAll(calls);
    emulator.faults.clear();
    // Creates held back by the timeout fault land after their client gave up: let them all arrive.
    await emulator.idle();
    retried = calls.filter((call) => errorOf(call));
    for (const call of retried) {
      // No fault is left, and this is not about timeouts: a slow answer on a busy machine must not fail the setup.
      const { peerConnId } = await createPeerconn(
        call.client,
        { ...call.input, clientToken: errorOf(call)!.clientToken! },
        { timeout: 30_000 },
      );
      recovered.set(call.index, peerConnId);
    }
  }, 60_000);
  afterAll(() => server?.close());

  it('injected about 30% faults of every kind', () => {
    const { byKind, total, passedThrough } = plan.injected();

    expect(total / (total + passedThrough)).toBeGreaterThan(0.2);
    for (const count of Object.values(byKind)) expect(count).toBeGreaterThan(10);
  });

  it('applied creates whose client had already given up (the timeout fault)', () => {
    expect(appliedAfterDisconnect).toBeGreaterThan(10);
  });

  it('settles every call with a peerConnId or a typed error that carries its clientToken', () => {
    for (const call of calls) {
      const error = errorOf(call);
      if (!error) continue;
      expect(error).toBeInstanceOf(BceError);
      expect(['BceServiceError', 'BceTimeoutError', 'BceNetworkError']).toContain(error.name);
      expect(error.clientToken).toMatch(/^[\x20-\x7e]{1,64}$/);
      if (call.input.clientToken) expect(error.clientToken).toBe(call.input.clientToken);
    }
    expect(calls.every((call) => call.outcome)).toBe(true);
  });

  it('never tells a caller the pair already exists or the token was misused (what a non-idempotent retry causes)', () => {
    const codes = calls.map((call) => (errorOf(call) as { code?: string } | undefined)?.code);

    expect(codes).not.toContain('PeerConnAlreadyExists');
    expect(codes).not.toContain('IdempotentParameterMismatch');
  });

  it('leaves exactly one peer connection per call: none missing, no duplicates', () => {
    const state = emulator.state();
    const byPair = new Map<string, number>();
    for (const record of state.peerConns) {
      const key = pairKey(record.initiator.vpcId, record.acceptor.vpcId);
      byPair.set(key, (byPair.get(key) ?? 0) + 1);
    }
    const duplicates = [...byPair.values()].filter((n) => n > 1).length + (state.counts.created - CALLS);

    expect(state.counts.created).toBe(CALLS);
    expect(state.peerConns).toHaveLength(CALLS);
    expect(duplicates).toBe(0);
    for (const call of calls) expect(byPair.get(pairKey(call.input.localVpcId, call.input.peerVpcId))).toBe(1);
    report(duplicates);
  });

  it('gives every call the id the emulator holds for its pair, retried calls included', () => {
    const idByPair = new Map(
      emulator.state().peerConns.map((r) => [pairKey(r.initiator.vpcId, r.acceptor.vpcId), r.peerConnId]),
    );

    for (const call of calls) {
      const id = errorOf(call) ? recovered.get(call.index) : (call.outcome as { peerConnId: string }).peerConnId;
      expect(id).toBe(idByPair.get(pairKey(call.input.localVpcId, call.input.peerVpcId)));
    }
  });

  function report(duplicates: number) {
    const { byKind, total, passedThrough } = plan.injected();
    const state = emulator.state();
    console.log(
      `idempotency: ${CALLS} createPeerconn calls, ${state.counts.requests} requests, ${total} faults injected ` +
        `(${Object.entries(byKind)
          .map(([k, n]) => `${k}: ${n}`)
          .join(', ')}; ${passedThrough} passed through), ` +
        `${appliedAfterDisconnect} creates applied after their client gave up, ` +
        `${retried.length} calls failed after their retries and were retried with their clientToken, ` +
        `${duplicates} duplicates found`,
    );
  }
});
