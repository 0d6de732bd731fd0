// Registers one vitest test per conformance case.
import { inject, it } from 'vitest';
import type { ConformanceCase } from '../suite/index.ts';

/** Case timeout: the slowest case (lifecycle with waits) takes about a second. */
export const CASE_TIMEOUT = 30_000;

export function registerCases(cases: readonly ConformanceCase[]): void {
  const env = {
    url: inject('conformanceUrl'),
    runtime: inject('conformanceRuntime'),
    signBackend: inject('conformanceSignBackend'),
    signFallback: inject('conformanceSignFallback'),
  };
  for (const c of cases) it(`${c.group}: ${c.name}`, () => c.run(env), CASE_TIMEOUT);
}
