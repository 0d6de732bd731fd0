import { fileURLToPath } from 'node:url';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(`./packages/${path}`, import.meta.url));

// The conformance suite (conformance/README.md) runs in every runtime; these are its vitest runners.
// Each project starts its own emulator + control server on 127.0.0.1 (conformance/vitest/global-setup.ts).
const conformance = (
  name: string,
  include: string,
  runtime: string,
  signBackend: 'native' | 'webcrypto',
  signFallback: 'noble' | 'none',
  test: TestProjectInlineConfiguration['test'] = {},
): TestProjectInlineConfiguration => ({
  extends: true,
  test: {
    name: `conformance-${name}`,
    include: [`conformance/vitest/${include}`],
    globalSetup: ['conformance/vitest/global-setup.ts'],
    provide: {
      conformanceRuntime: runtime,
      conformanceSignBackend: signBackend,
      conformanceSignFallback: signFallback,
    },
    testTimeout: 30_000,
    ...test,
  },
});

/** Debian's chromium (`apt-get install -y chromium`), as CI installs it. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@bcekit\/signer$/, replacement: src('signer/src/index.ts') },
      { find: /^@bcekit\/core$/, replacement: src('core/src/index.ts') },
      { find: /^@bcekit\/core\/operation$/, replacement: src('core/src/operation/index.ts') },
      { find: /^@bcekit\/vpc$/, replacement: src('vpc/src/index.ts') },
      { find: /^@bcekit\/emulator$/, replacement: src('emulator/src/index.ts') },
      { find: /^@bcekit\/peerconn\/testing$/, replacement: src('peerconn/src/testing/index.ts') },
      { find: /^@bcekit\/peerconn$/, replacement: src('peerconn/src/index.ts') },
    ],
  },
  test: {
    // The JSON report feeds the plain `N passed, N failed` line that CI reads (scripts/test-all.mjs).
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-report.json' },
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['packages/*/test/**/*.test.ts', 'examples/*/test/**/*.test.ts', 'scripts/test/**/*.test.mjs'],
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        // Baidu's official Python SDK against the emulator over HTTP (python-sdk/README.md).
        extends: true,
        test: { name: 'python-sdk', include: ['python-sdk/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 30_000 },
      },
      conformance('node', 'source.test.ts', 'node', 'native', 'noble'),
      // vitest's edge-runtime environment keeps node's `process` beside the edge globals, so sign() finds node:crypto there.
      conformance('edge', 'source.test.ts', 'edge-runtime', 'native', 'noble', { environment: 'edge-runtime' }),
      conformance('workers', 'workerd.test.ts', 'workerd', 'webcrypto', 'none'),
      conformance('browser', 'browser.test.ts', 'chromium', 'webcrypto', 'noble', {
        browser: {
          enabled: true,
          headless: true,
          screenshotFailures: false,
          provider: playwright({
            launchOptions: {
              executablePath: CHROMIUM,
              args: [
                '--no-sandbox',
                '--disable-gpu',
                '--disable-background-networking',
                '--disable-component-update',
                '--disable-sync',
                '--no-first-run',
                '--disable-quic',
              ],
            },
          }),
          instances: [{ browser: 'chromium' }],
        },
      }),
    ],
  },
});
