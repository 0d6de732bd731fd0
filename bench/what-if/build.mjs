// Builds bench/.out/what-if/*.mjs: the same built packages, bundled with one change each, to measure a suggested
// change to core before anyone makes it. Nothing here is shipped.
import { join } from 'node:path';
import { build } from 'esbuild';
import { BENCH, OUT } from '../lib/prepare.mjs';

/** `create-only` app with `ky` replaced by a direct fetch call; for Node (per call) and the browser (size). */
export async function buildWhatIf() {
  const alias = { ky: join(BENCH, 'what-if', 'ky-as-fetch.mjs') };
  const entry = join(BENCH, 'entries', 'create-only.js');
  const common = { entryPoints: [entry], bundle: true, format: 'esm', alias, absWorkingDir: BENCH, logLevel: 'error' };
  const node = join(OUT, 'what-if', 'no-ky.node.mjs');
  const browser = join(OUT, 'what-if', 'no-ky');
  await build({ ...common, platform: 'node', outfile: node });
  await build({ ...common, platform: 'browser', minify: true, splitting: true, outdir: browser, target: 'es2022' });
  return { node, browserEntry: join(browser, 'create-only.js') };
}
