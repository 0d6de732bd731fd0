import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

/** The packages/ folder, with a trailing slash. */
export const PACKAGES_DIR = fileURLToPath(new URL('../../packages/', import.meta.url));

// Resolve the workspace packages (and core's `operation` entry) to their sources, as the vitest config does.
const workspaceSources: Plugin = {
  name: 'bcekit-workspace-sources',
  setup(b) {
    b.onResolve({ filter: /^@bcekit\/(core|signer|vpc|peerconn)(\/operation)?$/ }, (args) => {
      const [name, entry = 'index'] = args.path.slice('@bcekit/'.length).split('/');
      return { path: `${PACKAGES_DIR}${name}/src/${entry === 'index' ? '' : `${entry}/`}index.ts` };
    });
  },
};

/**
 * Bundles `entry` (TypeScript source importing `@bcekit/*` by name) as an app for the browser would: esbuild,
 * minified, ESM, tree-shaken. Returns the code, for "this app holds none of that code" checks.
 */
export async function bundle(entry: string): Promise<string> {
  const result = await build({
    stdin: { contents: entry, resolveDir: PACKAGES_DIR, sourcefile: 'entry.ts', loader: 'ts' },
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    plugins: [workspaceSources],
  });
  return result.outputFiles[0]!.text;
}
