import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageConfig } from '../../scripts/rollup-package.mjs';

const dir = dirname(fileURLToPath(import.meta.url));

// createClient's fallback for missing credentials reads the environment and Baidu's CLI files. dist/esm and
// dist/cjs import it through package.json `imports` (`#credentials-when-missing`), so that browser and Worker
// builds get a stub without that code; dist/node (Node, Deno, Bun) keeps it inside. The sources import the file
// directly, so tests and type checks run on it unchanged.
const WHEN_MISSING = { 'client/normalize-options.ts ../credentials/when-missing.ts': '#credentials-when-missing' };
const rewrites = (list) => ({
  name: 'when-missing-through-imports',
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
    },
    plugins: (build) => (build === 'node' ? [] : [rewrites(WHEN_MISSING)]),
  },
);
