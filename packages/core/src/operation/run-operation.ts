import type * as v from 'valibot';
import type { BceClient } from '../client/create-client.ts';
import { createClientToken } from '../client-token.ts';
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
 * Sends one operation: validates the input (nothing is sent when it is invalid), makes the `clientToken` once
 * per call when the schema has a `clientToken` field and the caller gave none (core's retries reuse it), builds
 * the request and sends it through the client. Resolves with the parsed JSON body and the call's `$metadata`
 * (`{ $metadata }` alone for an empty body), so that every output carries it.
 */
export type RunOperation = <TSchema extends AnyObjectSchema>(
  client: BceClient,
  operation: string,
  schema: TSchema,
  input: unknown,
  options: CallOptions | undefined,
  toRequest: (checked: v.InferOutput<TSchema>, clientToken: string) => OperationRequest,
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
    const checked = parseInput(operation, schema, input);
    const given = (checked as { clientToken?: string }).clientToken;
    const entries = 'pipe' in schema ? schema.pipe[0].entries : schema.entries;
    const clientToken = given ?? ('clientToken' in entries ? createClientToken() : '');
    // toRequest builds a fresh object: completed in place rather than copied.
    const request = toRequest(checked, clientToken) as BceRequest;
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
