// How every script finds pnpm: the version pinned in the root package.json's `packageManager`, taken from the PATH
// when that exact version is there, else through `npx -y pnpm@<version>` (npm fetches it once into its cache). A
// fresh clone with only Node and npm therefore needs no global pnpm.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);

/** The pnpm version the repository pins (`packageManager` in the root package.json). */
export const PNPM_VERSION = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')).packageManager.replace(
  /^pnpm@/,
  '',
);

let command;

/** `['pnpm']` when pnpm {@link PNPM_VERSION} is on the PATH, else `['npx', '-y', 'pnpm@<version>']`. */
export function pnpmCommand() {
  if (command) return command;
  command = ['npx', '-y', `pnpm@${PNPM_VERSION}`];
  try {
    const onPath = execFileSync('pnpm', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    if (onPath.trim() === PNPM_VERSION) command = ['pnpm'];
  } catch {
    // not on the PATH (or not runnable): npx fetches it
  }
  return command;
}

/** Runs pnpm with `args` like `spawnSync` (same options), through {@link pnpmCommand}. */
export function runPnpm(args, options = {}) {
  const [bin, ...pre] = pnpmCommand();
  return spawnSync(bin, [...pre, ...args], options);
}
