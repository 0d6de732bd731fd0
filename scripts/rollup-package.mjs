// Shared rollup config: every package ships ESM (preserved modules), CJS and bundled .d.ts / .d.cts, plus one ESM
// file per entry point for Node (dist/node, the `node` condition under `import`): Node's loader resolves and reads
// every preserved module one by one, which made up most of the import cost (BENCHMARKS.md, cold start). Each file
// Node loads still costs ~2 ms of CPU (resolution through node_modules and symlinks, an async read, a compile), so
// entries always loaded together can share one file (`nodeMerged`: core's `.` and `./operation`). Bundlers
// for browsers and Workers do not match `node` and keep dist/esm, where unused operations are dropped module by
// module. `@bcekit/*` dependencies stay external in every output, so each package exists once at run time and
// `instanceof` works across packages; in dist/node some are loaded on first use instead of on import, and a few
// pure functions copied (`nodeLazy`: core's signer, peerconn's vpc).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dts } from 'rollup-plugin-dts';
import esbuild from 'rollup-plugin-esbuild';

/**
 * Node does not load valibot's one 200 KB ESM file: parsing it was about half of the packages' import cost
 * (BENCHMARKS.md, cold start). Instead @bcekit/core's node build (dist/node/index.js) carries the valibot functions
 * that any package here calls, and exports them as one object, `__valibot`; the node builds of the other packages
 * take valibot from there (`import { __valibot } from '@bcekit/core'`), so one copy loads, once.
 * Schemas stay valibot schemas (plain objects run through their own `~run`), so an app's own valibot parses them
 * and composes them; types still come from the `valibot` package, a dependency as before. dist/esm and dist/cjs keep
 * importing `valibot`, so bundlers share one copy with the app and drop what is unused.
 */
const VALIBOT_OWNER = '@bcekit/core';
const VALIBOT_EXPORT = '__valibot';
const VALIBOT_SUBSET = '\0valibot-in-node';
const VALIBOT_LICENSE = 'LICENSE.md';

/** The folder and ESM entry (package.json `exports['.'].import.default`) of `name`, resolved from `dir`. */
function packageEntry(dir, name) {
  const require = createRequire(join(dir, 'package.json'));
  const manifestOf = (folder) =>
    existsSync(join(folder, 'package.json')) ? JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) : {};
  let root = dirname(require.resolve(name));
  while (manifestOf(root).name !== name) root = dirname(root);
  return { root, entry: join(root, manifestOf(root).exports['.'].import.default) };
}

/**
 * The valibot functions that the sources of every package here depending on valibot call (`v.<name>`, the one way
 * they import it), sorted: what @bcekit/core's node build carries for all of them.
 * @param {string} valibotEntry valibot's ESM file, whose exports filter out `v.` that are not valibot's
 */
async function valibotNamesInUse(valibotEntry) {
  const exported = await import(pathToFileURL(valibotEntry).href);
  const packagesDir = join(dirname(fileURLToPath(import.meta.url)), '../packages');
  const names = new Set();
  for (const folder of readdirSync(packagesDir)) {
    const manifest = join(packagesDir, folder, 'package.json');
    if (!existsSync(manifest) || !JSON.parse(readFileSync(manifest, 'utf8')).dependencies?.valibot) continue;
    const src = join(packagesDir, folder, 'src');
    for (const file of readdirSync(src, { recursive: true }).filter((path) => path.endsWith('.ts'))) {
      for (const [, name] of readFileSync(join(src, file), 'utf8').matchAll(/\bv\.([a-z]\w*)\b/g)) {
        if (typeof exported[name] === 'function') names.add(name);
      }
    }
  }
  return [...names].sort();
}

/**
 * The node build's valibot: in @bcekit/core, valibot's ESM file itself (bundled; rollup keeps the functions used,
 * plus `names` for the `__valibot` export), with its licence as a banner; elsewhere, a module taking `names` from
 * @bcekit/core's `__valibot`, after checking that core's built node file has them all.
 */
