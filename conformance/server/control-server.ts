// The node side of every runner: the emulator over node:http on 127.0.0.1, with a small control route in front
// (`/__control/*`) so that a runtime that cannot reach the emulator object (browser, workerd, deno, bun) can
// make its own accounts and inject faults. Everything else goes to `emulator.handle`.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createEmulator, type Emulator, type FaultSpec } from '@bcekit/peerconn/testing';

/** A running conformance server. */
export interface ConformanceServer {
  url: string;
  emulator: Emulator;
  close(): Promise<void>;
}

/** Fast transitions, so waiters are exercised for real without slowing the suite. */
const TRANSITION_MS = 150;

const CONTROL_CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'content-type',
};
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'expect']);

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { ...CONTROL_CORS, 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
}

function control(emulator: Emulator, route: string, body: Record<string, unknown>): unknown {
  if (route === 'account') {
    const { accountId, accessKeyId, secretAccessKey } = emulator.addAccount();
    const regions = Array.isArray(body.regions) ? (body.regions as string[]) : [];
    const vpcIds = regions.map((region) => emulator.addVpc({ accountId, region }).vpcId);
    const credentials = body.temporary
      ? emulator.issueTemporaryCredentials(accountId)
      : { accessKeyId, secretAccessKey };
    return { accountId, credentials, vpcIds };
  }
  if (route === 'fault') {
    emulator.faults.inject(body as FaultSpec);
    return { pending: emulator.faults.pending() };
  }
  throw new Error(`unknown control route ${route}`);
}

async function toRequest(req: IncomingMessage, body: Buffer, signal: AbortSignal): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = req.method ?? 'GET';
  const init: RequestInit = { method, headers, signal };
  if (method !== 'GET' && method !== 'HEAD') init.body = new Uint8Array(body);
  return new Request(new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`), init);
}

async function serve(emulator: Emulator, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  if (path.startsWith('/__control/')) {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CONTROL_CORS);
      res.end();
      return;
    }
    const text = (await readBody(req)).toString('utf8');
    try {
      sendJson(res, 200, control(emulator, path.slice('/__control/'.length), text ? JSON.parse(text) : {}));
    } catch (error) {
      sendJson(res, 400, { error: String(error) });
    }
    return;
  }
  // A client that gives up (abort, timeout) closes the socket: end the emulator's injected delay with it.
  const gone = new AbortController();
  res.on('close', () => gone.abort());
  const response = await emulator.handle(await toRequest(req, await readBody(req), gone.signal));
  if (response.type === 'error') {
    req.socket.destroy();
    return;
  }
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  res.writeHead(response.status, headers);
  res.end(bytes);
}

/** Starts an emulator (fast transitions) and its control route on 127.0.0.1, on a free port. */
export async function startConformanceServer(): Promise<ConformanceServer> {
  const emulator = createEmulator({
    transitions: {
      creating: TRANSITION_MS,
      updating: TRANSITION_MS,
      deleting: TRANSITION_MS,
      dnsSyncing: TRANSITION_MS,
      dnsClosing: TRANSITION_MS,
    },
  });
  const server = createServer((req, res) => {
    serve(emulator, req, res).catch(() => req.socket.destroy());
  });
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    emulator,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
