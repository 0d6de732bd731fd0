// Bundles src/main.ts for the browser into dist/app.js: `pnpm exec rollup -c` in examples/browser (or
// `pnpm exec rollup -c examples/browser/rollup.config.mjs` from the root).
//
// TypeScript goes through rollup-plugin-esbuild; bare imports (@bcekit/*, valibot, @noble/hashes) through the
// small resolver below, which reads each package's `exports` with the browser conditions — what
// @rollup/plugin-node-resolve would do for these packages, without the extra dependency.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import esbuild from 'rollup-plugin-esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const CONDITIONS = new Set(['browser', 'import', 'module', 'default']);

/**
 * Picks the target of an `exports` entry for CONDITIONS, in the entry's own key order (as Node does).
 * @param {unknown} entry
 * @returns {string | undefined}
 */
function pickTarget(entry) {
  if (typeof entry === 'string') return entry;
  if (Array.isArray(entry)) return entry.map(pickTarget).find(Boolean);
  if (entry && typeof entry === 'object') {
    for (const [condition, value] of Object.entries(entry)) {
      if (CONDITIONS.has(condition)) {
        const picked = pickTarget(value);
        if (picked) return picked;
      }
    }
  }
  return undefined;
}

/**
 * `name` or `@scope/name`, and the subpath after it (`.` or `./sub/path`).
 * @param {string} specifier
 */
function splitSpecifier(specifier) {
  const parts = specifier.split('/');
  const length = specifier.startsWith('@') ? 2 : 1;
  return { name: parts.slice(0, length).join('/'), subpath: ['.', ...parts.slice(length)].join('/') };
}

/**
 * Resolves a package's own `#name` import (package.json `imports`, e.g. the signer's `#hmac-fallback`) from the
 * nearest package.json above the importer, with the same browser conditions.
 * @this {import('rollup').PluginContext}
 * @param {string} source
 * @param {string} importer
 */
function resolveImport(source, importer) {
  for (let dir = dirname(importer); ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8'));
      const target = pickTarget(pkg.imports?.[source]);
      if (!target) this.error(`${source}: no browser target in the "imports" of ${file}`);
      return realpathSync(join(dir, target));
    }
    if (dirname(dir) === dir) return null;
  }
}

/**
 * Resolves bare imports through node_modules (walking up from the importer) and package.json `exports`.
 * @returns {import('rollup').Plugin}
 */
function packageExports() {
  return {
    name: 'package-exports',
    resolveId(source, importer) {
      if (importer && source.startsWith('#')) return resolveImport.call(this, source, importer);
      if (!importer || source.startsWith('.') || source.startsWith('/') || source.startsWith('\0')) return null;
      const { name, subpath } = splitSpecifier(source);
      for (let dir = dirname(importer); ; dir = dirname(dir)) {
        const root = join(dir, 'node_modules', name);
        if (existsSync(join(root, 'package.json'))) {
          const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
          // `exports` may be one target or a conditions object for "." alone, or a map of subpaths.
          const sugar = typeof pkg.exports !== 'object' || !Object.keys(pkg.exports).some((key) => key.startsWith('.'));
          const map = pkg.exports === undefined ? undefined : sugar ? { '.': pkg.exports } : pkg.exports;
          const target = map
            ? pickTarget(map[subpath])
            : subpath === '.'
              ? (pkg.module ?? pkg.main ?? 'index.js')
              : subpath;
          if (!target) this.error(`${source}: no "${subpath}" export for the browser in ${name}/package.json`);
          // Real paths, so that the package's own imports resolve from its own node_modules (pnpm links).
          return realpathSync(join(root, target));
        }
        if (dirname(dir) === dir) return null;
      }
    },
  };
}

/** @type {import('rollup').RollupOptions & { output: import('rollup').OutputOptions }} */
export default {
  input: join(here, 'src/main.ts'),
  // One file: the signer's lazily imported @noble/hashes fallback (for runtimes without Web Crypto) is inlined.
  output: { file: join(here, 'dist/app.js'), format: 'es', sourcemap: true, inlineDynamicImports: true },
  plugins: [packageExports(), esbuild({ target: 'es2022', tsconfig: false })],
};
