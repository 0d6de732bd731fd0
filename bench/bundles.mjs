// Builds the bundles that section 1 and size-limit measure, into bench/.out/bundles/.
//
// Each entry is built twice with esbuild (--bundle --minify --platform=browser, ESM):
//  - `<name>/`: a page, with code splitting, as app bundlers (Vite, Rollup, webpack, esbuild --splitting) build by
//    default. `<name>/<name>.js` is the initial load; `import()`ed code lands in chunks fetched only when it runs.
//    For bcekit the only lazy chunk is the @noble/hashes fallback of `sign()`, loaded where neither node:crypto nor
//    crypto.subtle exists (insecure browser contexts).
//  - `<name>.worker.js`: a Worker, one file (dynamic imports inlined) with the conditions wrangler gives esbuild
//    (`workerd`, `worker`, `browser`). The signer's `#hmac-fallback` resolves there to a stub without @noble/hashes.
// size-limit budgets both (.size-limit.cjs).
//
// Usage: node bench/bundles.mjs   (prints sizes; `pnpm size` runs it and then size-limit)
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { BENCH, OUT, prepare, ROOT } from './lib/prepare.mjs';

/** The targets of issue 16 (gzip bytes), for both build modes; .size-limit.cjs holds the same. */
export const LIMITS = {
  'create-only': 10 * 1024,
  everything: 16 * 1024,
  signer: 2.5 * 1024,
  'route-rule-only': 10 * 1024,
  'connect-vpcs': 20 * 1024,
};

/** True when the packages an app needs exist: `connect-vpcs` needs connectVpcs in @bcekit/peerconn (in progress). */
export function isBuildable(name) {
  if (name !== 'connect-vpcs') return true;
  const index = join(ROOT, 'packages', 'peerconn', 'src', 'index.ts');
  return existsSync(index) && /\bconnectVpcs\b/.test(readFileSync(index, 'utf8'));
}

export const OURS = ['create-only', 'everything', 'signer', 'route-rule-only', 'connect-vpcs'].filter(isBuildable);
/** wrangler 4's esbuild conditions (WRANGLER_BUILD_CONDITIONS unset); its platform is esbuild's default, browser. */
export const WORKER_CONDITIONS = ['workerd', 'worker', 'browser'];
export const BASELINES = ['aws-ec2', 'aws4fetch', 'baiducloud-sdk'];
/** Reference rows without a target: the client alone, the floor of every app above. */
export const REFERENCE = ['client-only'];

/** The size every figure of section 1 and size-limit uses: gzip at level 9, in bytes. */
export const gzipSize = (text) => gzipSync(text, { level: 9 }).length;

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

/** The esbuild options of an entry's Worker build (one file, wrangler's conditions), without an output path. */
export function workerOptions(name) {
  return {
    ...common,
    entryPoints: [join(BENCH, 'entries', `${name}.js`)],
    outfile: 'worker.js',
    conditions: WORKER_CONDITIONS,
  };
}

/** Builds one entry both ways and returns its sizes in bytes. */
export async function buildBundle(name) {
  const entry = join(BENCH, 'entries', `${name}.js`);
  const dir = join(OUT, 'bundles', name);
  rmSync(dir, { recursive: true, force: true });
  const worker = join(OUT, 'bundles', `${name}.worker.js`);
  const one = await build({ ...common, entryPoints: [entry], outfile: worker, conditions: WORKER_CONDITIONS });
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
  const workerText = readFileSync(worker, 'utf8');
  const initialText = readFileSync(join(dir, `${name}.js`), 'utf8');
  const lazy = readdirSync(dir).filter((f) => f !== `${name}.js`);
  const lazyTexts = lazy.map((f) => readFileSync(join(dir, f), 'utf8'));
  return {
    name,
    initialMin: initialText.length,
    initialGzip: gzipSize(initialText),
    lazyGzip: lazyTexts.reduce((sum, t) => sum + gzipSize(t), 0),
    lazyChunks: lazy.length,
    workerMin: workerText.length,
    workerGzip: gzipSize(workerText),
    workerMinByOrigin: minifiedByOrigin(one.metafile),
  };
}

/** Minified bytes of the one output by where they come from: `@bcekit/<package>` or the npm package's name. */
function minifiedByOrigin(metafile) {
  const totals = {};
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      const origin = path.includes('packages/')
        ? `@bcekit/${path.split('packages/')[1].split('/')[0]}`
        : path.includes('node_modules/')
          ? path
              .split('node_modules/')
              .pop()
              .split('/')
              .slice(0, path.split('node_modules/').pop().startsWith('@') ? 2 : 1)
              .join('/')
          : 'app';
      totals[origin] = (totals[origin] ?? 0) + bytesInOutput;
    }
  }
  return totals;
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
