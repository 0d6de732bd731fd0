// Makes the workspace ready for the bench: builds the packages whose dist is stale (scripts/lib/ensure-built.mjs), and links
// `bench/node_modules/@bcekit/*` to the packages so that bench code, bundles and cold-start processes import
// `@bcekit/peerconn` by name, through each package.json's `exports`, exactly as an installed app would.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readlinkSync, symlinkSync, unlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from '../../scripts/lib/ensure-built.mjs';
import { listPackages } from '../../scripts/lib/packages.mjs';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BENCH = join(ROOT, 'bench');
export const OUT = join(BENCH, '.out');
/** Every workspace package (packages/<folder>), each linked as `@bcekit/<folder>`. */
export const PACKAGES = listPackages().map((p) => p.folder);

/** Builds if needed (or when `force`), then links the packages under bench/node_modules. */
export function prepare({ force = false, log = console.log } = {}) {
  if (force) {
    log('bench: building packages (node scripts/build.mjs)');
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  } else {
    ensureBuilt({ log: (line) => log(`bench: ${line}`) });
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
