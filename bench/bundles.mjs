// Builds the bundles that section 1 and size-limit measure, into bench/.out/bundles/.
//
// Each entry is built twice with esbuild (--bundle --minify --platform=browser, ESM):
//  - `<name>.single.js`: one file, dynamic imports inlined — the command of the issue, verbatim.
//  - `<name>/`: with code splitting, as app bundlers (Vite, Rollup, webpack, esbuild --splitting) build by default.
//    `<name>/<name>.js` is the initial load; `import()`ed code lands in chunks fetched only when that code runs.
// For bcekit the only lazy chunk is the @noble/hashes fallback of `sign()`, loaded where neither node:crypto nor
// crypto.subtle exists (insecure browser contexts). size-limit budgets the initial load.
//
// Usage: node bench/bundles.mjs   (prints sizes; `pnpm size` runs it and then size-limit)
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { BENCH, OUT, prepare } from './lib/prepare.mjs';

export const OURS = ['create-only', 'everything', 'signer'];
export const BASELINES = ['aws-ec2', 'aws4fetch', 'baiducloud-sdk'];

const gzip = (text) => gzipSync(text, { level: 9 }).length;

const common = {
  bundle: true,
  minify: true,
  platform: 'browser',
  format: 'esm',
  target: 'es2022',
  logLevel: 'error',
  legalComments: 'none',
  absWorkingDir: BENCH,
  // Without this, esbuild would read the repo's tsconfig.json and follow its `paths` to the packages' sources;
  // an installed app resolves `@bcekit/*` through each package.json's `exports` (dist/esm for the browser).
  tsconfigRaw: '{}',
  metafile: true,
};

/** Builds one entry both ways and returns its sizes in bytes. */
export async function buildBundle(name) {
  const entry = join(BENCH, 'entries', `${name}.js`);
  const dir = join(OUT, 'bundles', name);
  rmSync(dir, { recursive: true, force: true });
  const single = join(OUT, 'bundles', `${name}.single.js`);
  await build({ ...common, entryPoints: [entry], outfile: single });
  const split = await build({
    ...common,
    entryPoints: [entry],
    outdir: dir,
    splitting: true,
    chunkNames: 'lazy-[hash]',
  });
  // Browser bundles must take dist/esm (never the `node` condition's single files, nor the sources).
  const ours = Object.keys(split.metafile.inputs).filter((path) => path.includes('packages/'));
  const wrong = ours.filter((path) => !/packages\/\w+\/dist\/esm\//.test(path));
  if (wrong.length > 0) throw new Error(`bundles: ${name} took ${wrong[0]} instead of dist/esm`);
  const singleText = readFileSync(single, 'utf8');
  const initialText = readFileSync(join(dir, `${name}.js`), 'utf8');
  const lazy = readdirSync(dir).filter((f) => f !== `${name}.js`);
  const lazyTexts = lazy.map((f) => readFileSync(join(dir, f), 'utf8'));
  return {
    name,
    initialMin: initialText.length,
    initialGzip: gzip(initialText),
    lazyGzip: lazyTexts.reduce((sum, t) => sum + gzip(t), 0),
    lazyChunks: lazy.length,
    singleMin: singleText.length,
    singleGzip: gzip(singleText),
  };
}

export async function buildAll(names = [...OURS, ...BASELINES]) {
  const sizes = {};
  for (const name of names) sizes[name] = await buildBundle(name);
  return sizes;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  prepare();
  const sizes = await buildAll(process.argv.includes('--ours') ? OURS : undefined);
  console.table(sizes);
}
