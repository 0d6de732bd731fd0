import type { BceClient, CallOptions, MetadataBearer } from '@bcekit/core';
import { createClientToken } from '@bcekit/core';
import * as v from 'valibot';
import { runOperation } from '../internal/run-operation.ts';
import { ClientTokenSchema, PeerConnIdSchema, RoleSchema } from '../schemas/common.ts';

/** Input of {@link openPeerconnDnsSync}, checked before anything is sent. */
export const OpenPeerconnDnsSyncInputSchema = v.object({
  peerConnId: PeerConnIdSchema,
  role: RoleSchema,
  clientToken: v.optional(ClientTokenSchema, createClientToken),
});

/** What {@link openPeerconnDnsSync} accepts; `clientToken` is made for you when omitted. */
export type OpenPeerconnDnsSyncInput = v.InferInput<typeof OpenPeerconnDnsSyncInputSchema>;

/**
 * Turns on DNS sync for one end of a peer connection, so that its VPC resolves the other side's private
 * zones. Sends `PUT /v1/peerconn/{peerConnId}?open&role={role}&clientToken=…` with no body.
 *
 * Service rules: only when the connection is `active` and its `dnsStatus` is neither `syncing`
 * nor `closing`. The DNS status passes through `syncing` to `open`; wait with
 * `waitForPeerconn(client, { peerConnId, until: { dnsStatus: 'open' }, … })`.
 *
 * @param client A client from `createClient` of `@bcekit/core`.
 * @param input The connection and the end (`initiator` or `acceptor`) you speak for.
 * @param options Per-call `signal`, `timeout` and `retry`.
 * @throws {BceValidationError} when the input is invalid; nothing is sent.
 * @throws {BceServiceError} when the service refuses (e.g. the connection is not active).
 * @example
 * await openPeerconnDnsSync(client, { peerConnId: 'peerconn-9td54fmx143e', role: 'initiator' });
 */
export async function openPeerconnDnsSync(
  client: BceClient,
  input: OpenPeerconnDnsSyncInput,
  options?: CallOptions,
): Promise<MetadataBearer> {
  const { $metadata } = await runOperation(
    client,
    'openPeerconnDnsSync',
    OpenPeerconnDnsSyncInputSchema,
    input,
    options,
    (checked) => ({
      method: 'PUT',
      path: ['v1', 'peerconn', checked.peerConnId],
      query: { open: '', role: checked.role, clientToken: checked.clientToken },
    }),
  );
  return { $metadata };
}
