// Workers project: the worker build, .build/suite.worker.bundle.js, runs inside workerd (through Miniflare, the
// workerd that wrangler 4.86 uses), without nodejs_compat; this node-side test drives one case per request.
// (@cloudflare/vitest-plugin 1.5.0 would pull a wrangler that needs Node 22, so Miniflare is used directly.)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Miniflare } from 'miniflare';
import { afterAll, expect, inject, it } from 'vitest';
import { CASE_TIMEOUT } from './register.ts';

const suitePath = fileURLToPath(new URL('../.build/suite.worker.bundle.js', import.meta.url));
const workerPath = fileURLToPath(new URL('../.build/worker.bundle.js', import.meta.url));

// The Worker: GET /cases lists the case names, POST /run runs the case named in the body.
const WORKER = `
import { cases, runCase } from './suite.worker.bundle.js';
export default {
  async fetch(request, env) {
    if (new URL(request.url).pathname === '/cases') return Response.json(cases.map((c) => c.group + ': ' + c.name));
    const name = await request.text();
    try {
      await runCase(name.slice(name.indexOf(': ') + 2), { url: env.EMULATOR_URL, runtime: 'workerd', signBackend: 'webcrypto', signFallback: 'none' });
      return Response.json({ ok: true });
    } catch (error) {
      return Response.json({ ok: false, error: String(error && error.stack || error) });
    }
  },
};`;

const miniflare = new Miniflare({
  modules: [
    { type: 'ESModule', path: workerPath, contents: WORKER },
    { type: 'ESModule', path: suitePath, contents: readFileSync(suitePath, 'utf8') },
  ],
  compatibilityDate: '2025-09-01',
  bindings: { EMULATOR_URL: inject('conformanceUrl') },
});
afterAll(() => miniflare.dispose());

const names = (await (await miniflare.dispatchFetch('http://worker/cases')).json()) as string[];

it('workerd lists the whole suite', () => {
  expect(names.length).toBeGreaterThan(100);
});

for (const name of names) {
  it(
    name,
    async () => {
      const response = await miniflare.dispatchFetch('http://worker/run', { method: 'POST', body: name });
      const result = (await response.json()) as { ok: boolean; error?: string };
      if (!result.ok) throw new Error(`in workerd: ${result.error}`);
    },
    CASE_TIMEOUT,
  );
}
