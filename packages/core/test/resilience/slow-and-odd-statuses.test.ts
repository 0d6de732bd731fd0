import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BceNetworkError, BceServiceError, BceTimeoutError } from '../../src/index.ts';
import { rejection } from '../helpers/secret-scan.ts';
import { json, startTestServer, type TestServer, text } from '../helpers/test-server.ts';
import { hostileClient, startRawServer, trickle } from './hostile.ts';

const GET = { method: 'GET', path: ['v1', 'peerconn', 'peerconn-a1'], query: { clientToken: 'tok-odd' } } as const;
const ONE_RETRY = { limit: 1, baseDelay: 0, maxDelay: 0 };

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

describe('a server that trickles bytes', () => {
  it('times out each attempt of a trickled success body', async () => {
    server.script(trickle(200, 200));
    const { client, expectClean } = hostileClient(server.origin, { timeout: 500, retry: ONE_RETRY });

    // The body takes 6 s to trickle in: a timeout error after two attempts means the 500 ms timeout cut each read.
    const error = await rejection(client.send(GET));

    expect(error).toBeInstanceOf(BceTimeoutError);
    expect(error).toMatchObject({ attempts: 2, timeout: 500, clientToken: 'tok-odd' });
    expect(server.received).toHaveLength(2);
    expectClean(error, server.received);
  });

  it('times out a trickled error body too', async () => {
    server.script(trickle(500, 200, '{"code":"InternalError","message":"slow"}'));
    const { client, expectClean } = hostileClient(server.origin, { timeout: 500 });

    const error = await rejection(client.send(GET));

    expect(error).toBeInstanceOf(BceTimeoutError);
    expect(error.attempts).toBe(1);
    expectClean(error, server.received);
  });

  it('times out a status line sent one byte at a time', async () => {
    const raw = await startRawServer((socket) => {
      const line = 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}';
      let i = 0;
      const timer = setInterval(() => (i < line.length ? socket.write(line[i++]!) : clearInterval(timer)), 200);
      socket.on('close', () => clearInterval(timer));
    });
    const { client, expectClean } = hostileClient(raw.origin, { timeout: 500 });

    const error = await rejection(client.send(GET));

    await raw.close();
    expect(error).toBeInstanceOf(BceTimeoutError);
    expectClean(error);
  });
});

describe('1xx statuses', () => {
  it('skips 103 Early Hints and reads the final 200', async () => {
    server.script((_req, res) => {
      res.writeEarlyHints({ link: '</style.css>; rel=preload; as=style' });
      json(200, { peerConnId: 'peerconn-a1' })(_req, res, server.received[0]!);
    });
    const { client } = hostileClient(server.origin);

    const value = await client.send(GET);

    expect(value).toEqual({ peerConnId: 'peerconn-a1' });
  });

  it.each([
    ['a bare 100 Continue', 'HTTP/1.1 100 Continue\r\n\r\n'],
    ['101 Switching Protocols nobody asked for', 'HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\n\r\n'],
    ['a 099 status', 'HTTP/1.1 099 Odd\r\nContent-Length: 2\r\n\r\n{}'],
    ['a line that is not HTTP', 'SSH-2.0-OpenSSH_9.6\r\n\r\n'],
  ])('gives a retried BceNetworkError for %s, never a crash', async (_name, bytes) => {
    const raw = await startRawServer((socket) => socket.end(bytes));
    const { client, expectClean } = hostileClient(raw.origin, { retry: ONE_RETRY });

    const error = await rejection(client.send(GET));

    await raw.close();
    expect(error).toBeInstanceOf(BceNetworkError);
    expect(error).toMatchObject({ attempts: 2, clientToken: 'tok-odd' });
    expect(raw.requests()).toBe(2);
    expectClean(error);
  });
});

describe('3xx and out-of-range statuses', () => {
  it.each([300, 304])('gives BceServiceError for %i, not retried', async (status) => {
    server.script(text(status, ''));
    const { client, expectClean } = hostileClient(server.origin, { retry: ONE_RETRY });

    const error = await rejection(client.send(GET));

    expect(error).toBeInstanceOf(BceServiceError);
    expect(error).toMatchObject({ statusCode: status, code: `Http${status}`, attempts: 1 });
    expect(server.received).toHaveLength(1);
    expectClean(error, server.received);
  });

  it.each(['600', '999'])('gives BceServiceError for status %s', async (status) => {
    const raw = await startRawServer((socket) => socket.end(`HTTP/1.1 ${status} Weird\r\nContent-Length: 2\r\n\r\nok`));
    const { client, expectClean } = hostileClient(raw.origin, { retry: ONE_RETRY });

    const error = await rejection(client.send(GET));

    await raw.close();
    expect(error).toBeInstanceOf(BceServiceError);
    expect(error).toMatchObject({ statusCode: Number(status), code: `Http${status}`, attempts: 1 });
    expectClean(error);
  });
});

describe('Retry-After from a hostile server', () => {
  it('caps a Retry-After of a day at maxDelay', async () => {
    server.script(json(503, { code: 'ServiceUnavailable' }, { 'retry-after': '86400' }), json(200, { ok: true }));
    const { client } = hostileClient(server.origin, { retry: { limit: 1, baseDelay: 0, maxDelay: 50 } });

    const { body, $metadata } = await client.sendWithMetadata(GET);

    expect(body).toEqual({ ok: true });
    expect($metadata).toMatchObject({ attempts: 2, totalRetryDelay: 50 });
  });
});
