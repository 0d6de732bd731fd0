// Deno runner: `deno test --allow-net=127.0.0.1 --allow-env=BCEKIT_CONFORMANCE_URL --allow-read conformance/runtimes/deno.test.ts`
// with BCEKIT_CONFORMANCE_URL pointing at a running conformance server (scripts/test-all.mjs starts one).
// Loads the worker build (.build/suite.worker.bundle.js) and registers one Deno test per case.
type Suite = typeof import('../suite/index.ts');
declare const Deno: {
  test(definition: { name: string; fn: () => Promise<void> }): void;
  env: { get(name: string): string | undefined };
};

const url = Deno.env.get('BCEKIT_CONFORMANCE_URL');
if (!url) throw new Error('BCEKIT_CONFORMANCE_URL is not set: start the conformance server (scripts/test-all.mjs)');
const { cases } = (await import(new URL('../.build/suite.worker.bundle.js', import.meta.url).href)) as Suite;
const env = { url, runtime: 'deno', signBackend: 'native', signFallback: 'none' } as const;

for (const c of cases) Deno.test({ name: `${c.group}: ${c.name}`, fn: () => c.run(env) });
