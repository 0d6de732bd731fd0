// Under Node, `import '@bcekit/signer'` takes the `node` condition (dist/node). Node always has native
// node:crypto, so the @noble/hashes fallback of signSync() must not be loaded on import (it was about half of the
// import cost), only when native crypto is missing. This runs the built package in a real Node process resolving
// it by name, and records the modules it loads: ESM imports with a resolve hook, require() in require.cache.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../../../scripts/test-helpers/ensure-built.ts';
import { logResolvedUrls } from '../../../scripts/test-helpers/resolve-log.ts';

const signerDir = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'bcekit-noble-'));
const log = join(work, 'loaded.txt');

const script = `
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const { signSync } = await import('@bcekit/signer');
// import goes through the resolve hook; require (how the fallback loads on demand) fills require.cache.
const { cache } = createRequire(import.meta.url);
const nobleLoaded = () =>
  readFileSync(${JSON.stringify(log)}, 'utf8').includes('@noble/hashes') ||
  Object.keys(cache).some((path) => path.includes('@noble/hashes') || path.includes('hmac-noble'));
const request = { method: 'POST', path: '/v1/peerconn', query: { clientToken: 't' }, headers: { host: 'bcc.bj.baidubce.com' } };
const options = () => ({ credentials: { accessKeyId: 'ak', secretAccessKey: 'sk' }, timestamp: 1700450281 });
const resolved = import.meta.resolve('@bcekit/signer');
const native = signSync(request, options());
const afterNative = nobleLoaded();
process.getBuiltinModule = undefined;
const noble = signSync(request, options());
const afterNoble = nobleLoaded();
console.log(JSON.stringify({ resolved, native, noble, afterNative, afterNoble }));
`;

describe('the node build loads @noble/hashes only when it is used', () => {
  beforeAll(ensureBuilt, 120_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('signSync() signs with node:crypto without loading @noble/hashes, and loads it once native crypto is gone', () => {
    const out = execFileSync(process.execPath, [...logResolvedUrls(log), '--input-type=module', '-e', script], {
      cwd: signerDir,
      encoding: 'utf8',
    });
    const result = JSON.parse(out);

    expect(result.resolved).toMatch(/\/packages\/signer\/dist\/node\/index\.js$/);
    expect(readFileSync(log, 'utf8')).toContain('/packages/signer/dist/node/index.js');
    expect(result.afterNative).toBe(false);
    expect(result.afterNoble).toBe(true);
    // The vector of fallback.test.ts: both back ends give the same, correct value.
    expect(result.native).toBe(
      'bce-auth-v1/ak/2023-11-20T03:18:01Z/1800/host/134c3879e4c1eec8154b000103622b4da8a2583f9c01eb7779b0bb48127f96a0',
    );
    expect(result.noble).toBe(result.native);
  });
});
