import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageConfig } from '../../scripts/rollup-package.mjs';

export default packageConfig(dirname(fileURLToPath(import.meta.url)), {
  index: 'src/index.ts',
});
