import type { BceClient, CallOptions } from '@bcekit/core';
import { BceError, createClientToken } from '@bcekit/core';
import * as v from 'valibot';
import { runOperation } from '../internal/run-operation.ts';
import { CreateBillingSchema } from '../schemas/billing.ts';
import { BandwidthSchema, ClientTokenSchema, IdSchema, RegionCodeSchema, TextSchema } from '../schemas/common.ts';
import type { CreatePeerconnOutput } from '../schemas/peerconn.ts';
import { TagsSchema } from '../schemas/tags.ts';

/** Input of {@link createPeerconn}, checked before anything is sent. */
export const CreatePeerconnInputSchema = v.object({
  bandwidthInMbps: BandwidthSchema,
  localVpcId: IdSchema,
  peerVpcId: IdSchema,
  peerRegion: RegionCodeSchema,
  description: v.optional(TextSchema),
  localIfName: v.optional(TextSchema),
  peerAccountId: v.optional(TextSchema),
  peerIfName: v.optional(TextSchema),
  billing: CreateBillingSchema,
  tags: v.optional(TagsSchema),
  resourceGroupId: v.optional(TextSchema),
  deleteProtect: v.optional(v.boolean('must be true or false'), false),
  clientToken: v.optional(ClientTokenSchema, createClientToken),
});

/**
 * What {@link createPeerconn} accepts. `billing` defaults to `Postpaid` with a 1 Month reservation and
 * `deleteProtect` to `false` (both sent, as the Python SDK does); `clientToken` is made for you when omitted.
 */
export type CreatePeerconnInput = v.InferInput<typeof CreatePeerconnInputSchema>;

/**
 * Creates a peer connection between `localVpcId` (in the client's region) and `peerVpcId` in `peerRegion`.
 * Sends `POST /v1/peerconn?clientToken=…` with the input (minus `clientToken`) as the JSON body.
 *
 * Service rules: same-account connections are accepted at once; cross-account ones (with
 * `peerAccountId`) wait in `consulting` until the other account accepts (see {@link waitForPeerconn}).
 * Same-region connections are postpaid only. One connection per VPC pair; local and peer VPC must
 * differ. `peerIfName` is allowed for same-account connections only.
 *
 * @param client A client from `createClient` of `@bcekit/core`.
 * @param input The connection to create.
 * @param options Per-call `signal`, `timeout` and `retry`.
 * @returns The id of the new connection.
 * @throws {BceValidationError} when the input is invalid; nothing is sent.
 * @throws {BceServiceError} when the service refuses (e.g. a second connection for the same VPC pair).
 * @throws {BceError} when the service answers without a `peerConnId`.
 * @example
 * const { peerConnId } = await createPeerconn(client, {
 *   bandwidthInMbps: 10,
 *   localVpcId: 'vpc-a8n5p6qwxrmq',
 *   peerVpcId: 'vpc-ke3h0jajbkdz',
 *   peerRegion: 'bj',
 * });
 */
export async function createPeerconn(
  client: BceClient,
  input: CreatePeerconnInput,
  options?: CallOptions,
): Promise<CreatePeerconnOutput> {
  let sentToken: string | undefined;
  const output = await runOperation(
    client,
    'createPeerconn',
    CreatePeerconnInputSchema,
    input,
    options,
    ({ clientToken, ...body }) => {
      sentToken = clientToken;
      return { method: 'POST', path: ['v1', 'peerconn'], query: { clientToken }, body };
    },
  );
  const peerConnId = (output as { peerConnId?: unknown } | undefined)?.peerConnId;
  // Without an id the caller could neither use nor clean up the connection: say so rather than return undefined.
  if (typeof peerConnId !== 'string' || peerConnId === '') {
    throw new BceError(
      'createPeerconn: the service answered without a peerConnId; list the VPC to find the connection',
      // The create may have happened: the token lets the caller retry it safely.
      { operation: 'createPeerconn', clientToken: sentToken },
    );
  }
  // A fresh object (runOperation's), already holding the id.
  return output as unknown as CreatePeerconnOutput;
}
