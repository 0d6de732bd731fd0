import type { BceClient, CallOptions, MetadataBearer } from '@bcekit/core';
import { createClientToken } from '@bcekit/core';
import * as v from 'valibot';
import { runOperation } from '../internal/run-operation.ts';
import { ClientTokenSchema, PeerConnIdSchema } from '../schemas/common.ts';

/** Input of {@link deletePeerconn}, checked before anything is sent. */
export const DeletePeerconnInputSchema = v.object({
  peerConnId: PeerConnIdSchema,
  clientToken: v.optional(ClientTokenSchema, createClientToken),
});

/** What {@link deletePeerconn} accepts; `clientToken` is made for you when omitted. */
export type DeletePeerconnInput = v.InferInput<typeof DeletePeerconnInputSchema>;

/**
 * Releases (deletes) a peer connection. Sends `DELETE /v1/peerconn/{peerConnId}?clientToken=…`.
 *
 * Service rules: across accounts only the initiator may release. A prepaid connection that is
 * active and not expired cannot be released (use {@link refundPeerconn}); one in `consult_failed` can.
 * Delete protection blocks release: turn it off first with {@link updatePeerconnDeleteProtect}.
 *
 * @param client A client from `createClient` of `@bcekit/core`.
 * @param input The connection to release.
 * @param options Per-call `signal`, `timeout` and `retry`.
 * @throws {BceValidationError} when the input is invalid; nothing is sent.
 * @throws {BceServiceError} when the service refuses (e.g. delete protection is on).
 * @example
 * await deletePeerconn(client, { peerConnId: 'peerconn-9td54fmx143e' });
 */
export async function deletePeerconn(
  client: BceClient,
  input: DeletePeerconnInput,
  options?: CallOptions,
): Promise<MetadataBearer> {
  const { $metadata } = await runOperation(
    client,
    'deletePeerconn',
    DeletePeerconnInputSchema,
    input,
    options,
    (checked) => ({
      method: 'DELETE',
      path: ['v1', 'peerconn', checked.peerConnId],
      query: { clientToken: checked.clientToken },
    }),
  );
  return { $metadata };
}
