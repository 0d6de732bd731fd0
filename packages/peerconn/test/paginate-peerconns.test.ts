import { BceError, BceValidationError } from '@bcekit/core';
import { describe, expect, it } from 'vitest';
import { type PeerConn, paginatePeerconns } from '../src/index.ts';
import { type CapturedRequest, useCaptureServer } from './helpers/capture-server.ts';
import { createRecordingClient } from './helpers/recording-client.ts';

const ids = Array.from({ length: 2500 }, (_, i) => `peerconn-${String(i).padStart(6, '0')}`);

// A listing as the service pages it: `marker` is the id of a page's first item.
function listing(request: CapturedRequest) {
  const maxKeys = Number(request.query['maxKeys'] ?? 1000);
  const start = request.query['marker'] ? ids.indexOf(request.query['marker']) : 0;
  const page = ids.slice(start, start + maxKeys);
  const next = ids[start + maxKeys];
  return {
    body: {
      marker: page[0] ?? '',
      isTruncated: next !== undefined,
      ...(next ? { nextMarker: next } : {}),
      maxKeys,
      peerConns: page.map((peerConnId) => ({ peerConnId, status: 'active' })),
    },
  };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const value of iterable) out.push(value);
  return out;
}

describe('paginatePeerconns', () => {
  const server = useCaptureServer();

  it('reads 2,500 items with maxKeys 1000 in 3 requests, each item once and in order', async () => {
    server.current.respond(listing);

    const items = await collect(paginatePeerconns(server.current.client(), { maxKeys: 1000 }).items());

    expect(server.current.requests).toHaveLength(3);
    expect(items.map((pc: PeerConn) => pc.peerConnId)).toEqual(ids);
  });

  it('yields the pages themselves, following nextMarker', async () => {
    server.current.respond(listing);

    const pages = await collect(paginatePeerconns(server.current.client(), { vpcId: 'vpc-1', maxKeys: 1000 }));

    expect(pages.map((page) => page.peerConns.length)).toEqual([1000, 1000, 500]);
    expect(server.current.requests.map((r) => r.query)).toEqual([
      { vpcId: 'vpc-1', maxKeys: '1000' },
      { vpcId: 'vpc-1', maxKeys: '1000', marker: ids[1000] },
      { vpcId: 'vpc-1', maxKeys: '1000', marker: ids[2000] },
    ]);
  });

  it('sends nothing until iterated, and starts over on each iteration', async () => {
    server.current.respond(listing);
    const pages = paginatePeerconns(server.current.client(), { maxKeys: 1000 });

    expect(server.current.requests).toHaveLength(0);
    await collect(pages);
    await collect(pages);

    expect(server.current.requests).toHaveLength(6);
  });

  it('stops with an error, never a loop, when the service repeats a marker', async () => {
    server.current.respond(() => ({
      body: { marker: 'm1', isTruncated: true, nextMarker: 'm2', maxKeys: 1, peerConns: [{ peerConnId: 'a' }] },
    }));

    const call = collect(paginatePeerconns(server.current.client(), { maxKeys: 1 }).items());

    await expect(call).rejects.toBeInstanceOf(BceError);
    await expect(call).rejects.toThrow(/nextMarker "m2" again/);
    expect(server.current.requests.length).toBeLessThanOrEqual(4);
  });

  it('stops with an error when more pages are announced without a nextMarker', async () => {
    server.current.respond({ body: { isTruncated: true, maxKeys: 1, peerConns: [] } });

    const call = collect(paginatePeerconns(server.current.client()));

    await expect(call).rejects.toThrow(/sent no nextMarker/);
    expect(server.current.requests).toHaveLength(1);
  });

  it('stops at once when the signal is aborted between pages', async () => {
    const controller = new AbortController();
    const reason = new Error('enough');
    server.current.respond(listing);
    const pages = paginatePeerconns(server.current.client(), { maxKeys: 1000 }, { signal: controller.signal });

    const seen: number[] = [];
    const call = (async () => {
      for await (const page of pages) {
        seen.push(page.peerConns.length);
        controller.abort(reason);
      }
    })();

    await expect(call).rejects.toBe(reason);
    expect(seen).toEqual([1000]);
    expect(server.current.requests).toHaveLength(1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const { client, sent } = createRecordingClient();
    const reason = new Error('cancelled');

    const call = collect(paginatePeerconns(client, {}, { signal: AbortSignal.abort(reason) }));

    await expect(call).rejects.toBe(reason);
    expect(sent).toHaveLength(0);
  });

  it.each([
    ['maxKeys 0', { maxKeys: 0 }, 'maxKeys'],
    ['maxKeys 1001', { maxKeys: 1001 }, 'maxKeys'],
    ['an empty vpcId', { vpcId: '' }, 'vpcId'],
  ])('rejects %s on the first iteration, without sending', async (_title, input, path) => {
    const { client, sent } = createRecordingClient();

    const call = collect(paginatePeerconns(client, input));

    await expect(call).rejects.toBeInstanceOf(BceValidationError);
    await expect(call).rejects.toMatchObject({ operation: 'paginatePeerconns', issues: [{ path }] });
    expect(sent).toHaveLength(0);
  });
});
