/**
 * The bcekit conformance suite: runtime-neutral cases that every runner (node, edge, browser, workerd, deno,
 * bun) runs unchanged. Only platform APIs and the @bcekit packages; no test framework.
 * @module
 */

import { anyApiCases } from './any-api.ts';
import { cliProfileCases } from './cli-profile.ts';
import type { ConformanceCase, ConformanceEnv } from './context.ts';
import { errorCases } from './errors.ts';
import { lifecycleCases } from './lifecycle.ts';
import { routeCases } from './routes.ts';
import { signingCases } from './signing.ts';

export { ConformanceError } from './assert.ts';
export type { ConformanceCase, ConformanceEnv } from './context.ts';

/** Every case, in the order runners register them. */
export const cases: readonly ConformanceCase[] = [
  ...signingCases,
  ...lifecycleCases,
  ...routeCases,
  ...errorCases,
  ...anyApiCases,
  ...cliProfileCases,
];

/** Runs one case by name (for runners that cross a process boundary, such as workerd). */
export async function runCase(name: string, env: ConformanceEnv): Promise<void> {
  const found = cases.find((c) => c.name === name);
  if (!found) throw new Error(`no conformance case named ${JSON.stringify(name)}`);
  await found.run(env);
}
