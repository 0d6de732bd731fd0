import type { BceClient, CallOptions, MetadataBearer } from '@bcekit/core';
import { createClientToken } from '@bcekit/core';
import { ClientTokenSchema, IdSchema } from '@bcekit/core/operation';
import * as v from 'valibot';
import { runOperation } from '../internal/run-operation.ts';
import { CidrSchema, DescriptionSchema, NexthopTypeSchema } from '../schemas/common.ts';

const CHANGES = ['sourceAddress', 'destinationAddress', 'nexthopType', 'nexthopId', 'description'] as const;

const UpdateRouteRuleEntriesSchema = v.object({
  routeRuleId: IdSchema,
  sourceAddress: v.optional(CidrSchema),
  destinationAddress: v.optional(CidrSchema),
  nexthopType: v.optional(NexthopTypeSchema),
  nexthopId: v.optional(IdSchema),
  description: v.optional(DescriptionSchema),
  clientToken: v.optional(ClientTokenSchema, createClientToken),
});

/** Input of {@link updateRouteRule}, checked before anything is sent: at least one field to change. */
export const UpdateRouteRuleInputSchema = v.pipe(
  UpdateRouteRuleEntriesSchema,
  v.check(
    (input) => CHANGES.some((field) => input[field] !== undefined),
    `nothing to change: give at least one of ${CHANGES.join(', ')}`,
  ),
);

/** What {@link updateRouteRule} accepts: the rule and at least one field to change; `clientToken` is made when omitted. */
export type UpdateRouteRuleInput = v.InferInput<typeof UpdateRouteRuleEntriesSchema>;

/**
 * Changes a single-path route rule. Sends `PUT /v1/route/rule/{routeRuleId}?clientToken=…` with only the fields
 * given in the body (a field left out is left as it is).
 *
 * Service rules: only single-path rules can be updated, and system (`sys`) rules not at all; the source and
 * destination follow the rules of {@link createRouteRule}.
 *
 * @param client A client from `createClient` of `@bcekit/core`.
 * @param input The rule and the fields to change.
 * @param options Per-call `signal`, `timeout` and `retry`.
 * @throws {BceValidationError} when the input is invalid (e.g. nothing to change); nothing is sent.
 * @throws {BceServiceError} when the service refuses (e.g. an unknown rule).
 * @example
 * await updateRouteRule(client, { routeRuleId: 'rr-m2cq8vbf5n1k', nexthopId: 'qpif-8v3k1m0s9d2f' });
 */
export async function updateRouteRule(
  client: BceClient,
  input: UpdateRouteRuleInput,
  options?: CallOptions,
): Promise<MetadataBearer> {
  const { $metadata } = await runOperation(
    client,
    'updateRouteRule',
    UpdateRouteRuleInputSchema,
    input,
    options,
    ({ routeRuleId, clientToken, ...body }) => ({
      method: 'PUT',
      path: ['v1', 'route', 'rule', routeRuleId],
      query: { clientToken },
      body,
    }),
  );
  return { $metadata };
}
