import type { BceClient, CallOptions } from '@bcekit/core';
import { type Pages, paginate } from '@bcekit/core/operation';
import { parseInput } from './internal/run-operation.ts';
import { type ListVpcsInput, ListVpcsInputSchema, listVpcs } from './operations/list-vpcs.ts';
import type { ListVpcsOutput, Vpc } from './schemas/models.ts';

/** Input of {@link paginateVpcs}, checked when iteration starts: the same as {@link listVpcs}'s. */
export const PaginateVpcsInputSchema = ListVpcsInputSchema;

/** What {@link paginateVpcs} accepts: the filters of {@link listVpcs}, a page size and where to start. */
export type PaginateVpcsInput = ListVpcsInput;

/** The pages of {@link paginateVpcs} (`for await (const page of pages)`), with `.items()` for the VPCs. */
export type VpcsPages = Pages<ListVpcsOutput, Vpc>;

/**
 * Walks every page of {@link listVpcs}: requests the next page with `marker = nextMarker` while `isTruncated` is
 * true. Nothing is requested until you iterate; each iteration starts from `input.marker` (default: the beginning).
 * Should the service repeat a marker, iteration stops with a `BceError` instead of looping forever.
 *
 * @param client A client from `createClient` of `@bcekit/core`.
 * @param input The filters of {@link listVpcs}, a page size `maxKeys` and a starting `marker`.
 * @param options Per-call `signal` (checked before every page), `timeout`, `retry`.
 * @returns An async iterable of pages; `.items()` iterates the VPCs themselves.
 * @throws {BceValidationError} on the first iteration when the input is invalid; nothing is sent.
 * @example
 * for await (const vpc of paginateVpcs(client).items()) console.log(vpc.vpcId, vpc.cidr);
 */
export function paginateVpcs(client: BceClient, input: PaginateVpcsInput = {}, options?: CallOptions): VpcsPages {
  return paginate('paginateVpcs', options, () => {
    const checked = parseInput('paginateVpcs', PaginateVpcsInputSchema, input);
    return {
      marker: checked.marker,
      fetchPage: (marker) => listVpcs(client, { ...checked, marker }, options),
      itemsOf: (page: ListVpcsOutput) => page.vpcs,
    };
  });
}
