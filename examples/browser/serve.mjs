// Dev server of the browser example: `node examples/browser/serve.mjs [port]` after building the bundle.
//
// - serves index.html and dist/app.js on 127.0.0.1;
// - runs the bcekit emulator on another 127.0.0.1 port (it answers CORS, so the page calls it directly);
// - POST /sts hands out temporary credentials for the fixture account alice. This route stands for YOUR
//   backend: it authenticates the user, calls Baidu STS with a key that never leaves the server, and returns
//   { accessKeyId, secretAccessKey, sessionToken, expiration }. The page never sees a permanent key.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createEmulator, FIXTURE_ACCOUNTS } from '@bcekit/emulator';

const file = (/** @type {string} */ path) => fileURLToPath(new URL(path, import.meta.url));
const CREDENTIALS_LIFETIME_MS = 60 * 60 * 1000;

/**
 * Starts the emulator and the page server.
 * @param {{ port?: number, emulatorPort?: number, accountId?: string, emulatorOptions?: import('@bcekit/emulator').EmulatorOptions }} [options]
 * @returns {Promise<{ url: string, emulatorUrl: string, emulator: import('@bcekit/emulator').Emulator, issued: string[], close(): Promise<void> }>}
 */
export async function startServer(options = {}) {
  const emulator = createEmulator(options.emulatorOptions);
  const api = await emulator.listen({ port: options.emulatorPort ?? 0 });
  const accountId = options.accountId ?? FIXTURE_ACCOUNTS[0].accountId;
  /** Session tokens handed out, newest last (tests check the page signed with them). */
  /** @type {string[]} */
  const issued = [];

  /**
   * @param {import('node:http').ServerResponse} res
   * @param {number} status
   * @param {string} type
   * @param {string | Uint8Array} body
   */
  const send = (res, status, type, body) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
  };
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = async () => {
      if (req.method === 'GET' && (pathname === '/' || pathname === '/index.html')) {
        const html = await readFile(file('./index.html'), 'utf8');
        const page = html.replace(
          '<meta name="bce-endpoint" content="" />',
          `<meta name="bce-endpoint" content="${api.url}" />`,
        );
        return send(res, 200, 'text/html; charset=utf-8', page);
      }
      if (req.method === 'GET' && (pathname === '/app.js' || pathname === '/app.js.map')) {
        const body = await readFile(file(`./dist${pathname}`)).catch(() => undefined);
        if (!body)
          return send(res, 404, 'text/plain', 'dist/app.js is missing: run `pnpm exec rollup -c` in examples/browser');
        return send(res, 200, pathname.endsWith('.js') ? 'text/javascript' : 'application/json', body);
      }
      if (req.method === 'POST' && pathname === '/sts') {
        // Your backend: check who is asking, then call STS (GetSessionToken / AssumeRole) with the server's key.
        const credentials = emulator.issueTemporaryCredentials(accountId);
        issued.push(credentials.sessionToken);
        const expiration = new Date(Date.now() + CREDENTIALS_LIFETIME_MS).toISOString();
        return send(res, 200, 'application/json', JSON.stringify({ ...credentials, expiration, accountId }));
      }
      return send(res, 404, 'text/plain', 'not found');
    };
    route().catch((error) => send(res, 500, 'text/plain', String(error)));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve(undefined));
  });
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}/`,
    emulatorUrl: api.url,
    emulator,
    issued,
    close: async () => {
      await new Promise((resolve) => {
        server.close(() => resolve(undefined));
        server.closeAllConnections();
      });
      await api.close();
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { url, emulatorUrl, close } = await startServer({ port: Number(process.argv[2] ?? 8080) });
  console.log(`peer connection viewer: ${url}\nemulator: ${emulatorUrl} (Ctrl-C to stop)`);
  process.on('SIGINT', () => close().then(() => process.exit(0)));
}
