// Node's default transport (node:http / node:https, src/transport/node-http-transport.ts) against real servers on
// 127.0.0.1 started here: what goes on the wire, how bodies come back, aborts, caps, redirects, resets, keep-alive.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { timerAt } from '../../../scripts/test-helpers/timers.ts';
import { readCappedText } from '../src/errors/from-response.ts';
import { BceNetworkError, BceTimeoutError, createClient } from '../src/index.ts';
import { createTransport } from '../src/transport/default-transport.ts';
import type { TransportRequest } from '../src/transport/fetch-transport.ts';
import { nodeHttpTransport } from '../src/transport/node-http-transport.ts';
import { clientEvents, deliveredTo, waitable } from './helpers/client-events.ts';
import { STATIC } from './helpers/credentials.ts';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

interface Served {
  origin: string;
  seen: Seen[];
  /** Connections the server accepted. */
  connections: Socket[];
  close(): Promise<void>;
}

const servers: Served[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A node:http server on 127.0.0.1 that records each request (body included) and answers with `handler`. */
async function serve(handler: (req: IncomingMessage, res: ServerResponse, seen: Seen) => void): Promise<Served> {
  const seen: Seen[] = [];
  const connections: Socket[] = [];
  const server: Server = createServer((req, res) => {
    res.on('error', () => {});
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const entry = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) };
      seen.push(entry);
      handler(req, res, entry);
    });
  });
  server.on('connection', (socket: Socket) => {
    connections.push(socket);
    // The client drops connections on purpose (a cap, an abort): a reset is expected here, on either side.
    socket.on('error', () => {});
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const served: Served = {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    connections,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  servers.push(served);
  return served;
}

/** Resolves once the socket is closed (`events.once` would reject on the reset that may come first). */
function closed(socket: Socket): Promise<void> {
  return socket.destroyed ? Promise.resolve() : new Promise((resolve) => socket.once('close', () => resolve()));
}

function attempt(url: string, more: Partial<TransportRequest> = {}): TransportRequest {
  return { url, method: 'GET', headers: {}, body: undefined, signal: new AbortController().signal, ...more };
}

const GET = { method: 'GET', path: ['v1', 'peerconn', 'peerconn-a1'] } as const;
const client = (endpoint: string, more: object = {}) =>
  // A timeout a loaded machine does not reach by itself (the test's own comes later); the timeout test fires its own.
  createClient({ endpoint, credentials: STATIC, retry: 0, timeout: 15_000, ...more });

describe('what the Node transport sends', () => {
  it('sends a string body as UTF-8 with its byte length as Content-Length, never chunked', async () => {
    const server = await serve((_req, res) => res.end('{}'));
    const body = '{"description":"北京 → 广州 ✓"}';

    const response = await nodeHttpTransport(
      attempt(`${server.origin}/v1/peerconn?clientToken=t1`, {
        method: 'POST',
        headers: { 'content-type': 'application/json;charset=utf-8', 'x-bce-date': '2026-11-30T00:00:00Z' },
        body,
      }),
    );
    await readCappedText(response, 1024);

    const [request] = server.seen;
    expect(request!.method).toBe('POST');
    expect(request!.url).toBe('/v1/peerconn?clientToken=t1');
    expect(request!.body.toString('utf8')).toBe(body);
    expect(request!.headers['content-length']).toBe(String(Buffer.byteLength(body, 'utf8')));
    expect(Number(request!.headers['content-length'])).toBeGreaterThan(body.length);
    expect(request!.headers['transfer-encoding']).toBeUndefined();
    expect(request!.headers['host']).toBe(new URL(server.origin).host);
    expect(request!.headers['x-bce-date']).toBe('2026-11-30T00:00:00Z');
  });

  it('sends the signed Content-Length for a byte body, and none for a GET without a body', async () => {
    const server = await serve((_req, res) => res.end());
    const bytes = new Uint8Array([0, 1, 2, 250, 251]);

    await readCappedText(await nodeHttpTransport(attempt(server.origin, { method: 'PUT', body: bytes })), 10);
    await readCappedText(await nodeHttpTransport(attempt(server.origin)), 10);

    expect(server.seen[0]!.headers['content-length']).toBe('5');
    expect([...server.seen[0]!.body]).toEqual([0, 1, 2, 250, 251]);
    expect(server.seen[1]!.headers['content-length']).toBeUndefined();
    expect(server.seen[1]!.headers['transfer-encoding']).toBeUndefined();
  });

  it('signs what it sends: the server verifies a POST through createClient', async () => {
    const server = await serve((_req, res) => res.end('{"peerConnId":"peerconn-x"}'));
    const value = await client(server.origin).send({
      method: 'POST',
      path: ['v1', 'peerconn'],
      query: { clientToken: 'tok-1' },
      body: { description: '中文' },
    });

    expect(value).toEqual({ peerConnId: 'peerconn-x' });
    const sent = server.seen[0]!;
    expect(sent.headers['content-length']).toBe(String(sent.body.byteLength));
    expect(sent.headers['authorization']).toMatch(/^bce-auth-v1\/.+\/content-length;content-type;host;x-bce-date\//);
  });
});

describe('what the Node transport reads', () => {
  it('reads a Content-Length body and a chunked body whole, with status, statusText and headers', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/chunked') {
        res.writeHead(201, 'Made', { 'x-bce-request-id': 'r-2' });
        res.write('{"a":');
        setImmediate(() => res.end('"é"}'));
      } else {
        res.writeHead(200, { 'content-length': '7', 'Set-Thing': ['one', 'two'], 'X-Bce-Request-Id': 'r-1' });
        res.end('{"a":1}');
      }
    });

    const plain = await nodeHttpTransport(attempt(server.origin));
    const chunked = await nodeHttpTransport(attempt(`${server.origin}/chunked`));

    expect([plain.status, plain.statusText]).toEqual([200, 'OK']);
    expect(plain.headers.get('X-BCE-REQUEST-ID')).toBe('r-1');
    expect(plain.headers.get('set-thing')).toBe('one, two');
    expect(plain.headers.get('absent')).toBeNull();
    expect(new Headers([...plain.headers]).get('set-thing')).toBe('one, two');
    expect(await readCappedText(plain, 100)).toEqual({ text: '{"a":1}', complete: true, overLimit: false });
    expect([chunked.status, chunked.statusText, chunked.headers.get('transfer-encoding')]).toEqual([
      201,
      'Made',
      'chunked',
    ]);
    expect(await readCappedText(chunked, 100)).toEqual({ text: '{"a":"é"}', complete: true, overLimit: false });
  });

  it('decodes a gzip body, as fetch does', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(gzipSync('{"peerConnId":"peerconn-gz"}'));
    });

    expect(await client(server.origin).send(GET)).toEqual({ peerConnId: 'peerconn-gz' });
    expect(server.seen[0]!.headers['accept-encoding']).toBe('gzip, deflate');
  });

  it('decodes nothing where there is no body (204, 304, HEAD), whatever Content-Encoding says', async () => {
    const server = await serve((req, res) => {
      res.writeHead(req.method === 'HEAD' ? 200 : Number(req.url!.slice(1)), { 'content-encoding': 'gzip' });
      res.end();
    });

    for (const [path, method, status] of [
      ['/204', 'GET', 204],
      ['/304', 'GET', 304],
      ['/', 'HEAD', 200],
    ] as const) {
      const response = await nodeHttpTransport(attempt(`${server.origin}${path}`, { method }));
      expect(response.status).toBe(status);
      expect(await readCappedText(response, 100)).toEqual({ text: '', complete: true, overLimit: false });
    }
  });

  it('stops at the cap and drops the connection instead of reading an endless body', async () => {
    let written = 0;
    const server = await serve((_req, res) => {
      res.writeHead(200);
      const chunk = Buffer.alloc(16 * 1024, 'x');
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) written += chunk.byteLength;
      };
      res.on('drain', pump);
      pump();
    });

    const read = await readCappedText(await nodeHttpTransport(attempt(server.origin)), 100_000);

    expect(read).toMatchObject({ complete: false, overLimit: true });
    expect(read.text).toHaveLength(100_000);
    const socket = server.connections[0]!;
    await closed(socket);
    // The server stopped once its buffers were full: far less than an endless body.
    expect(written).toBeLessThan(50 * 1024 * 1024);
  });

  it('gives the redirect as the answer and never follows it', async () => {
    const elsewhere = await serve((_req, res) => res.end('{}'));
    const server = await serve((_req, res) => {
      res.writeHead(302, { location: `${elsewhere.origin}/v1/peerconn` });
      res.end();
    });

    const response = await nodeHttpTransport(attempt(server.origin, { headers: { authorization: 'bce-auth-v1/x' } }));
    await readCappedText(response, 100);

    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`${elsewhere.origin}/v1/peerconn`);
    expect(elsewhere.seen).toHaveLength(0);
  });
});

