import * as v from 'valibot';
import { BceValidationError, type ValidationIssue } from '../errors/bce-validation-error.ts';
import { describeValue } from '../errors/describe-value.ts';

/**
 * Checks `input` against a valibot `schema` and returns the parsed value (defaults applied), or throws one
 * `BceValidationError` naming every problem with its path. Every operation, paginator and waiter of the service
 * packages parses through here, so that all their messages read alike:
 * `resizePeerconn: newBandwidthInMbps must be an integer >= 1 (got 0)`.
 *
 * @param operation Name of the public function, the first word of the message.
 * @param schema The function's input schema.
 * @param input What the caller passed.
 * @returns The parsed input.
 * @throws {BceValidationError} when the input does not match; `issues` lists every problem.
 * @example
 * const checked = parseInput('getVpc', GetVpcInputSchema, input);
 */
export function parseInput<TSchema extends v.GenericSchema>(
  operation: string,
  schema: TSchema,
  input: unknown,
): v.InferOutput<TSchema> {
  // What `v.safeParse(schema, input)` runs, without building its result object: a schema's `~run` with the global
  // config (valibot's internals guide documents `~run` for integrations). It saves safeParse's code in every app.
  const dataset = schema['~run']({ value: input }, v.getGlobalConfig());
  if (!dataset.issues) return dataset.value as v.InferOutput<TSchema>;
  throw new BceValidationError(operation, toProblems(dataset.issues));
}

/**
 * Turns valibot issues into `{ path, message }` problems, one per distinct problem (a pipe may report two
 * failures of one value). A missing field reads `is required`; a wrong one `<rule> (got <value>)`.
 *
 * @param issues The issues of a failed `safeParse`.
 * @returns The problems, in the order valibot found them.
 * @example
 * const result = v.safeParse(schema, input);
 * if (!result.success) console.log(toProblems(result.issues)); // [{ path: 'maxKeys', message: '…' }]
 */
export function toProblems(issues: readonly v.BaseIssue<unknown>[]): ValidationIssue[] {
  const problems: ValidationIssue[] = [];
  for (const issue of issues) {
    const problem = toProblem(issue);
    if (!problems.some((seen) => seen.path === problem.path && seen.message === problem.message)) {
      problems.push(problem);
    }
  }
  return problems;
}

function toProblem(issue: v.BaseIssue<unknown>): ValidationIssue {
  // `tags[0].tagKey`: a number is an array index; '' means the input as a whole.
  let path = '';
  for (const { key } of (issue.path ?? []) as { key?: unknown }[]) {
    path += typeof key === 'number' ? `[${key}]` : path ? `.${String(key)}` : String(key);
  }
  // A `v.check` words its problem itself; one on the whole input (a rule across fields) may name a missing field.
  const byRule = issue.kind === 'validation' && issue.type === 'check';
  // Core's convention: an empty path means the input as a whole.
  if (!path) {
    return { path, message: byRule ? issue.message : `input must be an object (got ${describeValue(issue.input)})` };
  }
  // The value at the path (a rule forwarded to a field sees the whole input as its own input).
  const value = issue.path?.[issue.path.length - 1]?.value;
  if (value === undefined) return { path, message: byRule ? issue.message : 'is required' };
  // valibot's `received` is the length for length rules: describe the value itself.
  return { path, message: `${issue.message} (got ${describeValue(value)})` };
}
