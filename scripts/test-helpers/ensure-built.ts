import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const OUTPUTS = [
  'packages/signer/dist/esm/index.js',
  'packages/core/dist/esm/index.js',
  'packages/peerconn/dist/esm/index.js',
  'packages/peerconn/dist/esm/testing/index.js',
  'packages/signer/dist/node/index.js',
  'packages/core/dist/node/index.js',
  'packages/peerconn/dist/node/index.js',
  'packages/peerconn/dist/node/testing/index.js',
];

/**
 * Runs `node scripts/build.mjs` when a package's dist is missing (the examples use the built packages, as users
 * do). Test files run in parallel: one builds under a lock directory, the others wait for it.
 */
export async function ensureBuilt(): Promise<void> {
  const built = () => OUTPUTS.every((path) => existsSync(`${ROOT}${path}`));
  if (built()) return;
  const lock = `${ROOT}node_modules/.bcekit-examples-build.lock`;
  try {
    mkdirSync(lock);
  } catch (error) {
    if ((error as { code?: string }).code !== 'EEXIST') throw error;
    for (let waited = 0; !built() || existsSync(lock); waited += 200) {
      if (waited > 60_000) throw new Error(`waited 60 s for another test's build (remove ${lock} if stale)`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return;
  }
  try {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
