import type { BceClient, BceRequest, CallOptions } from '@bcekit/core';
import { BceValidationError, createClientToken } from '@bcekit/core';
import * as v from 'valibot';

/** Peer connections live on the VPC (BCC) host of each region (spec §1). @internal */
export const SERVICE_HOST = 'bcc.{region}.baidubce.com';

/** The part of a request an operation describes; run-operation adds the host and the operation name. @internal */
export type OperationRequest = Omit<BceRequest, 'serviceHost' | 'operation'>;

/** One problem with an input, as `BceValidationError` lists them. @internal */
export interface InputProblem {
  path: string;
  message: string;
}

// biome-ignore lint/suspicious/noExplicitAny: any object schema, whatever its entries and message.
type AnyObjectSchema = v.ObjectSchema<v.ObjectEntries, any>;

/**
 * Checks `input` against `schema` and returns the parsed value (defaults applied), or throws one
 * `BceValidationError` naming every problem with its path. Used by every operation, the paginator and
 * the waiter, so that all messages read alike.
 * @internal
 */
export function parseInput<TSchema extends v.GenericSchema>(
  operation: string,
  schema: TSchema,
  input: unknown,
): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  throw new BceValidationError(operation, toProblems(result.issues));
}

/**
 * The request plumbing shared by every operation: validate (nothing is sent when the input is invalid),
 * make the `clientToken` once per call when the schema has one and the caller gave none (retries in core
 * reuse it), then send through the client. Resolves with the parsed JSON body, or `undefined` when empty.
 * @internal
 */
export async function runOperation<TSchema extends AnyObjectSchema>(
  client: BceClient,
  operation: string,
  schema: TSchema,
  input: unknown,
  options: CallOptions | undefined,
  toRequest: (checked: v.InferOutput<TSchema>, clientToken: string) => OperationRequest,
): Promise<unknown> {
  const checked = parseInput(operation, schema, input);
  const given = (checked as { clientToken?: string }).clientToken;
  const clientToken = given ?? ('clientToken' in schema.entries ? createClientToken() : '');
  const request = toRequest(checked, clientToken);
  return client.send<unknown>({ ...request, serviceHost: SERVICE_HOST, operation }, options);
}

/** Turns valibot issues into `{ path, message }` problems, one per distinct problem. @internal */
export function toProblems(issues: readonly v.BaseIssue<unknown>[]): InputProblem[] {
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    const problem = toProblem(issue);
    const key = `${problem.path}\n${problem.message}`;
    if (seen.has(key)) continue; // a pipe reports integer and range failures of one value separately
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

function toProblem(issue: v.BaseIssue<unknown>): InputProblem {
  const path = formatPath(issue);
  // Core's convention: an empty path means the input as a whole.
  if (path === '') return { path: '', message: `input must be an object (got ${describeReceived(issue)})` };
  if (issue.input === undefined) return { path, message: 'is required' };
  return { path, message: `${issue.message} (got ${describeReceived(issue)})` };
}

function formatPath(issue: v.BaseIssue<unknown>): string {
  let path = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key?: unknown }).key;
    if (typeof key === 'number') path += `[${key}]`;
    else path += path === '' ? String(key) : `.${String(key)}`;
  }
  return path;
}

// Describes the value itself (valibot's `received` is the length for length rules); long strings are
// cut so that a message stays one readable line.
function describeReceived(issue: v.BaseIssue<unknown>): string {
  const value = issue.input;
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}
