// Every output carries $metadata, held against what the emulator really answered (its x-bce-request-id).
import { type BceClient, createClient } from '@bcekit/core';
import { createEmulator, type EmulatorServer, FIXTURE_ACCOUNTS } from '@bcekit/emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createPeerconn,
  deletePeerconn,
  getPeerconn,
  listPeerconns,
  paginatePeerconns,
  resizePeerconn,
  waitForPeerconn,
} from '../src/index.ts';

const [alice] = FIXTURE_ACCOUNTS;
const pair = { bandwidthInMbps: 10, localVpcId: 'vpc-alicebj00001', peerRegion: 'bj' } as const;

let emulator: ReturnType<typeof createEmulator>;
let server: EmulatorServer;
let client: BceClient;
/** The x-bce-request-id of every answer the client received, in order. */
let answered: (string | null)[];

beforeEach(async () => {
  emulator = createEmulator({ realTime: false });
  server = await emulator.listen();
  answered = [];
  client = createClient({
    endpoint: server.url,
    credentials: alice,
    retry: { limit: 3, baseDelay: 5, maxDelay: 5 },
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      answered.push(response.headers.get('x-bce-request-id'));
      return response;
    },
  });
});
afterEach(() => server.close());

const lastAnswer = () => answered.at(-1);

/** A same-account connection, past `creating` (the emulator's clock moves only when told). */
async function activeConnection(): Promise<string> {
  const { peerConnId } = await createPeerconn(client, { ...pair, peerVpcId: 'vpc-alicebj00002' });
  emulator.clock.advance(60_000);
  return peerConnId;
}
const fast = { maxWaitTime: 5_000, minDelay: 1, maxDelay: 5 };

describe('$metadata', () => {
  it('names the request id, status and attempts of a create, from the answer received', async () => {
    const output = await createPeerconn(client, { ...pair, peerVpcId: 'vpc-alicebj00002' });

    expect(lastAnswer()).toMatch(/^[0-9a-f-]{36}$/);
    expect(output.$metadata).toEqual({
      requestId: lastAnswer(),
      httpStatusCode: 200,
      attempts: 1,
      totalRetryDelay: 0,
    });
  });

  it('counts the attempts and the waits of a call that was retried', async () => {
    const { peerConnId } = await createPeerconn(client, { ...pair, peerVpcId: 'vpc-alicebj00002' });
    // Retry-After makes each wait exact (maxDelay, 5 ms): a jittered backoff of 5 ms is 0 ms one time in five.
    emulator.faults.inject({
      match: { operation: 'getPeerconn' },
      times: 2,
      error: { status: 503, retryAfterSeconds: 1 },
    });

    const pc = await getPeerconn(client, { peerConnId });

    expect(pc.$metadata).toMatchObject({ requestId: lastAnswer(), httpStatusCode: 200, attempts: 3 });
    expect(answered.slice(-3).every((id) => typeof id === 'string')).toBe(true);
    expect(new Set(answered.slice(-3)).size).toBe(3); // each attempt got its own id; the last one is reported
    expect(pc.$metadata.totalRetryDelay).toBe(10);
  });

  it('is on the outputs of operations that return nothing else', async () => {
    const peerConnId = await activeConnection();

    const resized = await resizePeerconn(client, { peerConnId, newBandwidthInMbps: 20 });
    const resizeId = lastAnswer();

    expect(resized).toEqual({
      $metadata: { requestId: resizeId, httpStatusCode: 200, attempts: 1, totalRetryDelay: 0 },
    });
  });

  it('is on every page of a listing and of the paginator, each with its own request id', async () => {
    await createPeerconn(client, { ...pair, peerVpcId: 'vpc-alicebj00002' });
    await createPeerconn(client, {
      ...pair,
      localVpcId: 'vpc-alicebj00002',
      peerRegion: 'su',
      peerVpcId: 'vpc-alicesu00001',
    });
    const before = answered.length;

    const pages = [];
    for await (const page of paginatePeerconns(client, { maxKeys: 1 })) pages.push(page);
    const single = await listPeerconns(client, { maxKeys: 1 });

    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages.map((page) => page.$metadata.requestId)).toEqual(answered.slice(before, before + pages.length));
    expect(single.$metadata.requestId).toBe(lastAnswer());
    expect(new Set(answered.slice(before)).size).toBe(answered.length - before);
  });

  it('is on what waitForPeerconn returns: the read that saw the target', async () => {
    const peerConnId = await activeConnection();

    const pc = await waitForPeerconn(client, { peerConnId, until: 'active', ...fast });

    expect(pc.status).toBe('active');
    expect(pc.$metadata).toMatchObject({ requestId: lastAnswer(), httpStatusCode: 200 });
  });

  it('is on a deletion the waiter saw as a 404, from that answer', async () => {
    const peerConnId = await activeConnection();
    await deletePeerconn(client, { peerConnId });
    emulator.clock.advance(60_000);

    const pc = await waitForPeerconn(client, { peerConnId, until: 'deleted', ...fast });

    expect(pc.status).toBe('deleted');
    expect(pc.$metadata).toEqual({ requestId: lastAnswer(), httpStatusCode: 404, attempts: 1, totalRetryDelay: 0 });
  });
});
