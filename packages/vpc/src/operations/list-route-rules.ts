import type { BceClient, CallOptions } from '@bcekit/core';
import { MarkerSchema, MaxKeysSchema } from '@bcekit/core/operation';
import * as v from 'valibot';
import { runOperation } from '../internal/run-operation.ts';
import { oneTableId, type TableId, tableIdEntries } from '../schemas/common.ts';
import { type ListRouteRulesOutput, readPage } from '../schemas/models.ts';

const ListRouteRulesEntriesSchema = v.object({
  ...tableIdEntries,
  marker: v.optional(MarkerSchema),
  maxKeys: v.optional(MaxKeysSchema),
});

/** Input of {@link listRouteRules}, checked before anything is sent: exactly one of `vpcId` and `routeTableId`. */
export const ListRouteRulesInputSchema = v.pipe(
  ListRouteRulesEntriesSchema,
  ...oneTableId<v.InferOutput<typeof ListRouteRulesEntriesSchema>>(),
);

/** What {@link listRouteRules} accepts: `{ vpcId }` or `{ routeTableId }`, with an optional page position. */
export type ListRouteRulesInput = TableId & { marker?: string; maxKeys?: number };

/**
 * Lists one page of the rules of a route table. Sends `GET /v1/route/rule` with the one table id given, and
 * `marker`/`maxKeys` only when given.
 *
 * Service rules: `maxKeys` is 1 to 1000 (default 1000); when `isTruncated` is `true`, pass `nextMarker` as
 * `marker` to read the next page, or let {@link paginateRouteRules} do it.
 *
 * @param client A client from `createClient` of `@bcekit/core`.
 * @param input `{ vpcId }` or `{ routeTableId }`, not both, and the page position.
 * @param options Per-call `signal`, `timeout` and `retry`.
 * @returns One page: `{ routeRules, marker, isTruncated, nextMarker?, maxKeys }`.
 * @throws {BceValidationError} when the input is invalid (neither or both ids); nothing is sent.
 * @throws {BceServiceError} when the service refuses.
 * @example
 * const { routeRules } = await listRouteRules(client, { routeTableId: 'rt-4fa7kd9qm1xs' });
 */
export async function listRouteRules(
  client: BceClient,
  input: ListRouteRulesInput,
  options?: CallOptions,
): Promise<ListRouteRulesOutput> {
  const output = await runOperation(client, 'listRouteRules', ListRouteRulesInputSchema, input, options, (checked) => ({
    method: 'GET',
    path: ['v1', 'route', 'rule'],
    query: {
      routeTableId: checked.routeTableId,
      vpcId: checked.vpcId,
      marker: checked.marker || undefined,
      maxKeys: checked.maxKeys,
    },
  }));
  return readPage<ListRouteRulesOutput>(output, 'routeRules');
}
