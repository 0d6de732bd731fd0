// Builds the packages with each one's rollup config, dependencies first:
//   node scripts/build.mjs                 every package under packages/
//   node scripts/build.mjs core peerconn   only these (folder names)
//   node scripts/build.mjs --if-stale      only those whose dist is out of date (scripts/lib/ensure-built.mjs)
// Each successful build writes the stamp that the build-if-stale policy reads.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt, writeStamp } from './lib/ensure-built.mjs';
import { listPackages } from './lib/packages.mjs';

const args = process.argv.slice(2);
if (args.includes('--if-stale')) {
  const built = ensureBuilt();
  if (built.length === 0) console.log('build: every package is up to date');
} else {
  const rollup = fileURLToPath(new URL('../node_modules/rollup/dist/bin/rollup', import.meta.url));
  const all = listPackages();
  const unknown = args.filter((name) => !all.some((p) => p.folder === name));
  if (unknown.length > 0) {
    console.error(`build: no package folder ${unknown.join(', ')} under packages/`);
    process.exit(1);
  }
  for (const p of all.filter((p) => args.length === 0 || args.includes(p.folder))) {
    const started = Date.now();
    // From scratch: a chunk renamed by this build must not linger (and be packed) beside the new one.
    rmSync(join(p.dir, 'dist'), { recursive: true, force: true });
    execFileSync(process.execPath, [rollup, '-c', '--silent'], { cwd: p.dir, stdio: 'inherit' });
    writeStamp(p.folder, started);
    console.log(`build: ${p.name} in ${Date.now() - started} ms`);
  }
}
