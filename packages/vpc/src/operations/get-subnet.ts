import type { BceClient, CallOptions, MetadataBearer } from '@bcekit/core';
import { IdSchema } from '@bcekit/core/operation';
import * as v from 'valibot';
import { runOperation } from '../internal/run-operation.ts';
import { readWrapped, type Subnet } from '../schemas/models.ts';

/** Input of {@link getSubnet}, checked before anything is sent. */
export const GetSubnetInputSchema = v.object({
  subnetId: IdSchema,
});

/** What {@link getSubnet} accepts. */
export type GetSubnetInput = v.InferInput<typeof GetSubnetInputSchema>;

/**
 * Reads one subnet. Sends `GET /v1/subnet/{subnetId}` (the id percent-encoded) and returns the `subnet` object
 * of the answer.
 *
 * @param client A client from `createClient` of `@bcekit/core`.
 * @param input The subnet's id.
 * @param options Per-call `signal`, `timeout` and `retry`.
 * @returns The subnet; fields the service adds later are kept.
 * @throws {BceValidationError} when the input is invalid (an empty id, or one with `/`); nothing is sent.
 * @throws {BceServiceError} when the service refuses (e.g. an unknown id).
 * @example
 * const subnet = await getSubnet(client, { subnetId: 'sbn-1xq7b2c3d4e5' });
 * console.log(subnet.cidr, subnet.availableIp);
 */
export async function getSubnet(
  client: BceClient,
  input: GetSubnetInput,
  options?: CallOptions,
): Promise<Subnet & MetadataBearer> {
  const output = await runOperation(client, 'getSubnet', GetSubnetInputSchema, input, options, (checked) => ({
    method: 'GET',
    path: ['v1', 'subnet', checked.subnetId],
  }));
  return readWrapped<Subnet & MetadataBearer>(output, 'subnet');
}
