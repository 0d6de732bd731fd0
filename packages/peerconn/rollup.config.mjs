import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageConfig } from '../../scripts/rollup-package.mjs';

export default packageConfig(
  dirname(fileURLToPath(import.meta.url)),
  {
    index: 'src/index.ts',
    'testing/index': 'src/testing/index.ts',
  },
  {
    // Only connectVpcs and disconnectVpcs call @bcekit/vpc. In Node, importing @bcekit/peerconn does not load it
    // (one file fewer to resolve, read and compile, ~3 ms of CPU on a cold start, BENCHMARKS.md); their first call
    // does. Browser and Worker builds keep the static import: a bundler cannot drop the unused vpc operations
    // behind an `import()`.
    nodeLazy: { '@bcekit/vpc': { load: ['createRouteRule', 'deleteRouteRule', 'getRouteTable', 'getVpc'] } },
  },
);
