import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageConfig } from '../../scripts/rollup-package.mjs';

const dir = dirname(fileURLToPath(import.meta.url));

// Two files differ by runtime, and dist/esm and dist/cjs import them through package.json `imports`, so that browser
// and Worker builds carry neither: createClient's fallback for missing credentials, which reads the environment
// and Baidu's CLI files (`#credentials-when-missing`: a stub there), and the default transport, which in Node is
// node:http (`#default-transport`: fetch alone there, and in Deno and Bun, which take their own condition before
// `node`). dist/node (Node, Deno, Bun) keeps both inside; the transport checks there at run time that it is in
// Node. The sources import the files directly, so tests and type checks run on them unchanged.
const THROUGH_IMPORTS = {
  'client/normalize-options.ts ../credentials/when-missing.ts': '#credentials-when-missing',
  'client/create-client.ts ../transport/default-transport.ts': '#default-transport',
};
const rewrites = (list) => ({
  name: 'runtime-files-through-imports',
  resolveId(source, importer) {
    const specifier = importer && list[`${importer.slice(join(dir, 'src/').length)} ${source}`];
    return specifier ? { id: specifier, external: true } : null;
  },
});

export default packageConfig(
  dir,
  {
    index: 'src/index.ts',
    'operation/index': 'src/operation/index.ts',
  },
  {
    internal: {
      'credentials/when-missing': 'src/credentials/when-missing.ts',
      'credentials/when-missing-none': 'src/credentials/when-missing-none.ts',
      'transport/default-transport': 'src/transport/default-transport.ts',
      'transport/default-transport-fetch': 'src/transport/default-transport-fetch.ts',
    },
    // In Node, `@bcekit/core` and `@bcekit/core/operation` are one file (package.json `exports`): every service
    // package imports both, and one file instead of three (two entries and their shared chunk) took about a
    // quarter off the import cost of peerconn + core (BENCHMARKS.md, cold start). The root's namespace then also
    // holds the operation helpers at run time (not in its types); the build fails if a name is in both.
    nodeMerged: { index: ['index', 'operation/index'] },
    // In Node, importing core does not load @bcekit/signer (one file fewer to resolve, read and compile on import,
    // about 2 ms of CPU of a cold start, BENCHMARKS.md): `sign` loads it on the first request, so the signer, and
    // every signing error a caller can see, is the one `@bcekit/signer` module. The two pure, synchronous helpers
    // core calls are copied from it (`canonicalTime` throws only for a timestamp outside 1970-9999, which core's
    // clock never gives).
    nodeLazy: { '@bcekit/signer': { load: ['sign'], copy: ['canonicalTime', 'uriEncode'] } },
    plugins: (build) => (build === 'node' ? [] : [rewrites(THROUGH_IMPORTS)]),
  },
);
