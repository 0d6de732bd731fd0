// Where the gzip bytes of a bundle go. Minified bytes per module (the metafile) say little about gzip, which shares
// its dictionary across the file; so each module is left out in turn (its imports become external, which keeps a
// one-line import in their place) and the bundle is built again. The difference is that module's marginal cost:
// what the app would save without it, its code and whatever only it pulled in. The costs overlap, so they add up
// to more than the total.
import { build } from 'esbuild';
import { gzipSize } from '../bundles.mjs';

/** A readable name: `core/client/send`, `signer/canonical-request`, or the npm package (`valibot`). */
export function moduleLabel(path) {
  if (path.includes('packages/')) {
    const [pkg, ...rest] = path.split('packages/')[1].split('/');
    return `${pkg}/${rest.slice(2).join('/').replace(/\.js$/, '')}`;
  }
  const tail = path.split('node_modules/').pop();
  return tail
    .split('/')
    .slice(0, tail.startsWith('@') ? 2 : 1)
    .join('/');
}

/**
 * Builds `entry` once whole, then once without each of its modules (npm packages as a whole), and returns the
 * whole gzip size and each module's marginal gzip bytes, largest first.
 *
 * @param options esbuild options of the bundle (entryPoints, conditions…); metafile and write are set here.
 */
export async function marginalGzip(options) {
  // The first build records which module every import resolves to; the others look it up.
  const resolvedTo = new Map();
  const key = (args) => `${args.importer}\0${args.path}`;
  const record = {
    name: 'record',
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData === 'inner' || args.kind === 'entry-point') return undefined;
        const { path } = await b.resolve(args.path, {
          resolveDir: args.resolveDir,
          kind: args.kind,
          importer: args.importer,
          pluginData: 'inner',
        });
        resolvedTo.set(key(args), moduleLabel(path));
        return undefined;
      });
    },
  };
  const leave = (label) => ({
    name: 'leave-one-out',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) =>
        resolvedTo.get(key(args)) === label ? { path: 'left-out', external: true } : undefined,
      );
    },
  });
  const once = async (plugin) => {
    const result = await build({ ...options, write: false, metafile: true, plugins: [plugin] });
    return { bytes: gzipSize(result.outputFiles[0].contents), metafile: result.metafile };
  };
  const whole = await once(record);
  const labels = new Set(
    Object.keys(whole.metafile.inputs)
      .filter((path) => path.includes('packages/') || path.includes('node_modules/'))
      .map(moduleLabel),
  );
  const costs = [];
  for (const label of labels) costs.push({ module: label, bytes: whole.bytes - (await once(leave(label))).bytes });
  return { total: whole.bytes, costs: costs.filter((c) => c.bytes > 0).sort((a, b) => b.bytes - a.bytes) };
}
