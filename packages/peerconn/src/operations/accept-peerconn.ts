import type { BceClient, CallOptions, MetadataBearer } from '@bcekit/core';
import { createClientToken } from '@bcekit/core';
import * as v from 'valibot';
import { runOperation } from '../internal/run-operation.ts';
import { ClientTokenSchema, PeerConnIdSchema } from '../schemas/common.ts';

/** Input of {@link acceptPeerconn}, checked before anything is sent. */
export const AcceptPeerconnInputSchema = v.object({
  peerConnId: PeerConnIdSchema,
  clientToken: v.optional(ClientTokenSchema, createClientToken),
});

/** What {@link acceptPeerconn} accepts; `clientToken` is made for you when omitted. */
export type AcceptPeerconnInput = v.InferInput<typeof AcceptPeerconnInputSchema>;

/**
 * Accepts a cross-account peer connection request, as the acceptor. Sends
 * `PUT /v1/peerconn/{peerConnId}?accept&clientToken=…` with no body.
 *
 * Service rules: only a connection in `consulting` can be accepted, within 7 days of its
 * creation; it then becomes `active`. Same-account connections are accepted automatically, so accepting
 * one fails.
 *
 * @param client A client from `createClient` of `@bcekit/core`, signed as the acceptor's account.
 * @param input The connection to accept.
 * @param options Per-call `signal`, `timeout` and `retry`.
 * @throws {BceValidationError} when the input is invalid; nothing is sent.
 * @throws {BceServiceError} when the service refuses (e.g. the connection is not waiting for you).
 * @example
 * await acceptPeerconn(acceptorClient, { peerConnId: 'peerconn-9td54fmx143e' });
 * await waitForPeerconn(acceptorClient, { peerConnId: 'peerconn-9td54fmx143e', until: 'active', maxWaitTime: 60_000 });
 */
export async function acceptPeerconn(
  client: BceClient,
  input: AcceptPeerconnInput,
  options?: CallOptions,
): Promise<MetadataBearer> {
  const { $metadata } = await runOperation(
    client,
    'acceptPeerconn',
    AcceptPeerconnInputSchema,
    input,
    options,
    (checked) => ({
      method: 'PUT',
      path: ['v1', 'peerconn', checked.peerConnId],
      query: { accept: '', clientToken: checked.clientToken },
    }),
  );
  return { $metadata };
}