async function valibotInNode(dir, pkg) {
  const { root, entry } = packageEntry(dir, 'valibot');
  const names = await valibotNamesInUse(entry);
  if (pkg.name !== VALIBOT_OWNER) {
    const nodeFile = join(dirname(dirname(packageEntry(dir, VALIBOT_OWNER).entry)), 'node/index.js');
    const shared = existsSync(nodeFile) ? (await import(pathToFileURL(nodeFile).href))[VALIBOT_EXPORT] : undefined;
    const missing = names.filter((name) => typeof shared?.[name] !== 'function');
    if (missing.length > 0)
      throw new Error(
        `${pkg.name}: dist/node takes valibot's ${missing.join(', ')} from ${VALIBOT_OWNER}, whose dist/node lacks them; build it first (node scripts/build.mjs core)`,
      );
    return {
      plugin: {
        name: 'valibot-from-core',
        resolveId: (id) => (id === 'valibot' ? VALIBOT_SUBSET : id === VALIBOT_SUBSET ? id : null),
        load: (id) =>
          id === VALIBOT_SUBSET
            ? `import { ${VALIBOT_EXPORT} } from '${VALIBOT_OWNER}';\nexport const { ${names.join(', ')} } = ${VALIBOT_EXPORT};`
            : null,
      },
    };
  }
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const licence = readFileSync(join(root, VALIBOT_LICENSE), 'utf8').trim().replaceAll('*/', '* /').split('\n');
  return {
    banner: [
      '/*!',
      ` * Bundled here: functions of valibot ${version} (https://valibot.dev), under its licence:`,
      ' *',
      ...licence.map((line) => ` * ${line}`.trimEnd()),
      ' */',
    ].join('\n'),
    // Appended to core's merged node entry.
    exportLine: `export * as ${VALIBOT_EXPORT} from ${JSON.stringify(VALIBOT_SUBSET)};`,
    plugin: {
      name: 'valibot-in-core',
      resolveId: (id) => (id === 'valibot' ? entry : id === VALIBOT_SUBSET ? id : null),
      load: (id) => (id === VALIBOT_SUBSET ? `export { ${names.join(', ')} } from 'valibot';` : null),
    },
  };
}

/**
 * In the node build, a module standing for each dependency of `lazy` (specifier -> { load, copy }): the functions of
 * `load` (each must be async) load the real module on their first call, and then call it directly; the functions
 * of `copy` (each must be pure: no state, no error a caller could tell from the real one's) are bundled from the
 * dependency's ESM build. What a Node app imports without calling them costs no file load.
 * @param {string} dir the package being built, from which the dependencies resolve
 * @param {Record<string, { load?: string[], copy?: string[] }>} lazy
 */
function lazyInNode(dir, lazy) {
  const PREFIX = '\0lazy:';
  const roots = Object.fromEntries(Object.keys(lazy).map((name) => [name, packageEntry(dir, name)]));
  const inCopied = (path) => Object.values(roots).some(({ root }) => path?.startsWith(`${root}/`));
  return {
    name: 'lazy-in-node',
    async resolveId(id, importer) {
      if (id.startsWith(PREFIX)) return id;
      // The stand-in's own `import()` is of the real, external module.
      if (lazy[id]) return importer?.startsWith(PREFIX) ? { id, external: true } : PREFIX + id;
      if (!inCopied(importer)) return null;
      // Inside a dependency's ESM build, for the copied functions: only what they use is kept; the rest of its
      // imports (package.json `imports`, other packages) are never reached.
      if (!id.startsWith('.')) return { id, external: true };
      const resolved = await this.resolve(id, importer, { skipSelf: true });
      return resolved && { ...resolved, moduleSideEffects: false };
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const specifier = id.slice(PREFIX.length);
      const { load = [], copy = [] } = lazy[specifier];
      return [
        ...(copy.length > 0 ? [`export { ${copy.join(', ')} } from ${JSON.stringify(roots[specifier].entry)};`] : []),
        'let loaded, loading;',
        `const load = () => (loading ??= import(${JSON.stringify(specifier)}).then((module) => (loaded = module)));`,
        ...load.map(
          (name) =>
            `export const ${name} = (...args) => (loaded ? loaded.${name}(...args) : load().then((module) => module.${name}(...args)));`,
        ),
      ].join('\n');
    },
  };
}

