// Runs the guides' test samples (docs/examples/*.test.ts) against the packages' sources:
//   node_modules/.bin/vitest run --config docs/vitest.config.ts
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(`../packages/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@bcekit\/signer$/, replacement: src('signer/src/index.ts') },
      { find: /^@bcekit\/core$/, replacement: src('core/src/index.ts') },
      { find: /^@bcekit\/core\/operation$/, replacement: src('core/src/operation/index.ts') },
      { find: /^@bcekit\/vpc$/, replacement: src('vpc/src/index.ts') },
      { find: /^@bcekit\/emulator$/, replacement: src('emulator/src/index.ts') },
      { find: /^@bcekit\/peerconn$/, replacement: src('peerconn/src/index.ts') },
    ],
  },
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['examples/**/*.test.ts'],
    testTimeout: 20_000,
  },
});
