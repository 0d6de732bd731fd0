import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sign } from '@bcekit/signer';
import { SK } from './credentials.ts';

/** One request as the server received it, with the verdict on its signature. */
export interface Received {
  method: string;
  /** Raw request target: encoded path plus query, as on the wire. */
  url: string;
  path: string;
  rawQuery: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** Whether recomputing the Authorization with the signer gave the same value. */
  signatureValid: boolean;
  /** Milliseconds since the server started (for timing assertions). */
  at: number;
}

/** Answers one request; may also drop or ignore it. */
export type Responder = (req: IncomingMessage, res: ServerResponse, received: Received) => void;

/** A node:http server on 127.0.0.1 that records and verifies what it gets and answers from a script. */
export interface TestServer {
  origin: string;
  received: Received[];
  /** Responders used in order; the last one repeats. */
  script(...responders: Responder[]): void;
  close(): Promise<void>;
}

/** Starts a server on port 0. */
export async function startTestServer(secretAccessKey = SK): Promise<TestServer> {
  const received: Received[] = [];
  let responders: Responder[] = [json(200, {})];
  const started = Date.now();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const url = req.url ?? '/';
      const [path = '/', rawQuery = ''] = url.split('?');
      const entry: Received = {
        method: req.method ?? '',
        url,
        path,
        rawQuery,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        signatureValid: await verify(req, path, rawQuery, secretAccessKey),
        at: Date.now() - started,
      };
      received.push(entry);
      const responder = responders[Math.min(received.length - 1, responders.length - 1)]!;
      responder(req, res, entry);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    script: (...next) => {
      responders = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Recomputes the Authorization from what arrived, signing exactly the headers it names. */
async function verify(req: IncomingMessage, path: string, rawQuery: string, secretAccessKey: string): Promise<boolean> {
  const authorization = req.headers.authorization ?? '';
  const match = /^bce-auth-v1\/([^/]+)\/([^/]+)\/(\d+)\/([^/]*)\/([0-9a-f]{64})$/.exec(authorization);
  if (!match) return false;
  const [, accessKeyId, time, expiration, signedHeaders] = match as unknown as string[];
  const names = signedHeaders!.split(';').filter(Boolean);
  const headers: Record<string, string> = {};
  for (const name of names) headers[name] = String(req.headers[name] ?? '');
  const query: Record<string, string> = {};
  for (const pair of rawQuery.split('&').filter(Boolean)) {
    const [k = '', v = ''] = pair.split('=');
    query[decodeURIComponent(k)] = decodeURIComponent(v);
  }
  const token = req.headers['x-bce-security-token'];
  const expected = await sign(
    { method: req.method ?? '', path, query, headers },
    {
      credentials: {
        accessKeyId: accessKeyId!,
        secretAccessKey,
        ...(typeof token === 'string' ? { sessionToken: token } : {}),
      },
      timestamp: Date.parse(time!) / 1000,
      expirationInSeconds: Number(expiration),
      headersToSign: names,
      exactHeaders: true,
    },
  );
  return expected === authorization;
}

/** Answers with a JSON body (or none for `undefined`). */
export function json(status: number, body?: unknown, headers: Record<string, string> = {}): Responder {
  return (_req, res) => {
    const text = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(text);
  };
}

/** Answers with a raw text body. */
export function text(status: number, body: string, headers: Record<string, string> = {}): Responder {
  return (_req, res) => {
    res.writeHead(status, headers);
    res.end(body);
  };
}

/** Promises `claimed` bytes, sends `body`, then cuts the connection. */
export function truncated(status: number, body: string, claimed: number): Responder {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(claimed) });
    res.write(body);
    setTimeout(() => res.socket?.destroy(), 10);
  };
}

/** Closes the connection without answering. */
export const drop: Responder = (req) => {
  req.socket.destroy();
};

/** Never answers (until the server closes). */
export const hang: Responder = () => {};

/**
 * Never answers either, and tells the test when: `arrived` resolves once a request is in, `closed` once the client
 * closed a connection it left unanswered. Tests await these events instead of sleeping.
 */
export function held() {
  let arrive = () => {};
  let close = () => {};
  const arrived = new Promise<void>((resolve) => {
    arrive = resolve;
  });
  const closed = new Promise<void>((resolve) => {
    close = resolve;
  });
  const responder: Responder = (_req, res) => {
    res.on('close', close);
    arrive();
  };
  return { responder, arrived, closed };
}

/** A BCE error body. */
export function bceError(
  status: number,
  code: string,
  message = `${code} happened`,
  requestId = `req-${code}`,
  headers: Record<string, string> = {},
): Responder {
  return json(status, { code, message, requestId }, headers);
}
