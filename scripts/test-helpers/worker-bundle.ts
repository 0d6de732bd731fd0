import { mkdirSync, readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { ensureBuilt } from './ensure-built.ts';

/** An example Worker bundled as wrangler would, and what Miniflare needs to run it. */
export interface WorkerBundle {
  /** The bundle's code, for "what it holds" checks. */
  code: string;
  /** The example's wrangler.toml, as text. */
  toml: string;
  /** Spread into `new Miniflare({ ...options, bindings })`: module syntax, the bundle, the toml's compatibility date. */
  options: { modules: true; scriptPath: string; compatibilityDate: string };
}

/**
 * Bundles `<dir>src/worker.ts` into `<dir>dist/worker.js` as wrangler would (esbuild, ESM, the workerd, worker and
 * browser conditions), against the packages' built dist (rebuilt first when stale), as in a user's project.
 */
export async function bundleWorker(dir: string): Promise<WorkerBundle> {
  await ensureBuilt();
  mkdirSync(`${dir}dist`, { recursive: true });
  const scriptPath = `${dir}dist/worker.js`;
  // tsconfigRaw: resolve @bcekit/* through the packages' `exports` (their dist), as in a user's project, rather
  // than through the monorepo tsconfig paths to src.
  await build({
    entryPoints: [`${dir}src/worker.ts`],
    outfile: scriptPath,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['workerd', 'worker', 'browser'],
    tsconfigRaw: '{}',
    logLevel: 'silent',
  });
  const toml = readFileSync(`${dir}wrangler.toml`, 'utf8');
  const compatibilityDate = /^compatibility_date\s*=\s*"([\d-]+)"/m.exec(toml)?.[1];
  if (!compatibilityDate) throw new Error(`${dir}wrangler.toml has no compatibility_date`);
  return { code: readFileSync(scriptPath, 'utf8'), toml, options: { modules: true, scriptPath, compatibilityDate } };
}
