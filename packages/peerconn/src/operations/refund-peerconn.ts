import type { BceClient, CallOptions, MetadataBearer } from '@bcekit/core';
import { createClientToken } from '@bcekit/core';
import * as v from 'valibot';
import { runOperation } from '../internal/run-operation.ts';
import { ClientTokenSchema, PeerConnIdSchema } from '../schemas/common.ts';

/** Input of {@link refundPeerconn}, checked before anything is sent. */
export const RefundPeerconnInputSchema = v.object({
  peerConnId: PeerConnIdSchema,
  clientToken: v.optional(ClientTokenSchema, createClientToken),
});

/** What {@link refundPeerconn} accepts; `clientToken` is made for you when omitted. */
export type RefundPeerconnInput = v.InferInput<typeof RefundPeerconnInputSchema>;

/**
 * Unsubscribes a prepaid peer connection: releases it and refunds what is left. Sends
 * `PUT /v1/peerconn/{peerConnId}?refund&clientToken=…` with no body.
 *
 * Service rules: prepaid, non-cross-border connections only (postpaid ones use
 * {@link deletePeerconn}); across accounts only the initiator may refund. The refund is
 * max(0, total paid - consumed x 1.5).
 *
 * @param client A client from `createClient` of `@bcekit/core`.
 * @param input The connection to refund.
 * @param options Per-call `signal`, `timeout` and `retry`.
 * @throws {BceValidationError} when the input is invalid; nothing is sent.
 * @throws {BceServiceError} when the service refuses (e.g. the connection is postpaid).
 * @example
 * await refundPeerconn(client, { peerConnId: 'peerconn-9td54fmx143e' });
 */
export async function refundPeerconn(
  client: BceClient,
  input: RefundPeerconnInput,
  options?: CallOptions,
): Promise<MetadataBearer> {
  const { $metadata } = await runOperation(
    client,
    'refundPeerconn',
    RefundPeerconnInputSchema,
    input,
    options,
    (checked) => ({
      method: 'PUT',
      path: ['v1', 'peerconn', checked.peerConnId],
      query: { refund: '', clientToken: checked.clientToken },
    }),
  );
  return { $metadata };
}
