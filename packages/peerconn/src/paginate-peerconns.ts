import type { BceClient, CallOptions } from '@bcekit/core';
import { paginate } from '@bcekit/core/operation';
import * as v from 'valibot';
import { parseInput } from './internal/run-operation.ts';
import { listPeerconns } from './operations/list-peerconns.ts';
import { IdSchema, MarkerSchema, MaxKeysSchema } from './schemas/common.ts';
import type { ListPeerconnsOutput, PeerConn } from './schemas/peerconn.ts';

/** Input of {@link paginatePeerconns}, checked when iteration starts. */
export const PaginatePeerconnsInputSchema = v.object({
  vpcId: v.optional(IdSchema),
  maxKeys: v.optional(MaxKeysSchema),
  marker: v.optional(MarkerSchema),
});

/** What {@link paginatePeerconns} accepts: a VPC filter, a page size, and where to start (default: the beginning). */
export type PaginatePeerconnsInput = v.InferInput<typeof PaginatePeerconnsInputSchema>;

/** The pages of a listing (`for await (const page of pages)`), with {@link PeerconnPages.items} for the connections. */
export interface PeerconnPages extends AsyncIterable<ListPeerconnsOutput> {
  /** Every peer connection of every page, in order, fetching pages as you go. */
  items(): AsyncIterable<PeerConn>;
}

/**
 * Walks every page of {@link listPeerconns}: requests the next page with `marker = nextMarker` while
 * `isTruncated` is true. Nothing is requested until you iterate; each iteration starts from the beginning.
 *
 * Service rules: `maxKeys` is 1 to 1000 (default 1000). Should the service repeat a marker
 * (or claim more pages without giving a `nextMarker`), iteration stops with a `BceError` instead of
 * looping forever.
 *
 * @param client A client from `createClient` of `@bcekit/core`.
 * @param input Optional `vpcId` filter, page size `maxKeys`, starting `marker`.
 * @param options Per-call `signal` (checked before every page and passed to each request), `timeout`, `retry`.
 * @returns An async iterable of pages; `.items()` iterates the connections themselves.
 * @throws {BceValidationError} on the first iteration when the input is invalid; nothing is sent.
 * @throws {BceError} when the service repeats a marker.
 * @example
 * for await (const pc of paginatePeerconns(client, { vpcId: 'vpc-a8n5p6qwxrmq' }).items()) {
 *   console.log(pc.peerConnId, pc.status);
 * }
 */
export function paginatePeerconns(
  client: BceClient,
  input: PaginatePeerconnsInput = {},
  options?: CallOptions,
): PeerconnPages {
  return paginate('paginatePeerconns', options, () => {
    const checked = parseInput('paginatePeerconns', PaginatePeerconnsInputSchema, input);
    return {
      marker: checked.marker,
      fetchPage: (marker) => listPeerconns(client, { vpcId: checked.vpcId, maxKeys: checked.maxKeys, marker }, options),
      itemsOf: (page: ListPeerconnsOutput): PeerConn[] => page.peerConns,
    };
  });
}
