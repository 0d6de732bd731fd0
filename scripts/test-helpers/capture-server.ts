import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type BceClient, createClient } from '@bcekit/core';
import { afterAll, beforeAll, beforeEach } from 'vitest';

/** One request as it arrived on the wire. */
export interface CapturedRequest {
  method: string;
  /** Path as sent (still percent-encoded). */
  path: string;
  /** The query string as sent, without `?`. */
  rawQuery: string;
  /** Query as key -> decoded value; a bare flag (`?accept`) and `accept=` both map to `''`. */
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** Parsed JSON body, `undefined` when empty. */
  body: unknown;
}

/** A scripted answer. */
export interface ScriptedResponse {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Responder = (request: CapturedRequest, index: number) => ScriptedResponse;

/** Credentials the tests sign with: not real, and the capture server does not check them. */
export const TEST_CREDENTIALS = {
  accessKeyId: '5f3d2c1b0a9e8d7c6b5a4f3e2d1c0b9a',
  secretAccessKey: '0123456789abcdef0123456789abcdef',
};

/** A BCE-shaped error body. */
export function serviceError(status: number, code: string, message = `${code} from the capture server`) {
  return { status, body: { code, message, requestId: 'c4abab14-0000-4000-8000-000000000001' } };
}

/**
 * An HTTP server on 127.0.0.1 (port 0) that records every request and answers from a script
 * (default: 200 `{}`).
 */
export async function startCaptureServer() {
  const requests: CapturedRequest[] = [];
  let responder: Responder = () => ({ status: 200, body: {} });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const target = req.url ?? '/';
      const mark = target.indexOf('?');
      const rawQuery = mark === -1 ? '' : target.slice(mark + 1);
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const captured: CapturedRequest = {
        method: req.method ?? '',
        path: mark === -1 ? target : target.slice(0, mark),
        rawQuery,
        query: Object.fromEntries(new URLSearchParams(rawQuery)),
        headers: req.headers,
        rawBody,
        body: rawBody === '' ? undefined : JSON.parse(rawBody),
      };
      requests.push(captured);
      const answer = responder(captured, requests.length - 1);
      const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
      res.writeHead(answer.status ?? 200, { 'content-type': 'application/json;charset=utf-8', ...answer.headers });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    requests,
    /** Answers every following request with `respond`. */
    respond(next: Responder | ScriptedResponse) {
      responder = typeof next === 'function' ? next : () => next;
    },
    reset() {
      requests.length = 0;
      responder = () => ({ status: 200, body: {} });
    },
    /** A client for this server, with retries off. */
    client(): BceClient {
      return createClient({ endpoint: url, credentials: TEST_CREDENTIALS, retry: 0 });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export type CaptureServer = Awaited<ReturnType<typeof startCaptureServer>>;

/**
 * Starts one capture server for the enclosing suite and resets it before each test. Read `.current`
 * inside tests.
 */
export function useCaptureServer(): { current: CaptureServer } {
  const holder = {} as { current: CaptureServer };
  beforeAll(async () => {
    holder.current = await startCaptureServer();
  });
  beforeEach(() => holder.current.reset());
  afterAll(() => holder.current.close());
  return holder;
}
