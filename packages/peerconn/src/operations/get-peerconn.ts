import type { BceClient, CallOptions, MetadataBearer } from '@bcekit/core';
import * as v from 'valibot';
import { runOperation } from '../internal/run-operation.ts';
import { PeerConnIdSchema, RoleSchema } from '../schemas/common.ts';
import { type PeerConn, readPeerConn } from '../schemas/peerconn.ts';

/** Input of {@link getPeerconn}, checked before anything is sent. */
export const GetPeerconnInputSchema = v.object({
  peerConnId: PeerConnIdSchema,
  role: v.optional(RoleSchema),
});

/** What {@link getPeerconn} accepts. */
export type GetPeerconnInput = v.InferInput<typeof GetPeerconnInputSchema>;

/**
 * Reads one peer connection. Sends `GET /v1/peerconn/{peerConnId}`, with `?role=` when given.
 *
 * Service rules: both ends of a same-region connection live in the same region; `role`
 * picks which end's view you get, otherwise the service returns either one.
 *
 * @param client A client from `createClient` of `@bcekit/core`.
 * @param input The id, and optionally the end to describe.
 * @param options Per-call `signal`, `timeout` and `retry`.
 * @returns The peer connection; fields the service adds later are kept.
 * @throws {BceValidationError} when the input is invalid (an empty id, or one with `/`); nothing is sent.
 * @throws {BceServiceError} when the service refuses (e.g. an unknown id).
 * @example
 * const pc = await getPeerconn(client, { peerConnId: 'peerconn-9td54fmx143e', role: 'initiator' });
 * console.log(pc.status, pc.dnsStatus, pc.bandwidthInMbps);
 */
export async function getPeerconn(
  client: BceClient,
  input: GetPeerconnInput,
  options?: CallOptions,
): Promise<PeerConn & MetadataBearer> {
  const output = await runOperation(client, 'getPeerconn', GetPeerconnInputSchema, input, options, (checked) => ({
    method: 'GET',
    path: ['v1', 'peerconn', checked.peerConnId],
    query: { role: checked.role },
  }));
  return readPeerConn(output) as PeerConn & MetadataBearer;
}
