import type { BceClient, CallOptions, MetadataBearer } from '@bcekit/core';
import { createClientToken } from '@bcekit/core';
import * as v from 'valibot';
import { runOperation } from '../internal/run-operation.ts';
import { ClientTokenSchema, PeerConnIdSchema } from '../schemas/common.ts';

/** Input of {@link updatePeerconnDeleteProtect}, checked before anything is sent. */
export const UpdatePeerconnDeleteProtectInputSchema = v.object({
  peerConnId: PeerConnIdSchema,
  deleteProtect: v.boolean('must be true or false'),
  clientToken: v.optional(ClientTokenSchema, createClientToken),
});

/** What {@link updatePeerconnDeleteProtect} accepts; `clientToken` is made for you when omitted. */
export type UpdatePeerconnDeleteProtectInput = v.InferInput<typeof UpdatePeerconnDeleteProtectInputSchema>;

/**
 * Turns delete protection of a peer connection on or off. Sends
 * `PUT /v1/peerconn/{peerConnId}/deleteProtect?clientToken=…` with `{ deleteProtect }`.
 *
 * Service rules: while protection is on, {@link deletePeerconn} is refused.
 *
 * @param client A client from `createClient` of `@bcekit/core`.
 * @param input The connection and the new setting.
 * @param options Per-call `signal`, `timeout` and `retry`.
 * @throws {BceValidationError} when the input is invalid; nothing is sent.
 * @throws {BceServiceError} when the service refuses.
 * @example
 * await updatePeerconnDeleteProtect(client, { peerConnId: 'peerconn-9td54fmx143e', deleteProtect: false });
 */
export async function updatePeerconnDeleteProtect(
  client: BceClient,
  input: UpdatePeerconnDeleteProtectInput,
  options?: CallOptions,
): Promise<MetadataBearer> {
  const { $metadata } = await runOperation(
    client,
    'updatePeerconnDeleteProtect',
    UpdatePeerconnDeleteProtectInputSchema,
    input,
    options,
    (checked) => ({
      method: 'PUT',
      path: ['v1', 'peerconn', checked.peerConnId, 'deleteProtect'],
      query: { clientToken: checked.clientToken },
      body: { deleteProtect: checked.deleteProtect },
    }),
  );
  return { $metadata };
}
