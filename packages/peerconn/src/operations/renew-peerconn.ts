import type { BceClient, CallOptions, MetadataBearer } from '@bcekit/core';
import { createClientToken } from '@bcekit/core';
import * as v from 'valibot';
import { runOperation } from '../internal/run-operation.ts';
import { RenewBillingSchema } from '../schemas/billing.ts';
import { ClientTokenSchema, PeerConnIdSchema } from '../schemas/common.ts';

/** Input of {@link renewPeerconn}, checked before anything is sent. */
export const RenewPeerconnInputSchema = v.object({
  peerConnId: PeerConnIdSchema,
  billing: RenewBillingSchema,
  clientToken: v.optional(ClientTokenSchema, createClientToken),
});

/**
 * What {@link renewPeerconn} accepts. `billing` defaults to a 1 Month reservation, as the Python SDK
 * sends; `clientToken` is made for you when omitted.
 */
export type RenewPeerconnInput = v.InferInput<typeof RenewPeerconnInputSchema>;

/**
 * Renews a prepaid peer connection (Python: `purchase_reserved_peerconn`). Sends
 * `PUT /v1/peerconn/{peerConnId}?purchaseReserved&clientToken=…` with `{ billing }`.
 *
 * Service rules: postpaid connections cannot be renewed; across accounts only the initiator
 * may renew. Reservation lengths are 1-9, 12, 24 or 36 months.
 *
 * @param client A client from `createClient` of `@bcekit/core`.
 * @param input The connection and, optionally, the reservation to buy (default 1 Month).
 * @param options Per-call `signal`, `timeout` and `retry`.
 * @throws {BceValidationError} when the input is invalid; nothing is sent.
 * @throws {BceServiceError} when the service refuses (e.g. the connection is postpaid).
 * @example
 * await renewPeerconn(client, {
 *   peerConnId: 'peerconn-9td54fmx143e',
 *   billing: { reservation: { reservationLength: 12, reservationTimeUnit: 'Month' } },
 * });
 */
export async function renewPeerconn(
  client: BceClient,
  input: RenewPeerconnInput,
  options?: CallOptions,
): Promise<MetadataBearer> {
  const { $metadata } = await runOperation(
    client,
    'renewPeerconn',
    RenewPeerconnInputSchema,
    input,
    options,
    (checked) => ({
      method: 'PUT',
      path: ['v1', 'peerconn', checked.peerConnId],
      query: { purchaseReserved: '', clientToken: checked.clientToken },
      body: { billing: checked.billing },
    }),
  );
  return { $metadata };
}
