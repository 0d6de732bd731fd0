import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(`./packages/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@bcekit\/signer$/, replacement: src('signer/src/index.ts') },
      { find: /^@bcekit\/core$/, replacement: src('core/src/index.ts') },
      { find: /^@bcekit\/peerconn\/testing$/, replacement: src('peerconn/src/testing/index.ts') },
      { find: /^@bcekit\/peerconn$/, replacement: src('peerconn/src/index.ts') },
    ],
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'examples/*/test/**/*.test.ts'],
    testTimeout: 20_000,
    // The JSON report feeds the plain `N passed, N failed` line that CI reads (scripts/test-all.mjs).
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-report.json' },
    hookTimeout: 30_000,
  },
});
