// The three paginators follow nextMarker while isTruncated, stop on a repeated or missing marker, and honour the
// signal: one loop in @bcekit/core/operation serves them (and paginatePeerconns).
import { BceError } from '@bcekit/core';
import { describe, expect, it } from 'vitest';
import { useCaptureServer } from '../../../scripts/test-helpers/capture-server.ts';
import { paginateRouteRules, paginateSubnets, paginateVpcs } from '../src/index.ts';

const server = useCaptureServer();

const walkers = [
  ['paginateVpcs', 'vpcs', '/v1/vpc', (input: Record<string, unknown>) => paginateVpcs(server.current.client(), input)],
  [
    'paginateSubnets',
    'subnets',
    '/v1/subnet',
    (input: Record<string, unknown>) => paginateSubnets(server.current.client(), input),
  ],
  [
    'paginateRouteRules',
    'routeRules',
    '/v1/route/rule',
    (input: Record<string, unknown>) => paginateRouteRules(server.current.client(), { vpcId: 'vpc-a', ...input }),
  ],
] as const;

describe.each(walkers)('%s', (name, listKey, path, walk) => {
  it('reads every page in order, passing each nextMarker and the filters, and items() yields every item', async () => {
    // Three pages of two items: m0 -> m2 -> m4.
    server.current.respond((request) => {
      const start = Number((request.query['marker'] ?? 'm0').slice(1));
      const last = start >= 4;
      return {
        body: {
          marker: request.query['marker'] ?? '',
          isTruncated: !last,
          ...(last ? {} : { nextMarker: `m${start + 2}` }),
          maxKeys: 2,
          [listKey]: [{ id: start }, { id: start + 1 }],
        },
      };
    });

    const items: unknown[] = [];
    for await (const item of walk({ maxKeys: 2 }).items()) items.push(item);

    expect(items).toEqual([0, 1, 2, 3, 4, 5].map((id) => ({ id })));
    expect(server.current.requests.map((r) => r.path)).toEqual([path, path, path]);
    expect(server.current.requests.map((r) => r.query['marker'])).toEqual([undefined, 'm2', 'm4']);
    expect(server.current.requests.every((r) => r.query['maxKeys'] === '2')).toBe(true);
  });

  it('starts at the given marker, and sends nothing until iteration starts', async () => {
    server.current.respond({ body: { isTruncated: false, [listKey]: [] } });

    const pages = walk({ marker: 'm9' });
    expect(server.current.requests).toHaveLength(0);
    for await (const _ of pages);

    expect(server.current.requests.map((r) => r.query['marker'])).toEqual(['m9']);
  });

  it('stops with a BceError when the service repeats a marker', async () => {
    server.current.respond({ body: { marker: 'm1', isTruncated: true, nextMarker: 'm1', [listKey]: [] } });

    const error = await (async () => {
      for await (const _ of walk({}));
    })().catch((reason: unknown) => reason);

    expect(error).toBeInstanceOf(BceError);
    expect((error as Error).message).toBe(
      `${name}: the service returned nextMarker "m1" again; stopped instead of reading the same pages forever`,
    );
    expect(server.current.requests).toHaveLength(1);
  });

  it('stops with a BceError when the service claims more pages without a nextMarker', async () => {
    server.current.respond({ body: { isTruncated: true, [listKey]: [] } });

    const pages = walk({})[Symbol.asyncIterator]();
    await pages.next();

    await expect(pages.next()).rejects.toThrow(
      `${name}: the service said more pages follow (isTruncated) but sent no nextMarker; stopped`,
    );
  });
});

it('checks the signal before every page', async () => {
  server.current.respond((request) => ({
    body: { isTruncated: true, nextMarker: `${request.query['marker'] ?? ''}x`, vpcs: [] },
  }));
  const controller = new AbortController();
  const reason = new Error('enough');

  const seen: number[] = [];
  const error = await (async () => {
    for await (const page of paginateVpcs(server.current.client(), {}, { signal: controller.signal })) {
      seen.push(page.vpcs.length);
      if (seen.length === 2) controller.abort(reason);
    }
  })().catch((e: unknown) => e);

  expect(error).toBe(reason);
  expect(server.current.requests).toHaveLength(2);
});
