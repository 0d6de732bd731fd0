import type { BceClient, CallOptions } from '@bcekit/core';
import { type Pages, paginate } from '@bcekit/core/operation';
import { parseInput } from './internal/run-operation.ts';
import { type ListSubnetsInput, ListSubnetsInputSchema, listSubnets } from './operations/list-subnets.ts';
import type { ListSubnetsOutput, Subnet } from './schemas/models.ts';

/** Input of {@link paginateSubnets}, checked when iteration starts: the same as {@link listSubnets}'s. */
export const PaginateSubnetsInputSchema = ListSubnetsInputSchema;

/** What {@link paginateSubnets} accepts: the filters of {@link listSubnets}, a page size and where to start. */
export type PaginateSubnetsInput = ListSubnetsInput;

/** The pages of {@link paginateSubnets} (`for await (const page of pages)`), with `.items()` for the subnets. */
export type SubnetsPages = Pages<ListSubnetsOutput, Subnet>;

/**
 * Walks every page of {@link listSubnets}, requesting the next page with `marker = nextMarker` while
 * `isTruncated` is true. Nothing is requested until you iterate; each iteration starts from `input.marker`. Should the
 * service repeat a marker, iteration stops with a `BceError` instead of looping forever.
 *
 * @param client A client from `createClient` of `@bcekit/core`.
 * @param input The filters of {@link listSubnets}, a page size `maxKeys` and a starting `marker`.
 * @param options Per-call `signal` (checked before every page), `timeout`, `retry`.
 * @returns An async iterable of pages; `.items()` iterates the subnets themselves.
 * @throws {BceValidationError} on the first iteration when the input is invalid; nothing is sent.
 * @example
 * for await (const subnet of paginateSubnets(client, { vpcId: 'vpc-a8n5p6qwxrmq' }).items()) console.log(subnet.cidr);
 */
export function paginateSubnets(
  client: BceClient,
  input: PaginateSubnetsInput = {},
  options?: CallOptions,
): SubnetsPages {
  return paginate('paginateSubnets', options, () => {
    const checked = parseInput('paginateSubnets', PaginateSubnetsInputSchema, input);
    return {
      marker: checked.marker,
      fetchPage: (marker) => listSubnets(client, { ...checked, marker }, options),
      itemsOf: (page: ListSubnetsOutput) => page.subnets,
    };
  });
}
