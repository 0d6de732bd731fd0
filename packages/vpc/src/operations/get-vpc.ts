import type { BceClient, CallOptions, MetadataBearer } from '@bcekit/core';
import { IdSchema } from '@bcekit/core/operation';
import * as v from 'valibot';
import { runOperation } from '../internal/run-operation.ts';
import { readWrapped, type VpcDetail } from '../schemas/models.ts';

/** Input of {@link getVpc}, checked before anything is sent. */
export const GetVpcInputSchema = v.object({
  vpcId: IdSchema,
});

/** What {@link getVpc} accepts. */
export type GetVpcInput = v.InferInput<typeof GetVpcInputSchema>;

/**
 * Reads one VPC with its subnets. Sends `GET /v1/vpc/{vpcId}` (the id percent-encoded) and returns the `vpc`
 * object of the answer.
 *
 * @param client A client from `createClient` of `@bcekit/core`.
 * @param input The VPC's id.
 * @param options Per-call `signal`, `timeout` and `retry`.
 * @returns The VPC, its `subnets` included; fields the service adds later are kept.
 * @throws {BceValidationError} when the input is invalid (an empty id, or one with `/`); nothing is sent.
 * @throws {BceServiceError} when the service refuses (e.g. an unknown id).
 * @example
 * const vpc = await getVpc(client, { vpcId: 'vpc-a8n5p6qwxrmq' });
 * console.log(vpc.cidr, vpc.subnets.map((subnet) => subnet.cidr));
 */
export async function getVpc(
  client: BceClient,
  input: GetVpcInput,
  options?: CallOptions,
): Promise<VpcDetail & MetadataBearer> {
  const output = await runOperation(client, 'getVpc', GetVpcInputSchema, input, options, (checked) => ({
    method: 'GET',
    path: ['v1', 'vpc', checked.vpcId],
  }));
  return readWrapped<VpcDetail & MetadataBearer>(output, 'vpc', 'subnets');
}
