// The built package as apps load it, by name through package.json `exports` and `imports`: in a real Node process
// calls go over node:http / node:https without ever loading undici, keep one connection alive between calls, and
// leave nothing that keeps the process from exiting; in real Deno and Bun the same package sends with their fetch.
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from '../../../scripts/test-helpers/ensure-built.ts';

const run = promisify(execFile);
const coreDir = fileURLToPath(new URL('..', import.meta.url));
const fixture = (name: string) => join(coreDir, 'test/resilience/fixtures', name);

let connections = 0;
let requests = 0;
const answer = (_req: IncomingMessage, res: ServerResponse) => {
  requests++;
  res.writeHead(200, { 'content-type': 'application/json', 'x-bce-request-id': `r-${requests}` });
  res.end(JSON.stringify({ n: requests }));
};
const plain = createServer(answer);
const tls = createTlsServer(
  {
    key: readFileSync(fixture('self-signed-test-only.key.pem')),
    cert: readFileSync(fixture('self-signed-test-only.cert.pem')),
  },
  answer,
);
// Idle connections stay open on the server side for a minute: only the client can let the process end sooner.
plain.keepAliveTimeout = 60_000;
tls.keepAliveTimeout = 60_000;
plain.on('connection', () => connections++);
const originOf = (server: Server, scheme: string) => `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}`;

beforeAll(async () => {
  await ensureBuilt();
  plain.listen(0, '127.0.0.1');
  tls.listen(0, '127.0.0.1');
  await Promise.all([once(plain, 'listening'), once(tls, 'listening')]);
}, 120_000);
afterAll(async () => {
  for (const server of [plain, tls]) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const CREDENTIALS = "{ accessKeyId: 'AKIDTEST0001', secretAccessKey: 'secret-key-0001' }";
const GET = "{ method: 'GET', path: ['v1', 'peerconn', 'peerconn-a1'] }";

describe('Node, the built package', () => {
  it('sends over node:http and node:https, keeps one connection alive, never loads undici, and lets the process exit', async () => {
    const script = `
const { createClient } = await import('@bcekit/core');
const credentials = ${CREDENTIALS};
const plain = createClient({ endpoint: process.env.PLAIN, credentials, retry: 0 });
const tls = createClient({ endpoint: process.env.TLS, credentials, retry: 0 });
const values = [await plain.send(${GET}), await plain.send(${GET}), await tls.send(${GET})];
const { $metadata } = await plain.sendWithMetadata(${GET});
setImmediate(() => console.log(JSON.stringify({
  resolved: import.meta.resolve('@bcekit/core'),
  values,
  requestId: $metadata.requestId,
  undici: process.moduleLoadList.filter((name) => name.includes('undici')),
  sockets: process.getActiveResourcesInfo().filter((name) => name.includes('TCP') || name.includes('TLS')),
})));
`;
    const before = { connections, requests };
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
      cwd: coreDir,
      // The test certificate (a CA for 127.0.0.1) is trusted by this process only.
      env: {
        ...process.env,
        PLAIN: originOf(plain, 'http'),
        TLS: originOf(tls, 'https'),
        NODE_EXTRA_CA_CERTS: fixture('self-signed-test-only.cert.pem'),
      },
      timeout: 30_000,
    });
    const result = JSON.parse(stdout);

    expect(result.resolved).toMatch(/\/packages\/core\/dist\/node\/index\.js$/);
    expect(result.values).toEqual([{ n: before.requests + 1 }, { n: before.requests + 2 }, { n: before.requests + 3 }]);
    expect(result.requestId).toBe(`r-${before.requests + 4}`);
    expect(result.undici).toEqual([]);
    // Idle kept-alive sockets are there but do not hold the process (it exited above, a minute before the server
    // would have closed them).
    expect(result.sockets).toEqual([]);
    expect(connections - before.connections).toBe(1);
  });
});

// Deno and Bun match the `node` condition when they load npm packages; they must keep their own fetch.
const DENO = join(ROOT, 'node_modules/.bin/deno');
const BUN = join(ROOT, 'node_modules/.bin/bun');

describe.each([
  ['Deno', DENO, ['run', '--allow-net=127.0.0.1', '--allow-env=PLAIN', '--allow-read']],
  ['Bun', BUN, []],
])('%s, the built package', (name, bin, args) => {
  const app = mkdtempSync(join(tmpdir(), `bcekit-${name.toLowerCase()}-`));
  afterAll(() => rmSync(app, { recursive: true, force: true }));

  it.skipIf(!existsSync(bin))(
    `sends with ${name}'s fetch, through import and require (not run without ${bin})`,
    async () => {
      // An app with @bcekit/core installed (linked, as the bench does), loading it by name.
      mkdirSync(join(app, 'node_modules/@bcekit'), { recursive: true });
      symlinkSync(coreDir, join(app, 'node_modules/@bcekit/core'), 'dir');
      writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
      writeFileSync(
        join(app, 'main.js'),
        `import { createRequire } from 'node:module';
const native = globalThis.fetch;
let calls = 0;
globalThis.fetch = (...args) => { calls++; return native(...args); };
const esm = await import('@bcekit/core');
const cjs = createRequire(import.meta.url)('@bcekit/core');
const values = [];
for (const { createClient } of [esm, cjs]) {
  values.push(await createClient({ endpoint: process.env.PLAIN, credentials: ${CREDENTIALS}, retry: 0 }).send(${GET}));
}
console.log(JSON.stringify({ resolved: import.meta.resolve('@bcekit/core'), values, calls }));
`,
      );
      const before = requests;

      const { stdout } = await run(bin, [...args, 'main.js'], {
        cwd: app,
        env: { ...process.env, PLAIN: originOf(plain, 'http') },
        timeout: 60_000,
      });
      const result = JSON.parse(stdout.trim().split('\n').pop()!);

      expect(result.resolved).toMatch(/\/core\/dist\/node\/index\.js$/);
      expect(result.values).toEqual([{ n: before + 1 }, { n: before + 2 }]);
      expect(result.calls).toBe(2);
    },
    90_000,
  );
});
