import type { BceClient, CallOptions, MetadataBearer } from '@bcekit/core';
import { createClientToken } from '@bcekit/core';
import * as v from 'valibot';
import { runOperation } from '../internal/run-operation.ts';
import { ClientTokenSchema, IdSchema, PeerConnIdSchema, TextSchema } from '../schemas/common.ts';

/** Input of {@link updatePeerconn}, checked before anything is sent. */
export const UpdatePeerconnInputSchema = v.object({
  peerConnId: PeerConnIdSchema,
  localIfId: IdSchema,
  description: v.optional(TextSchema),
  localIfName: v.optional(TextSchema),
  clientToken: v.optional(ClientTokenSchema, createClientToken),
});

/** What {@link updatePeerconn} accepts; `clientToken` is made for you when omitted. */
export type UpdatePeerconnInput = v.InferInput<typeof UpdatePeerconnInputSchema>;

/**
 * Renames the local interface of a peer connection and/or changes its description. Sends
 * `PUT /v1/peerconn/{peerConnId}?clientToken=…` with `{ localIfId, description?, localIfName? }`.
 *
 * Service rules: `localIfId` (the `qpif-…` id from {@link getPeerconn}) is required and
 * identifies the interface; it cannot be changed. Fields you omit are left as they are.
 *
 * @param client A client from `createClient` of `@bcekit/core`.
 * @param input The connection, its local interface, and what to change.
 * @param options Per-call `signal`, `timeout` and `retry`.
 * @throws {BceValidationError} when the input is invalid; nothing is sent.
 * @throws {BceServiceError} when the service refuses.
 * @example
 * const { localIfId } = await getPeerconn(client, { peerConnId: 'peerconn-9td54fmx143e' });
 * await updatePeerconn(client, { peerConnId: 'peerconn-9td54fmx143e', localIfId, description: 'to staging' });
 */
export async function updatePeerconn(
  client: BceClient,
  input: UpdatePeerconnInput,
  options?: CallOptions,
): Promise<MetadataBearer> {
  const { $metadata } = await runOperation(
    client,
    'updatePeerconn',
    UpdatePeerconnInputSchema,
    input,
    options,
    ({ peerConnId, clientToken, ...body }) => ({
      method: 'PUT',
      path: ['v1', 'peerconn', peerConnId],
      query: { clientToken },
      body,
    }),
  );
  return { $metadata };
}
