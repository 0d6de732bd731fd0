import type { AddressInfo } from 'node:net';
import { createServer, type Socket } from 'node:net';
import { expect } from 'vitest';
import { type BceClient, type ClientOptions, createClient } from '../../src/index.ts';
import { waitable } from '../helpers/client-events.ts';
import { SESSION_TOKEN, SK, WITH_TOKEN } from '../helpers/credentials.ts';
import { expectNoSecrets, recordingLogger } from '../helpers/secret-scan.ts';
import type { Received, Responder } from '../helpers/test-server.ts';

/**
 * A client with STS credentials (so the session token is in play) and a logger that records every line at
 * every level, debug included, for the secret scan.
 */
export function hostileClient(endpoint: string, options: Partial<ClientOptions> = {}) {
  const { lines, logger } = recordingLogger();
  const client: BceClient = createClient({
    endpoint,
    credentials: WITH_TOKEN,
    retry: { limit: 0, baseDelay: 0, maxDelay: 0 },
    // Long enough for a busy machine: the tests about timeouts set their own.
    timeout: 10_000,
    logger,
    ...options,
  });
  return {
    client,
    lines,
    /** Scans the error, its stack, its JSON and every log line for any secret the requests carried. */
    expectClean: (error: unknown, received: readonly Received[] = []) => {
      expect(lines.length).toBeGreaterThan(0);
      expectNoSecrets(error, lines, received);
      expectNoSecretFragments([String(error), JSON.stringify(error), (error as Error)?.stack ?? '', ...lines]);
    },
  };
}

/** Streams `total` bytes of `fill` in 64 KiB chunks, respecting backpressure; `sent()` tells how many went out. */
export function streamed(status: number, total: number, headers: Record<string, string> = {}, fill = 'x') {
  let written = 0;
  const chunk = Buffer.alloc(64 * 1024, fill);
  const responder: Responder = (_req, res) => {
    res.writeHead(status, { 'content-type': 'text/plain', ...headers });
    const pump = () => {
      while (written < total && !res.destroyed) {
        written += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      if (!res.destroyed) res.end();
    };
    res.on('error', () => {});
    pump();
  };
  return { responder, sent: () => written };
}

/** One answer of {@link trickle}: its headers and first body byte are out. */
export interface Trickling {
  /** Writes the next byte of the body; false once the client is gone or the body is all out. */
  drip(): Promise<boolean>;
  /** Resolves when the connection closes (before the whole body went out: the client dropped it). */
  closed: Promise<void>;
  /** Body bytes written so far. */
  sent(): number;
}

/**
 * Answers each request with the headers and the first byte of `body`, then one more byte each time the test calls
 * `drip()`: the test, not a timer, decides when bytes go, so no load can reorder them. `answered(i)` resolves once
 * the i-th request's headers and first byte are written.
 */
export function trickle(status: number, body = '{"peerConnId":"peerconn-slow"}') {
  const answers = waitable<Trickling>();
  const responder: Responder = (_req, res) => {
    let sent = 0;
    const closed = new Promise<void>((resolve) => res.on('close', () => resolve()));
    const drip = () =>
      new Promise<boolean>((resolve) => {
        if (res.destroyed || sent >= body.length) return resolve(false);
        res.write(body[sent++]!, (error) => resolve(!error));
      });
    res.on('error', () => {});
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(body.length) });
    void drip().then(() => answers.push({ drip, closed, sent: () => sent }));
  };
  return { responder, body, answered: answers.at };
}

/** A TCP server on 127.0.0.1 that answers each request with raw bytes, for responses node:http cannot make. */
export async function startRawServer(answer: (socket: Socket) => void) {
  let requests = 0;
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
    socket.once('data', () => {
      requests++;
      answer(socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Stricter than a whole-value scan: not even 12 consecutive characters of the secret key or session token. */
export function expectNoSecretFragments(texts: readonly string[], secrets: readonly string[] = [SK, SESSION_TOKEN]) {
  for (const secret of secrets) {
    for (let i = 0; i + 12 <= secret.length; i++) {
      const fragment = secret.slice(i, i + 12);
      for (const text of texts) expect(text, `fragment ${fragment}`).not.toContain(fragment);
    }
  }
}
