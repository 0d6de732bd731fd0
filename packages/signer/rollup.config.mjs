import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageConfig } from '../../scripts/rollup-package.mjs';

const dir = dirname(fileURLToPath(import.meta.url));

// The @noble/hashes fallback is imported through package.json `imports`, so that each runtime gets the variant it
// needs (README, "The @noble/hashes fallback"): sign()'s `import()` becomes `#hmac-fallback` (left out of Worker
// builds), signSync()'s static import becomes `#hmac-sync` (loaded on first use under Node). The sources import
// `./hmac-noble.ts` directly, so tests and type checks run on them unchanged.
const REWRITES = { 'sign.ts': '#hmac-fallback', 'sign-sync.ts': '#hmac-sync' };

/** @type {import('rollup').Plugin} */
const nobleThroughImports = {
  name: 'noble-through-imports',
  resolveId(source, importer) {
    if (source !== './hmac-noble.ts' || !importer) return null;
    const specifier = REWRITES[importer.slice(join(dir, 'src/').length)];
    return specifier ? { id: specifier, external: true } : null;
  },
};

export default packageConfig(
  dir,
  { index: 'src/index.ts' },
  {
    internal: { 'hmac-noble': 'src/hmac-noble.ts', 'hmac-fallback-none': 'src/hmac-fallback-none.ts' },
    nodeInternal: { 'hmac-noble-lazy': 'src/hmac-noble-lazy.ts' },
    plugins: [nobleThroughImports],
  },
);
