import type { BceClient, CallOptions } from '@bcekit/core';
import { MarkerSchema, MaxKeysSchema } from '@bcekit/core/operation';
import * as v from 'valibot';
import { runOperation } from '../internal/run-operation.ts';
import { IdListSchema } from '../schemas/common.ts';
import { type ListVpcsOutput, readPage } from '../schemas/models.ts';

/** Input of {@link listVpcs}, checked before anything is sent. */
export const ListVpcsInputSchema = v.object({
  marker: v.optional(MarkerSchema),
  maxKeys: v.optional(MaxKeysSchema),
  isDefault: v.optional(v.boolean('must be true or false')),
  vpcIds: v.optional(IdListSchema),
});

/** What {@link listVpcs} accepts; every field is optional. */
export type ListVpcsInput = v.InferInput<typeof ListVpcsInputSchema>;

/**
 * Lists one page of the VPCs in the client's region. Sends `GET /v1/vpc` with `marker`, `maxKeys`, `isDefault`
 * (`true`/`false`) and `vpcIds` (comma-joined) only when given; an empty `marker` means the first page.
 *
 * Service rules: `maxKeys` is 1 to 1000 (default 1000); when `isTruncated` is `true`, pass `nextMarker` as
 * `marker` to read the next page, or let {@link paginateVpcs} do it.
 *
 * @param client A client from `createClient` of `@bcekit/core`.
 * @param input Filters and page position.
 * @param options Per-call `signal`, `timeout` and `retry`.
 * @returns One page: `{ vpcs, marker, isTruncated, nextMarker?, maxKeys }`.
 * @throws {BceValidationError} when the input is invalid; nothing is sent.
 * @throws {BceServiceError} when the service refuses.
 * @example
 * const page = await listVpcs(client, { vpcIds: ['vpc-a8n5p6qwxrmq', 'vpc-ke3h0jajbkdz'] });
 * for (const vpc of page.vpcs) console.log(vpc.vpcId, vpc.cidr);
 */
export async function listVpcs(
  client: BceClient,
  input: ListVpcsInput = {},
  options?: CallOptions,
): Promise<ListVpcsOutput> {
  const output = await runOperation(client, 'listVpcs', ListVpcsInputSchema, input, options, (checked) => ({
    method: 'GET',
    path: ['v1', 'vpc'],
    query: {
      marker: checked.marker || undefined,
      maxKeys: checked.maxKeys,
      isDefault: checked.isDefault,
      vpcIds: checked.vpcIds?.join(','),
    },
  }));
  return readPage<ListVpcsOutput>(output, 'vpcs');
}
