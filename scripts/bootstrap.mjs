// Makes a fresh clone runnable with only Node and npm: installs the locked dependencies with the pinned pnpm (from the
// PATH, else through npx: scripts/lib/pnpm.mjs) unless node_modules is already up to date.
import { existsSync, statSync } from 'node:fs';
import { pnpmCommand, runPnpm } from './lib/pnpm.mjs';

const marker = 'node_modules/.modules.yaml';
const upToDate = existsSync(marker) && statSync(marker).mtimeMs >= statSync('pnpm-lock.yaml').mtimeMs;
if (!upToDate) {
  console.log(`bootstrap: installing dependencies with ${pnpmCommand().join(' ')} install --frozen-lockfile`);
  const result = runPnpm(['install', '--frozen-lockfile'], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`bootstrap: pnpm install failed (${result.error?.message ?? `exit ${result.status}`})`);
    process.exit(1);
  }
}