describe('aborts, timeouts and broken connections', () => {
  it('rejects with the abort when the signal fires before the answer, and closes the connection', async () => {
    const arrived = waitable<void>();
    const server = await serve(() => arrived.push());
    const controller = new AbortController();
    const pending = nodeHttpTransport(attempt(server.origin, { signal: controller.signal }));
    await arrived.at(0);

    controller.abort(new Error('stop'));

    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    const socket = server.connections[0]!;
    await closed(socket);
    expect(socket.destroyed).toBe(true);
  });

  it('fails the body read when the signal fires in the middle of it', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('{"half":');
    });
    const controller = new AbortController();
    const response = await nodeHttpTransport(attempt(server.origin, { signal: controller.signal }));
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('{"half":');

    const next = reader.read();
    controller.abort(new Error('stop'));

    await expect(next).rejects.toBeDefined();
    const read = await readCappedText(response, 1000);
    expect(read.complete).toBe(false);
  });

  it('times out a call whose body never ends (BceTimeoutError), through createClient', async () => {
    const answering = waitable<ServerResponse>();
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.flushHeaders();
      answering.push(res);
    });
    const events = clientEvents();
    const timer = timerAt(600_008);

    const call = client(server.origin, { timeout: 600_008 })
      .send(GET)
      .catch((e: unknown) => e);
    // The headers are in, then the start of the body: the timeout fired now cuts the body read, not the wait for an
    // answer (which a real 300 ms timer could do on a busy machine).
    const [socket, res] = await Promise.all([events.headers(0), answering.at(0)]);
    events.stop();
    await deliveredTo(socket, () => new Promise((resolve) => res.write('{"a":', (e) => resolve(!e))));
    timer.fire();
    const error = await call;

    expect(error).toBeInstanceOf(BceTimeoutError);
    // The client dropped the connection it was reading from.
    await closed(server.connections[0]!);
    expect(server.connections).toHaveLength(1);
  });

  it('gives BceNetworkError for a reset connection, before the answer and in the middle of the body', async () => {
    const before = await serve((req) => req.socket.resetAndDestroy());
    const during = await serve((req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('{"a":', () => req.socket.resetAndDestroy());
    });

    const first = await client(before.origin)
      .send(GET)
      .catch((e: unknown) => e);
    const second = await client(during.origin)
      .send(GET)
      .catch((e: unknown) => e);

    expect(first).toBeInstanceOf(BceNetworkError);
    expect((first as Error).message).toMatch(/ECONNRESET|socket hang up/);
    expect(second).toBeInstanceOf(BceNetworkError);
  });

  it('gives BceNetworkError when nothing listens', async () => {
    const server = await serve(() => {});
    await server.close();

    const error = await client(server.origin)
      .send(GET)
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(BceNetworkError);
    expect((error as Error).message).toContain('ECONNREFUSED');
  });
});

