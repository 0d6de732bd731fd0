import type { BceClient, CallOptions, MetadataBearer } from '@bcekit/core';
import * as v from 'valibot';
import { runOperation } from '../internal/run-operation.ts';
import { oneTableId, type TableId, tableIdEntries } from '../schemas/common.ts';
import { type RouteTable, readWrapped } from '../schemas/models.ts';

/** Input of {@link getRouteTable}, checked before anything is sent: exactly one of `vpcId` and `routeTableId`. */
export const GetRouteTableInputSchema = v.pipe(v.object(tableIdEntries), ...oneTableId<TableIdsOutput>());

type TableIdsOutput = v.InferOutput<v.ObjectSchema<typeof tableIdEntries, undefined>>;

/** What {@link getRouteTable} accepts: `{ vpcId }` (that VPC's default table) or `{ routeTableId }`. */
export type GetRouteTableInput = TableId;

/**
 * Reads a route table with every rule in it, system rules included (no paging). Sends `GET /v1/route` with the one
 * id given: `?vpcId=` reads the VPC's default table, whose `routeTableId` is what {@link createRouteRule} needs.
 *
 * @param client A client from `createClient` of `@bcekit/core`.
 * @param input `{ vpcId }` or `{ routeTableId }`, not both.
 * @param options Per-call `signal`, `timeout` and `retry`.
 * @returns The table: `{ routeTableId, vpcId, name?, routeRules }`.
 * @throws {BceValidationError} when the input is invalid (neither or both ids); nothing is sent.
 * @throws {BceServiceError} when the service refuses (e.g. an unknown VPC).
 * @example
 * const { routeTableId, routeRules } = await getRouteTable(client, { vpcId: 'vpc-a8n5p6qwxrmq' });
 */
export async function getRouteTable(
  client: BceClient,
  input: GetRouteTableInput,
  options?: CallOptions,
): Promise<RouteTable & MetadataBearer> {
  const output = await runOperation(client, 'getRouteTable', GetRouteTableInputSchema, input, options, (checked) => ({
    method: 'GET',
    path: ['v1', 'route'],
    query: { vpcId: checked.vpcId, routeTableId: checked.routeTableId },
  }));
  return readWrapped<RouteTable & MetadataBearer>({ table: output }, 'table', 'routeRules');
}
