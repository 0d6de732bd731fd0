import type * as v from 'valibot';
import type { BceClient } from '../client/create-client.ts';
import type { MetadataBearer } from '../types/metadata.ts';
import type { BceRequest, CallOptions } from '../types/request.ts';
import { parseInput } from './parse-input.ts';

/** The part of a request an operation describes; the runner adds the service host and the operation name. */
export type OperationRequest = Omit<BceRequest, 'serviceHost' | 'operation'>;

// biome-ignore lint/suspicious/noExplicitAny: any object schema, whatever its entries and message.
type ObjectOf = v.ObjectSchema<v.ObjectEntries, any>;
/** An object schema, alone or followed by rules across its fields (`v.pipe(v.object(…), v.check(…))`). */
type AnyObjectSchema =
  | ObjectOf
  // biome-ignore lint/suspicious/noExplicitAny: the rules after the object may be any actions.
  | v.SchemaWithPipe<readonly [ObjectOf, ...v.PipeItem<any, any, v.BaseIssue<unknown>>[]]>;

/**
 * Sends one operation: validates the input (nothing is sent when it is invalid), builds the request from the
 * checked input and sends it through the client. An operation that takes a `clientToken` declares it as
 * `v.optional(ClientTokenSchema, createClientToken)`: parsing then makes one per call when the caller gave none,
 * and core's retries of that call reuse it. Resolves with the parsed JSON body and the call's `$metadata`
 * (`{ $metadata }` alone for an empty body), so that every output carries it.
 */
export type RunOperation = <TSchema extends AnyObjectSchema>(
  client: BceClient,
  operation: string,
  schema: TSchema,
  input: unknown,
  options: CallOptions | undefined,
  toRequest: (checked: v.InferOutput<TSchema>) => OperationRequest,
) => Promise<MetadataBearer & Record<string, unknown>>;

/**
 * The request plumbing of a service package, made once per service host: every operation of the package
 * calls the returned {@link RunOperation}.
 *
 * @param serviceHost Host template used when the client has a region and no endpoint, e.g. `bcc.{region}.baidubce.com`.
 * @returns The function every operation of that service sends through.
 * @example
 * export const runOperation = operationRunner('bcc.{region}.baidubce.com');
 * const output = await runOperation(client, 'getVpc', GetVpcInputSchema, input, options, (checked) => ({
 *   method: 'GET',
 *   path: ['v1', 'vpc', checked.vpcId],
 * }));
 */
export function operationRunner(serviceHost: string): RunOperation {
  return async (client, operation, schema, input, options, toRequest) => {
    // toRequest builds a fresh object: completed in place rather than copied.
    const request = toRequest(parseInput(operation, schema, input)) as BceRequest;
    request.serviceHost = serviceHost;
    request.operation = operation;
    const { body, $metadata } = await client.sendWithMetadata<unknown>(request, options);
    // The body is ours (just parsed): the field is added to it, and reading it leniently keeps the field.
    const output = (typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {}) as Record<
      string,
      unknown
    >;
    output['$metadata'] = $metadata;
    return output as MetadataBearer & Record<string, unknown>;
  };
}
