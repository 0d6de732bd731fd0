// Makes a fresh clone runnable with only Node 20 and npm: installs the locked dependencies with pnpm 12.4.2
// (through npx when pnpm is not installed) unless node_modules is already up to date.
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const PNPM = '12.4.2';
const marker = 'node_modules/.modules.yaml';
const upToDate = existsSync(marker) && statSync(marker).mtimeMs >= statSync('pnpm-lock.yaml').mtimeMs;
if (!upToDate) {
  let pnpm = ['npx', '-y', `pnpm@${PNPM}`];
  try {
    if (execFileSync('pnpm', ['--version'], { encoding: 'utf8' }).trim() === PNPM) pnpm = ['pnpm'];
  } catch {
    // not installed: npx fetches it
  }
  console.log(`bootstrap: installing dependencies with ${pnpm.join(' ')} install --frozen-lockfile`);
  execSync([...pnpm, 'install', '--frozen-lockfile'].join(' '), { stdio: 'inherit' });
}