describe('connections', () => {
  it('reuses one kept-alive connection for calls in a row', async () => {
    const server = await serve((_req, res) => res.end('{"ok":true}'));
    const c = client(server.origin);

    for (let i = 0; i < 3; i++) expect(await c.send(GET)).toEqual({ ok: true });

    expect(server.seen).toHaveLength(3);
    expect(server.connections).toHaveLength(1);
    expect(server.seen[0]!.headers['connection']).toBe('keep-alive');
  });
});

describe('which transport a client takes', () => {
  it('in Node: node:http without a fetch option, the given fetch otherwise', async () => {
    const server = await serve((_req, res) => res.end('{"via":"server"}'));
    const calls: string[] = [];
    const given: typeof fetch = async (input) => {
      calls.push(String(input));
      return new Response('{"via":"given"}', { status: 200 });
    };

    expect(createTransport(undefined)).toBe(nodeHttpTransport);
    expect(await client(server.origin, { fetch: given }).send(GET)).toEqual({ via: 'given' });
    expect(calls).toEqual([`${server.origin}/v1/peerconn/peerconn-a1`]);
    expect(server.seen).toHaveLength(0);
  });

  it.each(['deno', 'bun'])('in %s (process.versions names it): the runtime fetch', (runtime) => {
    const versions = process.versions as Record<string, string | undefined>;
    versions[runtime] = '2.0.0';
    try {
      expect(createTransport(undefined)).not.toBe(nodeHttpTransport);
    } finally {
      delete versions[runtime];
    }
    expect(createTransport(undefined)).toBe(nodeHttpTransport);
  });
});
