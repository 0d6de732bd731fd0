import type { Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { timerAt } from '../../../../scripts/test-helpers/timers.ts';
import { BceNetworkError, BceServiceError, BceTimeoutError } from '../../src/index.ts';
import { clientEvents, deliveredTo, waitable } from '../helpers/client-events.ts';
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
  // Each attempt's timeout is armed at a value no other timer uses, and the test fires it once the events it waits
  // for have happened (timerAt): headers in at the client, then some body bytes, the call still waiting. A
  // real 500 ms timer could fire before the headers arrived on a busy machine, testing the wrong phase.
  const TIMEOUT = 600_003;
  let events: ReturnType<typeof clientEvents>;
  beforeEach(() => {
    events = clientEvents();
  });
  afterEach(() => {
    events.stop();
    vi.restoreAllMocks();
  });

  /** The i-th attempt: headers in at the client, three more body bytes read by it, then its timeout fires. */
  async function cutMidBody(slow: ReturnType<typeof trickle>, i: number, timer: { fire(): void }, done: () => boolean) {
    const [socket, answer] = await Promise.all([events.headers(i), slow.answered(i)]);
    for (let byte = 0; byte < 3; byte++) await deliveredTo(socket, answer.drip);
    // The body is not all in, so the call still waits on it: only the timeout can end this attempt.
    expect(done()).toBe(false);
    timer.fire();
    // The client dropped the connection with the body half sent: the timeout cut the body read.
    await answer.closed;
    expect(answer.sent()).toBe(4);
    expect(answer.sent()).toBeLessThan(slow.body.length);
  }

  it('times out each attempt of a trickled success body, after its headers are in', async () => {
    const slow = trickle(200);
    server.script(slow.responder);
    const { client, expectClean } = hostileClient(server.origin, { timeout: TIMEOUT, retry: ONE_RETRY });
    const timer = timerAt(TIMEOUT);
    let settled = false;

    const call = rejection(client.send(GET)).finally(() => {
      settled = true;
    });
    await cutMidBody(slow, 0, timer, () => settled);
    await cutMidBody(slow, 1, timer, () => settled);
    const error = await call;

    expect(error).toBeInstanceOf(BceTimeoutError);
    expect(error).toMatchObject({ attempts: 2, timeout: TIMEOUT, clientToken: 'tok-odd' });
    expect(server.received).toHaveLength(2);
    expectClean(error, server.received);
  });

  it('times out a trickled error body too, after its headers are in', async () => {
    const slow = trickle(500, '{"code":"InternalError","message":"slow"}');
    server.script(slow.responder);
    const { client, expectClean } = hostileClient(server.origin, { timeout: TIMEOUT });
    const timer = timerAt(TIMEOUT);
    let settled = false;

    const call = rejection(client.send(GET)).finally(() => {
      settled = true;
    });
    await cutMidBody(slow, 0, timer, () => settled);
    const error = await call;

    // A 500 whose body was cut is a timeout, not a service error built from half a body.
    expect(error).toBeInstanceOf(BceTimeoutError);
    expect(error.attempts).toBe(1);
    expectClean(error, server.received);
  });

  it('times out a status line sent one byte at a time', async () => {
    const line = 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}';
    const answering = waitable<Socket>();
    const raw = await startRawServer((socket) => answering.push(socket));
    const { client, expectClean } = hostileClient(raw.origin, { timeout: TIMEOUT });
    const timer = timerAt(TIMEOUT);
    let settled = false;

    const call = rejection(client.send(GET)).finally(() => {
      settled = true;
    });
    const [clientSocket, serverSocket] = await Promise.all([events.request(0), answering.at(0)]);
    // Not events.once: it would reject on a reset, which may come before the close.
    const closed = new Promise<void>((resolve) => serverSocket.once('close', () => resolve()));
    let sent = 0;
    const drip = () => new Promise<boolean>((resolve) => serverSocket.write(line[sent++]!, (e) => resolve(!e)));
    for (let byte = 0; byte < 5; byte++) await deliveredTo(clientSocket, drip);
    // Five bytes of the status line are in and no headers: the call can only be waiting for the rest.
    expect(settled).toBe(false);
    timer.fire();
    await closed;
    const error = await call;

    await raw.close();
    expect(error).toBeInstanceOf(BceTimeoutError);
    expect(sent).toBe(5);
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
