import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageConfig } from '../../scripts/rollup-package.mjs';

const dir = dirname(fileURLToPath(import.meta.url));

// The @noble/hashes fallbacks are imported through package.json `imports`, so that each runtime gets the variant
// it needs (README, "Bundling, and who pays for the @noble/hashes fallback"): sign()'s `./hmac-fallback.ts`
// becomes `#hmac-fallback` (a stub in Worker builds), signSync()'s `./hmac-noble.ts` becomes `#hmac-sync`. The
// sources import the files directly, so tests and type checks run on them unchanged. The node build keeps sign()'s
// fallback inside (as a lazy chunk): Node never takes the Worker stub.
const rewrites = (list) => ({
  name: 'noble-through-imports',
  resolveId(source, importer) {
    const specifier = importer && list[`${importer.slice(join(dir, 'src/').length)} ${source}`];
    return specifier ? { id: specifier, external: true } : null;
  },
});
const SYNC = { 'sign-sync.ts ./hmac-noble.ts': '#hmac-sync' };
const FALLBACK = { 'sign.ts ./hmac-fallback.ts': '#hmac-fallback' };
// In the node build, signSync()'s `./hmac-noble.ts` is `hmac-noble-lazy.ts` (which requires `#hmac-sync` on first
// use), bundled into dist/node/index.js: an import of its own was one more file for Node to resolve and read on
// every import, ~2-3 ms of CPU of a cold start (BENCHMARKS.md, cold start).
const lazyInNode = {
  name: 'noble-lazy-in-node',
  resolveId: (source, importer) =>
    importer === join(dir, 'src/sign-sync.ts') && source === './hmac-noble.ts'
      ? join(dir, 'src/hmac-noble-lazy.ts')
      : null,
};

export default packageConfig(
  dir,
  { index: 'src/index.ts' },
  {
    internal: {
      'hmac-noble': 'src/hmac-noble.ts',
      'hmac-fallback': 'src/hmac-fallback.ts',
      'hmac-fallback-none': 'src/hmac-fallback-none.ts',
    },
    plugins: (build) => (build === 'node' ? [lazyInNode] : [rewrites({ ...SYNC, ...FALLBACK })]),
  },
);
