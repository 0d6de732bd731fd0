import type { BceClient, CallOptions, MetadataBearer } from '@bcekit/core';
import { createClientToken } from '@bcekit/core';
import * as v from 'valibot';
import { runOperation } from '../internal/run-operation.ts';
import { BandwidthSchema, ClientTokenSchema, PeerConnIdSchema } from '../schemas/common.ts';

/** Input of {@link resizePeerconn}, checked before anything is sent. */
export const ResizePeerconnInputSchema = v.object({
  peerConnId: PeerConnIdSchema,
  newBandwidthInMbps: BandwidthSchema,
  clientToken: v.optional(ClientTokenSchema, createClientToken),
});

/** What {@link resizePeerconn} accepts; `clientToken` is made for you when omitted. */
export type ResizePeerconnInput = v.InferInput<typeof ResizePeerconnInputSchema>;

/**
 * Changes the bandwidth of a peer connection. Sends `PUT /v1/peerconn/{peerConnId}?resize&clientToken=…`
 * with `{ newBandwidthInMbps }`.
 *
 * Service rules: prepaid connections can only grow; postpaid ones grow or shrink. Across
 * accounts only the initiator may resize. The connection shows `updating` until the change is done.
 *
 * @param client A client from `createClient` of `@bcekit/core`.
 * @param input The connection and its new bandwidth (an integer >= 1).
 * @param options Per-call `signal`, `timeout` and `retry`.
 * @throws {BceValidationError} when the input is invalid; nothing is sent.
 * @throws {BceServiceError} when the service refuses (e.g. shrinking a prepaid connection).
 * @example
 * await resizePeerconn(client, { peerConnId: 'peerconn-9td54fmx143e', newBandwidthInMbps: 20 });
 */
export async function resizePeerconn(
  client: BceClient,
  input: ResizePeerconnInput,
  options?: CallOptions,
): Promise<MetadataBearer> {
  const { $metadata } = await runOperation(
    client,
    'resizePeerconn',
    ResizePeerconnInputSchema,
    input,
    options,
    (checked) => ({
      method: 'PUT',
      path: ['v1', 'peerconn', checked.peerConnId],
      query: { resize: '', clientToken: checked.clientToken },
      body: { newBandwidthInMbps: checked.newBandwidthInMbps },
    }),
  );
  return { $metadata };
}
