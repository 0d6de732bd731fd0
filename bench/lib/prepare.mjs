// Makes the workspace ready for the bench: builds the packages when dist is missing or older than src, and links
// `bench/node_modules/@bcekit/*` to the packages so that bench code, bundles and cold-start processes import
// `@bcekit/peerconn` by name, through each package.json's `exports`, exactly as an installed app would.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readlinkSync, statSync, symlinkSync, unlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BENCH = join(ROOT, 'bench');
export const OUT = join(BENCH, '.out');
export const PACKAGES = ['signer', 'core', 'peerconn'];

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** True when some package has no dist, or a source file newer than its dist. */
export function needsBuild() {
  return PACKAGES.some((name) => {
    const dist = join(ROOT, 'packages', name, 'dist', 'esm', 'index.js');
    if (!existsSync(dist) || !existsSync(join(ROOT, 'packages', name, 'dist', 'node', 'index.js'))) return true;
    return newestMtime(join(ROOT, 'packages', name, 'src')) > statSync(dist).mtimeMs;
  });
}

/** Builds if needed (or when `force`), then links the packages under bench/node_modules. */
export function prepare({ force = false, log = console.log } = {}) {
  if (force || needsBuild()) {
    log('bench: building packages (node scripts/build.mjs)');
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  }
  const scope = join(BENCH, 'node_modules', '@bcekit');
  mkdirSync(scope, { recursive: true });
  for (const name of PACKAGES) {
    const link = join(scope, name);
    const target = relative(dirname(link), join(ROOT, 'packages', name));
    let current;
    try {
      current = readlinkSync(link);
    } catch {}
    if (current === target) continue;
    if (current !== undefined) unlinkSync(link);
    symlinkSync(target, link, 'dir');
  }
  mkdirSync(OUT, { recursive: true });
}
