import type { BceClient, CallOptions, MetadataBearer } from '@bcekit/core';
import { createClientToken } from '@bcekit/core';
import * as v from 'valibot';
import { runOperation } from '../internal/run-operation.ts';
import { ClientTokenSchema, PeerConnIdSchema } from '../schemas/common.ts';

/** Input of {@link rejectPeerconn}, checked before anything is sent. */
export const RejectPeerconnInputSchema = v.object({
  peerConnId: PeerConnIdSchema,
  clientToken: v.optional(ClientTokenSchema, createClientToken),
});

/** What {@link rejectPeerconn} accepts; `clientToken` is made for you when omitted. */
export type RejectPeerconnInput = v.InferInput<typeof RejectPeerconnInputSchema>;

/**
 * Rejects a cross-account peer connection request, as the acceptor. Sends
 * `PUT /v1/peerconn/{peerConnId}?reject&clientToken=…` with no body.
 *
 * Service rules: only a connection in `consulting` can be rejected; the initiator's side then
 * shows `consult_failed` (as it does when nobody answers within 7 days).
 *
 * @param client A client from `createClient` of `@bcekit/core`, signed as the acceptor's account.
 * @param input The connection to reject.
 * @param options Per-call `signal`, `timeout` and `retry`.
 * @throws {BceValidationError} when the input is invalid; nothing is sent.
 * @throws {BceServiceError} when the service refuses (e.g. the connection is not waiting for you).
 * @example
 * await rejectPeerconn(acceptorClient, { peerConnId: 'peerconn-9td54fmx143e' });
 */
export async function rejectPeerconn(
  client: BceClient,
  input: RejectPeerconnInput,
  options?: CallOptions,
): Promise<MetadataBearer> {
  const { $metadata } = await runOperation(
    client,
    'rejectPeerconn',
    RejectPeerconnInputSchema,
    input,
    options,
    (checked) => ({
      method: 'PUT',
      path: ['v1', 'peerconn', checked.peerConnId],
      query: { reject: '', clientToken: checked.clientToken },
    }),
  );
  return { $metadata };
}