/**
 * In the node build, an import of an `@bcekit/*` subpath whose `node` target is the package's root file (core's
 * `./operation`, merged with `.` there) names the root instead: Node resolves each specifier through package.json
 * `exports` on its own, even when two land on one file (about 1 ms of CPU of a cold start for the second one, in an
 * interleaved A/B).
 * @param {string} dir the package being built, from which its dependencies resolve
 */
function subpathsAsRoot(dir) {
  const require = createRequire(join(dir, 'package.json'));
  const nodeTarget = (exports, subpath) => exports?.[subpath]?.import?.node;
  return {
    name: 'subpaths-as-root',
    resolveId(id) {
      const match = /^(@bcekit\/[^/]+)(?:\/(.+))?$/.exec(id);
      if (!match) return null;
      const [, name, rest] = match;
      if (rest === undefined) return { id, external: true };
      const { exports } = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8'));
      const target = nodeTarget(exports, `./${rest}`);
      return { id: target && target === nodeTarget(exports, '.') ? name : id, external: true };
    },
  };
}

/**
 * One module exporting everything of several entries (`\0merged:index,operation/index`), so that Node loads one
 * file where it would load one per entry point plus their shared chunk.
 * @param {Record<string, string>} input entry name -> source file
 * @returns {import('rollup').Plugin}
 */
function mergedEntries(input, extra = '') {
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
            .concat(extra)
            .join('\n')
        : null,
  };
}

/**
 * @param {string} dir package directory
 * @param {Record<string, string>} entries output name -> source file, e.g. { index: 'src/index.ts' }
 * @param {{ internal?: Record<string, string>, nodeInternal?: Record<string, string>, nodeMerged?: Record<string, string[]>, nodeLazy?: Record<string, { load?: string[], copy?: string[] }>, plugins?: (build: 'preserved' | 'node') => import('rollup').Plugin[] }} [more]
 *   files built like entries but reached only through package.json `imports` (no types): `internal` into dist/esm
 *   and dist/cjs, `nodeInternal` into dist/node; `nodeMerged`: dist/node files that each export several entries
 *   at once (name -> entry names, the first naming the file); `nodeLazy`: dependencies that dist/node loads on the
 *   first call of one of the `load` functions it imports from them, and whose `copy` functions it bundles
 *   (lazyInNode); `plugins` for each build, run before esbuild
 */
export async function packageConfig(dir, entries, more = {}) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const deps = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
  const external = (id) => id.startsWith('node:') || deps.some((d) => id === d || id.startsWith(`${d}/`));
  const valibot = deps.includes('valibot') ? await valibotInNode(dir, pkg) : undefined;
  const lazy = more.nodeLazy ?? {};
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
  if (valibot?.exportLine && !Object.values(nodeInput).some((id) => id.startsWith('\0merged:')))
    throw new Error(`${pkg.name}: the node build exports valibot's functions from its merged entry (nodeMerged)`);
  // One graph for all three outputs unless the node build differs (internal files, merged entries, valibot, lazy
  // dependencies).
  const builds =
    more.internal || more.nodeInternal || more.nodeMerged || valibot || more.nodeLazy
      ? [
          { input: { ...input, ...paths(more.internal) }, external, plugins: plugins('preserved'), output: preserved },
          {
            input: nodeInput,
            // `valibot` and the lazy dependencies become modules of this build (plugins below); `@bcekit/*` stay
            // external, through subpathsAsRoot.
            external: (id) => external(id) && id !== 'valibot' && !(id in lazy) && !id.startsWith('@bcekit/'),
            plugins: [
              mergedEntries(input, valibot?.exportLine),
              ...(valibot ? [valibot.plugin] : []),
              lazyInNode(dir, lazy),
              subpathsAsRoot(dir),
              ...plugins('node'),
            ],
            output: { ...node, banner: valibot?.banner },
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
