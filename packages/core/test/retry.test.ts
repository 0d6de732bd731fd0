import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { timerAt } from '../../../scripts/test-helpers/timers.ts';
import { BceServiceError, createClient } from '../src/index.ts';
import { STATIC } from './helpers/credentials.ts';
import { expectNoSecrets, recordingLogger, rejection } from './helpers/secret-scan.ts';
import { bceError, drop, held, json, startTestServer, type TestServer } from './helpers/test-server.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => {
  vi.restoreAllMocks();
  return server.close();
});

const put = {
  method: 'PUT',
  path: ['v1', 'peerconn', 'peerconn-a1'],
  query: { resize: '', clientToken: 'tok-123' },
  body: { newBandwidthInMbps: 20 },
} as const;

describe('retries', () => {
  it('retries 500, 503, 429, a dropped connection and a timeout, then succeeds', async () => {
    const holding = held();
    server.script(
      bceError(500, 'InternalError'),
      bceError(503, 'ServiceUnavailable'),
      bceError(429, 'TooManyRequests'),
      drop,
      holding.responder,
      json(200, { ok: true }),
    );
    // The timeout fires when the test says, once the fifth request is held: a short real one could also cut an
    // attempt that a busy machine was slow to answer.
    const client = createClient({
      endpoint: server.origin,
      credentials: STATIC,
      timeout: 600_004,
      retry: { limit: 5, baseDelay: 5, maxDelay: 20 },
    });
    const timer = timerAt(600_004);

    const call = client.send(put);
    await holding.arrived;
    timer.fire();
    const result = await call;

    expect(result).toEqual({ ok: true });
    expect(server.received).toHaveLength(6);
    expect(server.received.map((r) => new URLSearchParams(r.rawQuery).get('clientToken'))).toEqual(
      Array(6).fill('tok-123'),
    );
    expect(server.received.map((r) => r.signatureValid)).toEqual(Array(6).fill(true));
  });

  it('keeps one clientToken and signs every attempt anew', async () => {
    server.script(
      bceError(500, 'InternalError'),
      bceError(502, 'BadGateway'),
      bceError(504, 'GatewayTimeout'),
      json(200, {}),
    );
    vi.useFakeTimers({ toFake: ['Date'] });
    // Each attempt is made one second later, so a re-used date or signature would show.
    const nextSecond = () => {
      vi.setSystemTime(Date.now() + 1000);
    };
    const client = createClient({
      endpoint: server.origin,
      credentials: STATIC,
      retry: { baseDelay: 5 },
      hooks: { beforeAttempt: nextSecond },
    });

    await client.send(put).finally(() => vi.useRealTimers());

    const tokens = server.received.map((r) => new URLSearchParams(r.rawQuery).get('clientToken'));
    expect(tokens).toEqual(['tok-123', 'tok-123', 'tok-123', 'tok-123']);
    expect(server.received.map((r) => r.signatureValid)).toEqual([true, true, true, true]);
    expect(new Set(server.received.map((r) => r.headers['x-bce-date'])).size).toBe(4);
    expect(new Set(server.received.map((r) => r.headers.authorization)).size).toBe(4);
    for (const r of server.received) expect(r.headers.authorization).toContain(`/${r.headers['x-bce-date']}/`);
  });

  it.each([
    [400, 'InvalidParameter'],
    [403, 'AccessDenied'],
    [404, 'NoSuchPeerConn'],
    [409, 'IdempotentParameterMismatch'],
  ])('does not retry %i', async (status, code) => {
    server.script(bceError(status, code, 'the service says no', 'body-req-id'));
    const { lines, logger } = recordingLogger();
    const client = createClient({ endpoint: server.origin, credentials: STATIC, retry: { baseDelay: 5 }, logger });

    const error = await rejection(client.send({ ...put, operation: 'resizePeerconn' }));

    expect(server.received).toHaveLength(1);
    expect(error).toBeInstanceOf(BceServiceError);
    expect(error).toMatchObject({
      statusCode: status,
      code,
      serviceMessage: 'the service says no',
      requestId: 'body-req-id',
      attempts: 1,
      clientToken: 'tok-123',
    });
    expect(error.message).toBe(
      `${code} (${status}) on PUT /v1/peerconn/peerconn-a1 after 1 attempt, requestId body-req-id: the service says no`,
    );
    expectNoSecrets(error, lines, server.received);
  });

  it('takes requestId from the header when the body has none', async () => {
    server.script(json(403, { code: 'AccessDenied', message: 'no' }, { 'x-bce-request-id': 'hdr-req-id' }));
    const client = createClient({ endpoint: server.origin, credentials: STATIC });

    const error = await rejection(client.send(put));

    expect(error.requestId).toBe('hdr-req-id');
  });

  it('prefers the body requestId over the header', async () => {
    server.script(
      json(404, { code: 'NotFound', message: 'no', requestId: 'body-id' }, { 'x-bce-request-id': 'hdr-id' }),
    );
    const client = createClient({ endpoint: server.origin, credentials: STATIC });

    const error = await rejection(client.send(put));

    expect(error.requestId).toBe('body-id');
  });

  it('gives up after the retry limit, counting every attempt', async () => {
    server.script(bceError(503, 'ServiceUnavailable'));
    const { lines, logger } = recordingLogger();
    const client = createClient({
      endpoint: server.origin,
      credentials: STATIC,
      retry: { limit: 2, baseDelay: 5 },
      logger,
    });

    const error = await rejection(client.send(put));

    expect(server.received).toHaveLength(3);
    expect(error).toMatchObject({ code: 'ServiceUnavailable', attempts: 3, clientToken: 'tok-123' });
    expect(error.message).toContain('after 3 attempts');
    expect(lines.filter((l) => l.includes('retrying'))).toHaveLength(2);
    expectNoSecrets(error, lines, server.received);
  });

  it('does not retry with retry: 0', async () => {
    server.script(bceError(500, 'InternalError'));
    const client = createClient({ endpoint: server.origin, credentials: STATIC, retry: 0 });

    const error = await rejection(client.send(put));

    expect(server.received).toHaveLength(1);
    expect(error.attempts).toBe(1);
  });

  it('lets a call override the client retry setting', async () => {
    server.script(bceError(500, 'InternalError'));
    const client = createClient({ endpoint: server.origin, credentials: STATIC, retry: 0 });

    const error = await rejection(client.send(put, { retry: { limit: 2, baseDelay: 1 } }));

    expect(server.received).toHaveLength(3);
    expect(error.attempts).toBe(3);
  });

  it('honours Retry-After: 2', async () => {
    server.script(json(429, { code: 'TooManyRequests', message: 'slow down' }, { 'retry-after': '2' }), json(200, {}));
    const client = createClient({ endpoint: server.origin, credentials: STATIC, retry: { baseDelay: 5 } });
    const wait = timerAt(2000);

    const call = client.sendWithMetadata(put);
    // Waited what the server asked: a 2 s timer, and no second attempt until it ran (the test runs it now
    // instead of sleeping 2 s).
    const first = await Promise.race([wait.armed.then(() => 'a 2 s wait'), call.then(() => 'the call settled')]);
    expect(first).toBe('a 2 s wait');
    expect(server.received).toHaveLength(1);
    wait.fire();
    const { $metadata } = await call;

    expect(server.received).toHaveLength(2);
    expect($metadata.totalRetryDelay).toBe(2000);
  });

  it('caps Retry-After at maxDelay', async () => {
    server.script(json(503, { code: 'ServiceUnavailable', message: 'x' }, { 'retry-after': '3600' }), json(200, {}));
    const client = createClient({
      endpoint: server.origin,
      credentials: STATIC,
      retry: { baseDelay: 5, maxDelay: 50 },
    });

    const { $metadata } = await client.sendWithMetadata(put);

    expect(server.received).toHaveLength(2);
    expect($metadata.totalRetryDelay).toBe(50);
  });

  it('logs retries without secrets, headers or bodies', async () => {
    server.script(bceError(500, 'InternalError'), json(200, { secretish: 'response-body-marker' }));
    const { lines, logger } = recordingLogger();
    const client = createClient({ endpoint: server.origin, credentials: STATIC, retry: { baseDelay: 5 }, logger });

    await client.send(put);

    const retry = JSON.parse(lines.find((l) => l.includes('retrying'))!);
    expect(retry.data).toMatchObject({ method: 'PUT', path: '/v1/peerconn/peerconn-a1', status: 500, attempt: 1 });
    expect(retry.data.delay).toBeGreaterThanOrEqual(0);
    expect(lines.join('\n')).not.toMatch(/authorization|bce-auth-v1|newBandwidthInMbps|response-body-marker/i);
    expectNoSecrets(undefined, lines, server.received);
  });

  it('runs hooks around every attempt with the attempt number, status and delay', async () => {
    server.script(bceError(500, 'InternalError'), json(200, {}));
    const seen: string[] = [];
    const client = createClient({
      endpoint: server.origin,
      credentials: STATIC,
      retry: { baseDelay: 5 },
      hooks: {
        beforeAttempt: (s) => {
          seen.push(`before ${s.attempt} ${s.method} ${s.clientToken}`);
        },
        afterAttempt: async (s) => {
          seen.push(
            `after ${s.attempt} ${s.status} ${s.delay === undefined ? '-' : 'delay'} ${s.error ? 'error' : 'ok'}`,
          );
        },
      },
    });

    await client.send(put);

    expect(seen).toEqual([
      'before 1 PUT tok-123',
      'after 1 500 delay error',
      'before 2 PUT tok-123',
      'after 2 200 - ok',
    ]);
  });

  it.each([
    ['the client', { retry: { limit: 1, baseDelay: 1, maxDelay: 600_000, respectRetryAfter: false } }, undefined],
    ['one call', { retry: { limit: 1, baseDelay: 1, maxDelay: 600_000 } }, { retry: { respectRetryAfter: false } }],
  ])('ignores Retry-After when %s says respectRetryAfter: false', async (_who, options, callOptions) => {
    server.script(json(503, { code: 'ServiceUnavailable', message: 'x' }, { 'retry-after': '3600' }), json(200, {}));
    const delays: (number | undefined)[] = [];
    const client = createClient({
      endpoint: server.origin,
      credentials: STATIC,
      ...options,
      hooks: { afterAttempt: (state) => void delays.push(state.delay) },
    });

    await client.send(put, callOptions);

    // The backoff of baseDelay 1 (a wait below 1 ms), not the hour asked for (capped at 600 s).
    expect(delays).toEqual([0, undefined]);
    expect(server.received).toHaveLength(2);
  });
});
