import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AttemptState, createClient } from '../src/index.ts';
import { STATIC, WITH_TOKEN } from './helpers/credentials.ts';
import { rejection } from './helpers/secret-scan.ts';
import { bceError, json, startTestServer, type TestServer } from './helpers/test-server.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

const request = { method: 'GET', path: ['v1', 'peerconn'], operation: 'listPeerconns' } as const;

describe('beforeAttempt adds headers', () => {
  it('signs an added x-bce-* header and sends others unsigned, per attempt', async () => {
    server.script(bceError(503, 'ServiceUnavailable'), json(200, {}));
    const client = createClient({
      endpoint: server.origin,
      credentials: STATIC,
      retry: { baseDelay: 1 },
      hooks: {
        beforeAttempt: ({ attempt }) => ({ 'X-Bce-Trace': `t-${attempt}`, traceparent: `00-abc-${attempt}-01` }),
      },
    });

    await client.send(request);

    expect(server.received.map((r) => [r.headers['x-bce-trace'], r.headers.traceparent])).toEqual([
      ['t-1', '00-abc-1-01'],
      ['t-2', '00-abc-2-01'],
    ]);
    for (const r of server.received) {
      expect(r.headers.authorization).toMatch(/\/host;x-bce-date;x-bce-trace\//);
      expect(r.signatureValid).toBe(true);
    }
  });

  it('cannot replace the headers bcekit signs with, in any case', async () => {
    const client = createClient({
      endpoint: server.origin,
      credentials: WITH_TOKEN,
      hooks: {
        beforeAttempt: () => ({
          Authorization: 'forged',
          'X-Bce-Date': '2000-01-01T00:00:00Z',
          'x-bce-security-token': 'other',
          host: 'evil.example',
        }),
      },
    });

    await client.send(request);

    const got = server.received[0]!;
    expect(got.headers.authorization).toMatch(/^bce-auth-v1\//);
    expect(got.headers['x-bce-date']).not.toBe('2000-01-01T00:00:00Z');
    expect(got.headers['x-bce-security-token']).toBe(WITH_TOKEN.sessionToken);
    expect(got.headers.host).toBe(new URL(server.origin).host);
    expect(got.signatureValid).toBe(true);
  });

  it('an async hook that returns nothing changes nothing', async () => {
    const client = createClient({
      endpoint: server.origin,
      credentials: STATIC,
      hooks: { beforeAttempt: async () => {} },
    });

    await client.send(request);

    expect(server.received[0]!.headers.authorization).toMatch(/\/host;x-bce-date\//);
    expect(server.received[0]!.signatureValid).toBe(true);
  });
});

describe('afterAttempt sees the response', () => {
  it('gets status and response headers on retry, on success and on the final failure', async () => {
    server.script(
      bceError(503, 'ServiceUnavailable', 'busy', 'b1'),
      json(200, {}, { 'x-bce-request-id': 'req-ok' }),
      json(404, { code: 'NoSuchObject', message: 'gone', requestId: 'req-404' }, { 'x-bce-request-id': 'req-404' }),
    );
    const states: AttemptState[] = [];
    const client = createClient({
      endpoint: server.origin,
      credentials: STATIC,
      retry: { baseDelay: 1 },
      hooks: { afterAttempt: (state) => void states.push(state) },
    });

    await client.send(request);
    await rejection(client.send(request));

    expect(
      states.map((s) => [s.attempt, s.status, s.responseHeaders?.get('content-type'), s.delay !== undefined]),
    ).toEqual([
      [1, 503, 'application/json', true],
      [2, 200, 'application/json', false],
      [1, 404, 'application/json', false],
    ]);
    expect(states[1]!.responseHeaders?.get('x-bce-request-id')).toBe('req-ok');
    expect(states[2]!.responseHeaders?.get('x-bce-request-id')).toBe('req-404');
  });
});
