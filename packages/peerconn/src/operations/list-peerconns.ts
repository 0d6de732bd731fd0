import type { BceClient, CallOptions } from '@bcekit/core';
import * as v from 'valibot';
import { runOperation } from '../internal/run-operation.ts';
import { IdSchema, MarkerSchema, MaxKeysSchema } from '../schemas/common.ts';
import { type ListPeerconnsOutput, readListOutput } from '../schemas/peerconn.ts';

/** Input of {@link listPeerconns}, checked before anything is sent. */
export const ListPeerconnsInputSchema = v.object({
  vpcId: v.optional(IdSchema),
  marker: v.optional(MarkerSchema),
  maxKeys: v.optional(MaxKeysSchema),
});

/** What {@link listPeerconns} accepts; every field is optional. */
export type ListPeerconnsInput = v.InferInput<typeof ListPeerconnsInputSchema>;

/**
 * Lists one page of the peer connections in the client's region, optionally only those of `vpcId`.
 * Sends `GET /v1/peerconn` with `vpcId`, `marker` and `maxKeys` only when given (an empty `marker` means
 * the first page and is not sent).
 *
 * Service rules: `maxKeys` is 1 to 1000 (default 1000); when `isTruncated` is `true`, pass
 * `nextMarker` as `marker` to read the next page, or let {@link paginatePeerconns} do it.
 *
 * @param client A client from `createClient` of `@bcekit/core`.
 * @param input Filter and page position.
 * @param options Per-call `signal`, `timeout` and `retry`.
 * @returns One page: `{ peerConns, marker, isTruncated, nextMarker?, maxKeys }`.
 * @throws {BceValidationError} when the input is invalid; nothing is sent.
 * @throws {BceServiceError} when the service refuses.
 * @example
 * const page = await listPeerconns(client, { vpcId: 'vpc-a8n5p6qwxrmq', maxKeys: 100 });
 * for (const pc of page.peerConns) console.log(pc.peerConnId, pc.status);
 */
export async function listPeerconns(
  client: BceClient,
  input: ListPeerconnsInput = {},
  options?: CallOptions,
): Promise<ListPeerconnsOutput> {
  const output = await runOperation(client, 'listPeerconns', ListPeerconnsInputSchema, input, options, (checked) => ({
    method: 'GET',
    path: ['v1', 'peerconn'],
    query: { vpcId: checked.vpcId, marker: checked.marker || undefined, maxKeys: checked.maxKeys },
  }));
  return readListOutput(output);
}
