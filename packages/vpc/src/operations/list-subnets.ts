import type { BceClient, CallOptions } from '@bcekit/core';
import { IdSchema, MarkerSchema, MaxKeysSchema } from '@bcekit/core/operation';
import * as v from 'valibot';
import { runOperation } from '../internal/run-operation.ts';
import { FilterSchema, IdListSchema } from '../schemas/common.ts';
import { type ListSubnetsOutput, readPage } from '../schemas/models.ts';

/** Input of {@link listSubnets}, checked before anything is sent. */
export const ListSubnetsInputSchema = v.object({
  vpcId: v.optional(IdSchema),
  zoneName: v.optional(FilterSchema),
  subnetType: v.optional(FilterSchema),
  subnetIds: v.optional(IdListSchema),
  marker: v.optional(MarkerSchema),
  maxKeys: v.optional(MaxKeysSchema),
});

/** What {@link listSubnets} accepts; every field is optional. */
export type ListSubnetsInput = v.InferInput<typeof ListSubnetsInputSchema>;

/**
 * Lists one page of the subnets in the client's region. Sends `GET /v1/subnet` with `vpcId`, `zoneName`,
 * `subnetType` (`BCC`, `BCC_NAT`, `BBC`), `subnetIds` (comma-joined), `marker` and `maxKeys` only when given.
 *
 * Service rules: `maxKeys` is 1 to 1000 (default 1000); when `isTruncated` is `true`, pass `nextMarker` as
 * `marker` to read the next page, or let {@link paginateSubnets} do it.
 *
 * @param client A client from `createClient` of `@bcekit/core`.
 * @param input Filters and page position.
 * @param options Per-call `signal`, `timeout` and `retry`.
 * @returns One page: `{ subnets, marker, isTruncated, nextMarker?, maxKeys }`.
 * @throws {BceValidationError} when the input is invalid; nothing is sent.
 * @throws {BceServiceError} when the service refuses.
 * @example
 * const { subnets } = await listSubnets(client, { vpcId: 'vpc-a8n5p6qwxrmq', zoneName: 'cn-bj-d' });
 */
export async function listSubnets(
  client: BceClient,
  input: ListSubnetsInput = {},
  options?: CallOptions,
): Promise<ListSubnetsOutput> {
  const output = await runOperation(client, 'listSubnets', ListSubnetsInputSchema, input, options, (checked) => ({
    method: 'GET',
    path: ['v1', 'subnet'],
    query: {
      vpcId: checked.vpcId,
      zoneName: checked.zoneName,
      subnetType: checked.subnetType,
      subnetIds: checked.subnetIds?.join(','),
      marker: checked.marker || undefined,
      maxKeys: checked.maxKeys,
    },
  }));
  return readPage<ListSubnetsOutput>(output, 'subnets');
}
