import type { BceClient, CallOptions, MetadataBearer } from '@bcekit/core';
import { createClientToken } from '@bcekit/core';
import { ClientTokenSchema, IdSchema } from '@bcekit/core/operation';
import * as v from 'valibot';
import { runOperation } from '../internal/run-operation.ts';

/** Input of {@link deleteRouteRule}, checked before anything is sent. */
export const DeleteRouteRuleInputSchema = v.object({
  routeRuleId: IdSchema,
  clientToken: v.optional(ClientTokenSchema, createClientToken),
});

/** What {@link deleteRouteRule} accepts; `clientToken` is made for you when omitted. */
export type DeleteRouteRuleInput = v.InferInput<typeof DeleteRouteRuleInputSchema>;

/**
 * Deletes a route rule. Sends `DELETE /v1/route/rule/{routeRuleId}?clientToken=…`.
 *
 * Service rules: system (`sys`) rules, which have an empty id, cannot be deleted.
 *
 * @param client A client from `createClient` of `@bcekit/core`.
 * @param input The rule to delete.
 * @param options Per-call `signal`, `timeout` and `retry`.
 * @throws {BceValidationError} when the input is invalid (an empty id, or one with `/`); nothing is sent.
 * @throws {BceServiceError} when the service refuses (e.g. an unknown rule).
 * @example
 * await deleteRouteRule(client, { routeRuleId: 'rr-m2cq8vbf5n1k' });
 */
export async function deleteRouteRule(
  client: BceClient,
  input: DeleteRouteRuleInput,
  options?: CallOptions,
): Promise<MetadataBearer> {
  const { $metadata } = await runOperation(
    client,
    'deleteRouteRule',
    DeleteRouteRuleInputSchema,
    input,
    options,
    (checked) => ({
      method: 'DELETE',
      path: ['v1', 'route', 'rule', checked.routeRuleId],
      query: { clientToken: checked.clientToken },
    }),
  );
  return { $metadata };
}
