import type { BceClient, CallOptions, MetadataBearer } from '@bcekit/core';
import { createClientToken } from '@bcekit/core';
import { ClientTokenSchema, IdSchema } from '@bcekit/core/operation';
import * as v from 'valibot';
import { runOperation } from '../internal/run-operation.ts';

/** Input of {@link switchRouteRuleHa}, checked before anything is sent. */
export const SwitchRouteRuleHaInputSchema = v.object({
  routeRuleId: IdSchema,
  clientToken: v.optional(ClientTokenSchema, createClientToken),
});

/** What {@link switchRouteRuleHa} accepts; `clientToken` is made for you when omitted. */
export type SwitchRouteRuleHaInput = v.InferInput<typeof SwitchRouteRuleHaInputSchema>;

/**
 * Switches an active/standby multi-path rule, so that the standby path becomes the active one. Sends
 * `PUT /v1/route/rule/{routeRuleId}?switchRouteHA&clientToken=…` with no body.
 *
 * Service rules: `routeRuleId` is the id of the `ha:active` rule of the pair.
 *
 * @param client A client from `createClient` of `@bcekit/core`.
 * @param input The active rule.
 * @param options Per-call `signal`, `timeout` and `retry`.
 * @throws {BceValidationError} when the input is invalid (an empty id, or one with `/`); nothing is sent.
 * @throws {BceServiceError} when the service refuses (e.g. the rule is not `ha:active`).
 * @example
 * await switchRouteRuleHa(client, { routeRuleId: 'rr-ha0active001' });
 */
export async function switchRouteRuleHa(
  client: BceClient,
  input: SwitchRouteRuleHaInput,
  options?: CallOptions,
): Promise<MetadataBearer> {
  const { $metadata } = await runOperation(
    client,
    'switchRouteRuleHa',
    SwitchRouteRuleHaInputSchema,
    input,
    options,
    (checked) => ({
      method: 'PUT',
      path: ['v1', 'route', 'rule', checked.routeRuleId],
      query: { switchRouteHA: '', clientToken: checked.clientToken },
    }),
  );
  return { $metadata };
}
