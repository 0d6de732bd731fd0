import type { BceClient, CallOptions } from '@bcekit/core';
import { type Pages, paginate } from '@bcekit/core/operation';
import { parseInput } from './internal/run-operation.ts';
import { type ListRouteRulesInput, ListRouteRulesInputSchema, listRouteRules } from './operations/list-route-rules.ts';
import type { ListRouteRulesOutput, RouteRule } from './schemas/models.ts';

/** Input of {@link paginateRouteRules}, checked when iteration starts: the same as {@link listRouteRules}'s. */
export const PaginateRouteRulesInputSchema = ListRouteRulesInputSchema;

/** What {@link paginateRouteRules} accepts: the filters of {@link listRouteRules}, a page size and where to start. */
export type PaginateRouteRulesInput = ListRouteRulesInput;

/** The pages of {@link paginateRouteRules} (`for await (const page of pages)`), with `.items()` for the rules. */
export type RouteRulesPages = Pages<ListRouteRulesOutput, RouteRule>;

/**
 * Walks every page of {@link listRouteRules}, requesting the next page with `marker = nextMarker` while
 * `isTruncated` is true. Nothing is requested until you iterate; each iteration starts from `input.marker`. Should the
 * service repeat a marker, iteration stops with a `BceError` instead of looping forever.
 *
 * @param client A client from `createClient` of `@bcekit/core`.
 * @param input `{ vpcId }` or `{ routeTableId }`, not both, with a page size `maxKeys` and a starting `marker`.
 * @param options Per-call `signal` (checked before every page), `timeout`, `retry`.
 * @returns An async iterable of pages; `.items()` iterates the rules themselves.
 * @throws {BceValidationError} on the first iteration when the input is invalid; nothing is sent.
 * @example
 * for await (const rule of paginateRouteRules(client, { vpcId: 'vpc-a8n5p6qwxrmq' }).items()) console.log(rule.nexthopId);
 */
export function paginateRouteRules(
  client: BceClient,
  input: PaginateRouteRulesInput,
  options?: CallOptions,
): RouteRulesPages {
  return paginate('paginateRouteRules', options, () => {
    const checked = parseInput('paginateRouteRules', PaginateRouteRulesInputSchema, input);
    return {
      marker: checked.marker,
      fetchPage: (marker) => listRouteRules(client, { ...checked, marker } as ListRouteRulesInput, options),
      itemsOf: (page: ListRouteRulesOutput) => page.routeRules,
    };
  });
}
