import type { BceClient, CallOptions, MetadataBearer } from '@bcekit/core';
import { createClientToken } from '@bcekit/core';
import * as v from 'valibot';
import { runOperation } from '../internal/run-operation.ts';
import { ClientTokenSchema, PeerConnIdSchema } from '../schemas/common.ts';

/** Input of {@link handlePeerconn}, checked before anything is sent. */
export const HandlePeerconnInputSchema = v.object({
  peerConnId: PeerConnIdSchema,
  action: v.picklist(['accept', 'reject'], 'must be "accept" or "reject"'),
  clientToken: v.optional(ClientTokenSchema, createClientToken),
});

/** What {@link handlePeerconn} accepts; `clientToken` is made for you when omitted. */
export type HandlePeerconnInput = v.InferInput<typeof HandlePeerconnInputSchema>;

/**
 * Accepts or rejects a cross-account peer connection request, as the acceptor: the shape of Python's
 * `handle_peerconn(action)`. Sends `PUT /v1/peerconn/{peerConnId}?{action}&clientToken=…` with no body.
 * Unlike Python, `action` must be `accept` or `reject` (Python sends any string as the flag).
 *
 * Service rules: only a connection in `consulting` can be handled, within 7 days; accepting
 * makes it `active`, rejecting leaves the initiator's side in `consult_failed`.
 *
 * @param client A client from `createClient` of `@bcekit/core`, signed as the acceptor's account.
 * @param input The connection and what to do with it.
 * @param options Per-call `signal`, `timeout` and `retry`.
 * @throws {BceValidationError} when the input is invalid; nothing is sent.
 * @throws {BceServiceError} when the service refuses (e.g. the connection is not waiting for you).
 * @example
 * await handlePeerconn(acceptorClient, { peerConnId: 'peerconn-9td54fmx143e', action: 'accept' });
 */
export async function handlePeerconn(
  client: BceClient,
  input: HandlePeerconnInput,
  options?: CallOptions,
): Promise<MetadataBearer> {
  const { $metadata } = await runOperation(
    client,
    'handlePeerconn',
    HandlePeerconnInputSchema,
    input,
    options,
    (checked) => ({
      method: 'PUT',
      path: ['v1', 'peerconn', checked.peerConnId],
      query: { [checked.action]: '', clientToken: checked.clientToken },
    }),
  );
  return { $metadata };
}
