// Builds the packages in dependency order (signer -> core -> peerconn) with each one's rollup config.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const rollup = fileURLToPath(new URL('../node_modules/rollup/dist/bin/rollup', import.meta.url));
for (const name of ['signer', 'core', 'peerconn']) {
  const started = performance.now();
  execFileSync(process.execPath, [rollup, '-c', '--silent'], { cwd: `${root}packages/${name}`, stdio: 'inherit' });
  console.log(`build: @bcekit/${name} in ${Math.round(performance.now() - started)} ms`);
}
