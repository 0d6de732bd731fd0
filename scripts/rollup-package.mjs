// Shared rollup config: every package ships ESM (preserved modules), CJS and bundled .d.ts / .d.cts, plus one ESM
// file per entry point for Node (dist/node, the `node` condition under `import`): Node's loader resolves and reads
// every preserved module one by one, which made up most of the import cost (BENCHMARKS.md, cold start). Each file
// Node loads still costs ~2 ms of CPU (resolution through node_modules and symlinks, an async read, a compile), so
// entries always loaded together can share one file (`nodeMerged`: core's `.` and `./operation`). Bundlers
// for browsers and Workers do not match `node` and keep dist/esm, where unused operations are dropped module by
// module. `@bcekit/*` dependencies stay external in every output, so each package exists once at run time and
// `instanceof` works across packages.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { dts } from 'rollup-plugin-dts';
import esbuild from 'rollup-plugin-esbuild';

/**
 * Dependencies whose used functions are bundled into dist/node rather than imported: valibot ships one 200 KB
 * ESM file, and parsing it was about half of the packages' import cost in Node (BENCHMARKS.md, cold start); the
 * node build keeps the few functions it calls. Each package's copy is its own; valibot schemas are plain objects
 * run through their own `~run`, so a schema made by one copy works with the app's valibot (types still come from
 * the `valibot` package). dist/esm and dist/cjs keep importing the dependency, so bundlers share one copy.
 */
const INLINE_IN_NODE = ['valibot'];

/** Resolves each of `names` from `dir` to its ESM entry (package.json `exports['.'].import.default`). */
function resolveEsmEntry(dir, names) {
  const require = createRequire(join(dir, 'package.json'));
  const entries = new Map();
  for (const name of names) {
    const manifestOf = (folder) =>
      existsSync(join(folder, 'package.json')) ? JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) : {};
    let root = dirname(require.resolve(name));
    while (manifestOf(root).name !== name) root = dirname(root);
    const manifest = manifestOf(root);
    entries.set(name, join(root, manifest.exports['.'].import.default));
  }
  return { name: 'resolve-inlined-dependencies', resolveId: (id) => entries.get(id) ?? null };
}

/**
 * One module exporting everything of several entries (`\0merged:index,operation/index`), so that Node loads one
 * file where it would load one per entry point plus their shared chunk.
 * @param {Record<string, string>} input entry name -> source file
 * @returns {import('rollup').Plugin}
 */
function mergedEntries(input) {
  const PREFIX = '\0merged:';
  return {
    name: 'merged-entries',
    resolveId: (id) => (id.startsWith(PREFIX) ? id : null),
    load: (id) =>
      id.startsWith(PREFIX)
        ? id
            .slice(PREFIX.length)
            .split(',')
            .map((name) => `export * from ${JSON.stringify(input[name])};`)
            .join('\n')
        : null,
  };
}

/**
 * @param {string} dir package directory
 * @param {Record<string, string>} entries output name -> source file, e.g. { index: 'src/index.ts' }
 * @param {{ internal?: Record<string, string>, nodeInternal?: Record<string, string>, nodeMerged?: Record<string, string[]>, plugins?: (build: 'preserved' | 'node') => import('rollup').Plugin[] }} [more]
 *   files built like entries but reached only through package.json `imports` (no types): `internal` into dist/esm
 *   and dist/cjs, `nodeInternal` into dist/node; `nodeMerged`: dist/node files that each export several entries
 *   at once (name -> entry names, the first naming the file); `plugins` for each build, run before esbuild
 */
export function packageConfig(dir, entries, more = {}) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const deps = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
  const external = (id) => id.startsWith('node:') || deps.some((d) => id === d || id.startsWith(`${d}/`));
  const inlined = deps.filter((d) => INLINE_IN_NODE.includes(d));
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
  const nodeInput = { ...input, ...paths(more.nodeInternal) };
  for (const names of Object.values(more.nodeMerged ?? {})) {
    for (const name of names.slice(1)) delete nodeInput[name];
    nodeInput[names[0]] = `\0merged:${names.join(',')}`;
  }
  // One graph for all three outputs unless the node build differs (internal files, merged entries, or a dependency
  // inlined).
  const builds =
    more.internal || more.nodeInternal || more.nodeMerged || inlined.length > 0
      ? [
          { input: { ...input, ...paths(more.internal) }, external, plugins: plugins('preserved'), output: preserved },
          {
            input: nodeInput,
            external: (id) => external(id) && !inlined.some((d) => id === d || id.startsWith(`${d}/`)),
            plugins: [mergedEntries(input), resolveEsmEntry(dir, inlined), ...plugins('node')],
            output: node,
            onwarn(warning, warn) {
              // Two merged entries exporting one name: one would silently win.
              if (warning.code === 'NAMESPACE_CONFLICT') throw new Error(`dist/node: ${warning.message}`);
              warn(warning);
            },
          },
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
