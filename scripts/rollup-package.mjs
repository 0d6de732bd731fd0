// Shared rollup config: every package ships ESM (preserved modules), CJS and bundled .d.ts / .d.cts, plus one ESM
// file per entry point for Node (dist/node, the `node` condition under `import`): Node's loader resolves and reads
// every preserved module one by one, which made up most of the import cost (BENCHMARKS.md, cold start). Bundlers
// for browsers and Workers do not match `node` and keep dist/esm, where unused operations are dropped module by
// module. `@bcekit/*` dependencies stay external in every output, so each package exists once at run time and
// `instanceof` works across packages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dts } from 'rollup-plugin-dts';
import esbuild from 'rollup-plugin-esbuild';

/**
 * @param {string} dir package directory
 * @param {Record<string, string>} entries output name -> source file, e.g. { index: 'src/index.ts' }
 * @param {{ internal?: Record<string, string>, nodeInternal?: Record<string, string>, plugins?: (build: 'preserved' | 'node') => import('rollup').Plugin[] }} [more]
 *   files built like entries but reached only through package.json `imports` (no types): `internal` into dist/esm
 *   and dist/cjs, `nodeInternal` into dist/node; `plugins` for each build, run before esbuild
 */
export function packageConfig(dir, entries, more = {}) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const deps = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
  const external = (id) => id.startsWith('node:') || deps.some((d) => id === d || id.startsWith(`${d}/`));
  const paths = (list = {}) => Object.fromEntries(Object.entries(list).map(([k, v]) => [k, join(dir, v)]));
  const input = paths(entries);
  const plugins = (build) => [...(more.plugins?.(build) ?? []), esbuild({ target: 'es2022' })];
  const preserved = [
    {
      dir: join(dir, 'dist/esm'),
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: join(dir, 'src'),
      entryFileNames: '[name].js',
    },
    {
      dir: join(dir, 'dist/cjs'),
      format: 'cjs',
      preserveModules: true,
      preserveModulesRoot: join(dir, 'src'),
      entryFileNames: '[name].cjs',
      exports: 'named',
    },
  ];
  const node = {
    dir: join(dir, 'dist/node'),
    format: 'es',
    entryFileNames: '[name].js',
    // Code shared by two entry points (peerconn's index and testing) lives once, in a chunk.
    chunkFileNames: 'chunks/[name]-[hash].js',
  };
  // One graph for all three outputs unless the internal files differ between them.
  const builds =
    more.internal || more.nodeInternal
      ? [
          { input: { ...input, ...paths(more.internal) }, external, plugins: plugins('preserved'), output: preserved },
          { input: { ...input, ...paths(more.nodeInternal) }, external, plugins: plugins('node'), output: node },
        ]
      : [{ input, external, plugins: plugins('preserved'), output: [...preserved, node] }];
  return [
    ...builds,
    {
      input,
      external,
      plugins: [dts({ tsconfig: join(dir, 'tsconfig.json') })],
      output: [
        // Each flavour gets its own chunks: a `.d.ts` chunk is ESM under `"type": "module"`, and a `.d.cts` that
        // imported it would fail to compile in CommonJS apps (TS1479 under node16/nodenext).
        {
          dir: join(dir, 'dist/types'),
          format: 'es',
          entryFileNames: '[name].d.ts',
          chunkFileNames: 'chunks/[name]-[hash].d.ts',
        },
        {
          dir: join(dir, 'dist/types'),
          format: 'es',
          entryFileNames: '[name].d.cts',
          chunkFileNames: 'chunks/[name]-[hash].d.cts',
        },
      ],
    },
  ];
}
