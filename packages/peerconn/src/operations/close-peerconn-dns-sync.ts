import type { BceClient, CallOptions, MetadataBearer } from '@bcekit/core';
import { createClientToken } from '@bcekit/core';
import * as v from 'valibot';
import { runOperation } from '../internal/run-operation.ts';
import { ClientTokenSchema, PeerConnIdSchema, RoleSchema } from '../schemas/common.ts';

/** Input of {@link closePeerconnDnsSync}, checked before anything is sent. */
export const ClosePeerconnDnsSyncInputSchema = v.object({
  peerConnId: PeerConnIdSchema,
  role: RoleSchema,
  clientToken: v.optional(ClientTokenSchema, createClientToken),
});

/** What {@link closePeerconnDnsSync} accepts; `clientToken` is made for you when omitted. */
export type ClosePeerconnDnsSyncInput = v.InferInput<typeof ClosePeerconnDnsSyncInputSchema>;

/**
 * Turns off DNS sync for one end of a peer connection. Sends
 * `PUT /v1/peerconn/{peerConnId}?close&role={role}&clientToken=…` with no body.
 *
 * Service rules: only when the connection is `active` and its `dnsStatus` is neither
 * `syncing` nor `closing`. The DNS status passes through `closing` to `close`.
 *
 * @param client A client from `createClient` of `@bcekit/core`.
 * @param input The connection and the end (`initiator` or `acceptor`) you speak for.
 * @param options Per-call `signal`, `timeout` and `retry`.
 * @throws {BceValidationError} when the input is invalid; nothing is sent.
 * @throws {BceServiceError} when the service refuses (e.g. DNS sync is still `syncing`).
 * @example
 * await closePeerconnDnsSync(client, { peerConnId: 'peerconn-9td54fmx143e', role: 'acceptor' });
 */
export async function closePeerconnDnsSync(
  client: BceClient,
  input: ClosePeerconnDnsSyncInput,
  options?: CallOptions,
): Promise<MetadataBearer> {
  const { $metadata } = await runOperation(
    client,
    'closePeerconnDnsSync',
    ClosePeerconnDnsSyncInputSchema,
    input,
    options,
    (checked) => ({
      method: 'PUT',
      path: ['v1', 'peerconn', checked.peerConnId],
      query: { close: '', role: checked.role, clientToken: checked.clientToken },
    }),
  );
  return { $metadata };
}
