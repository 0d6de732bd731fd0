// The one "build if stale" policy, used by every script and test that loads the built packages (dist/):
// a package is rebuilt when one of its export targets is missing, when it has no build stamp, or when one of its
// inputs (src/, package.json, tsconfig.json, rollup.config.mjs, the shared scripts/rollup-package.mjs) changed after
// the build that wrote the stamp started; for @bcekit/core, whose node build carries the valibot functions that the
// other packages call (scripts/rollup-package.mjs), the src/ of every package depending on valibot counts too.
// scripts/build.mjs writes the stamp once a package's build succeeded, so a failed or interrupted build is never
// taken for a fresh one. Only the stale packages are rebuilt: `@bcekit/*` dependencies stay external in every
// output, so a package's dist does not depend on another package's.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listPackages, ROOT } from './packages.mjs';

const STAMPS = join(ROOT, 'node_modules/.cache/bcekit-build');
const LOCK = join(STAMPS, '.lock');
const SHARED_INPUTS = ['scripts/rollup-package.mjs'].map((path) => join(ROOT, path));

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Every file the package's `exports` point at (import, require, types), relative to its folder. */
function exportTargets(pkg) {
  const targets = [];
  const walk = (value) => {
    if (typeof value === 'string') targets.push(value);
    else if (value && typeof value === 'object') for (const inner of Object.values(value)) walk(inner);
  };
  walk(pkg.exports ?? pkg.main ?? './dist/esm/index.js');
  return targets.filter((target) => target.startsWith('./dist/'));
}

/** Why `p` (an entry of listPackages()) must be rebuilt, or `null` when its dist is up to date. */
export function staleReason(p) {
  const missing = exportTargets(p.pkg).find((target) => !existsSync(join(p.dir, target)));
  if (missing) return `${missing} is missing`;
  const stampFile = join(STAMPS, `${p.folder}.json`);
  if (!existsSync(stampFile)) return 'no build stamp';
  const { started } = JSON.parse(readFileSync(stampFile, 'utf8'));
  const inputs = ['src', 'package.json', 'tsconfig.json', 'rollup.config.mjs'].map((path) => join(p.dir, path));
  if (p.name === '@bcekit/core')
    for (const other of listPackages()) if (other.pkg.dependencies?.valibot) inputs.push(join(other.dir, 'src'));
  const newest = Math.max(...[...inputs, ...SHARED_INPUTS].map(newestMtime));
  return newest > started ? 'sources changed since the last build' : null;
}

/** Records that `folder`'s build, started at `started` (ms since the epoch), succeeded. For scripts/build.mjs. */
export function writeStamp(folder, started) {
  mkdirSync(STAMPS, { recursive: true });
  writeFileSync(join(STAMPS, `${folder}.json`), JSON.stringify({ started }));
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Builds the packages whose dist is stale (see the policy above) and returns their folder names (empty when all are
 * up to date). Synchronous, so that sync scripts can call it; several processes may call it at once (vitest
 * projects, test files): one builds under a lock directory, the others wait for it and then find nothing stale.
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {string[]}
 */
export function ensureBuilt({ log = console.log } = {}) {
  const stale = () => listPackages().filter((p) => staleReason(p) !== null);
  if (stale().length === 0) return [];
  mkdirSync(STAMPS, { recursive: true });
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      if (waited > 180_000) throw new Error(`ensureBuilt: ${LOCK} held for 3 minutes; remove it if no build runs`);
      sleep(200);
    }
  }
  try {
    const todo = stale();
    if (todo.length === 0) return [];
    log(`build: ${todo.map((p) => `${p.name} (${staleReason(p)})`).join(', ')}`);
    const folders = todo.map((p) => p.folder);
    execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), ...folders], { cwd: ROOT, stdio: 'inherit' });
    return folders;
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
