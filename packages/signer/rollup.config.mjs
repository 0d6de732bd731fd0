import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageConfig } from '../../scripts/rollup-package.mjs';

const dir = dirname(fileURLToPath(import.meta.url));

// The @noble/hashes fallbacks are imported through package.json `imports`, so that each runtime gets the variant
// it needs (README, "Bundling, and who pays for the @noble/hashes fallback"): sign()'s `./hmac-fallback.ts`
// becomes `#hmac-fallback` (a stub in Worker builds), signSync()'s `./hmac-noble.ts` becomes `#hmac-sync`
// (required on first use under Node). The sources import the files directly, so tests and type checks run on them
// unchanged. The node build keeps sign()'s fallback inside (as a lazy chunk): Node never takes the Worker stub.
const rewrites = (list) => ({
  name: 'noble-through-imports',
  resolveId(source, importer) {
    const specifier = importer && list[`${importer.slice(join(dir, 'src/').length)} ${source}`];
    return specifier ? { id: specifier, external: true } : null;
  },
});
const SYNC = { 'sign-sync.ts ./hmac-noble.ts': '#hmac-sync' };
const FALLBACK = { 'sign.ts ./hmac-fallback.ts': '#hmac-fallback' };

export default packageConfig(
  dir,
  { index: 'src/index.ts' },
  {
    internal: {
      'hmac-noble': 'src/hmac-noble.ts',
      'hmac-fallback': 'src/hmac-fallback.ts',
      'hmac-fallback-none': 'src/hmac-fallback-none.ts',
    },
    nodeInternal: { 'hmac-noble-lazy': 'src/hmac-noble-lazy.ts' },
    plugins: (build) => [rewrites(build === 'node' ? SYNC : { ...SYNC, ...FALLBACK })],
  },
);
