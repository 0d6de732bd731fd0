// Bun runner: `bun test ./conformance/runtimes/bun.test.ts` with BCEKIT_CONFORMANCE_URL pointing at a running
// conformance server (scripts/test-all.mjs starts one). Loads the worker build and registers one test per case.
import { test } from 'bun:test';

type Suite = typeof import('../suite/index.ts');

const url = process.env.BCEKIT_CONFORMANCE_URL;
if (!url) throw new Error('BCEKIT_CONFORMANCE_URL is not set: start the conformance server (scripts/test-all.mjs)');
const { cases } = (await import(new URL('../.build/suite.worker.bundle.js', import.meta.url).href)) as Suite;
const env = { url, runtime: 'bun', signBackend: 'native', signFallback: 'none' } as const;

for (const c of cases) test(`${c.group}: ${c.name}`, () => c.run(env), 30_000);
