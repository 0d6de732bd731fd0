import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { timerAt } from '../../../scripts/test-helpers/timers.ts';
import {
  type AttemptState,
  type BceClient,
  BceNetworkError,
  BceTimeoutError,
  BceValidationError,
  createClient,
  signedFetch,
} from '../src/index.ts';
import { AK, STATIC, WITH_TOKEN } from './helpers/credentials.ts';
import { expectNoSecrets, recordingLogger, rejection } from './helpers/secret-scan.ts';
import { bceError, drop, held, json, startTestServer, type TestServer, text } from './helpers/test-server.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => {
  vi.restoreAllMocks();
  return server.close();
});

const client = (extra = {}): BceClient =>
  createClient({ endpoint: server.origin, credentials: STATIC, retry: { baseDelay: 5 }, ...extra });

describe('signedFetch: what it sends', () => {
  it('signs a GET of a path on the endpoint and returns the platform Response, body unread', async () => {
    server.script(json(200, { eipList: [{ eip: '1.2.3.4' }] }, { 'x-bce-request-id': 'req-eip' }));

    const response = await signedFetch(client(), '/v1/eip?maxKeys=10&status=available');

    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(200);
    expect(response.bodyUsed).toBe(false);
    expect(response.headers.get('x-bce-request-id')).toBe('req-eip');
    expect(await response.json()).toEqual({ eipList: [{ eip: '1.2.3.4' }] });
    const got = server.received[0]!;
    expect(got).toMatchObject({ method: 'GET', path: '/v1/eip', rawQuery: 'maxKeys=10&status=available' });
    expect(got.signatureValid).toBe(true);
    expect(got.headers.authorization).toMatch(new RegExp(`^bce-auth-v1/${AK}/`));
  });

  it('takes a full URL on the endpoint, a URL object and a Request alike', async () => {
    const c = client();
    await signedFetch(c, `${server.origin}/v2/a`);
    await signedFetch(c, new URL('/v2/b', server.origin));
    await signedFetch(c, new Request(`${server.origin}/v2/c`, { method: 'DELETE', headers: { 'x-bce-x': '1' } }));

    expect(server.received.map((r) => [r.method, r.path])).toEqual([
      ['GET', '/v2/a'],
      ['GET', '/v2/b'],
      ['DELETE', '/v2/c'],
    ]);
    expect(server.received.every((r) => r.signatureValid)).toBe(true);
    expect(server.received[2]!.headers.authorization).toMatch(/\/host;x-bce-date;x-bce-x\//);
  });

  it('sends a string body as JSON, signs content-type and x-bce-* headers, and sends others unsigned', async () => {
    const body = JSON.stringify({ rule: { protocol: 'tcp', portRange: '22', direction: 'ingress' } });
    await signedFetch(client(), '/v2/securityGroup/g-1?authorizeRule&clientToken=tok-7', {
      method: 'PUT',
      body,
      headers: { 'X-Bce-Acl': 'private', 'X-Gateway-Route': 'blue' },
    });

    const got = server.received[0]!;
    expect(got.body).toBe(body);
    expect(got.rawQuery).toBe('authorizeRule&clientToken=tok-7');
    expect(got.headers['content-type']).toBe('application/json;charset=utf-8');
    expect(got.headers['x-gateway-route']).toBe('blue');
    expect(got.headers.authorization).toMatch(/\/content-length;content-type;host;x-bce-acl;x-bce-date\//);
    expect(got.signatureValid).toBe(true);
  });

  it('keeps the content type of a Request given with a string body, and sends that body', async () => {
    const request = new Request(`${server.origin}/v1/form`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    await signedFetch(client(), request, { method: 'POST', body: 'a=1&b=2' });

    const got = server.received[0]!;
    expect(got.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(got.body).toBe('a=1&b=2');
    expect(got.signatureValid).toBe(true);
  });

  it('sends bytes exactly, with the content type given, signed', async () => {
    // The test server keeps bodies as UTF-8 text, so the bytes are valid UTF-8 (NUL, CR and a 3-byte char).
    const bytes = new TextEncoder().encode('\u0000\u0001 测 \r\n');
    await signedFetch(client(), '/v1/blob', {
      method: 'PUT',
      body: bytes,
      headers: { 'content-type': 'application/octet-stream' },
    });

    const got = server.received[0]!;
    expect(Buffer.from(got.body, 'utf8')).toEqual(Buffer.from(bytes));
    expect(got.headers['content-type']).toBe('application/octet-stream');
    expect(got.signatureValid).toBe(true);
  });

  it('signs and sends the session token', async () => {
    await signedFetch(client({ credentials: WITH_TOKEN }), '/v1/eip');

    expect(server.received[0]!.headers['x-bce-security-token']).toBe(WITH_TOKEN.sessionToken);
    expect(server.received[0]!.headers.authorization).toMatch(/x-bce-security-token/);
    expect(server.received[0]!.signatureValid).toBe(true);
  });

  it('sends every path segment and query value as it signs them (property)', async () => {
    const c = client();
    const segment = fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s !== '.' && s !== '..');
    await fc.assert(
      fc.asyncProperty(
        fc.array(segment, { minLength: 1, maxLength: 3 }),
        fc.string({ maxLength: 8 }),
        async (segments, value) => {
          const before = server.received.length;
          const url = new URL(`${server.origin}/${segments.map(encodeURIComponent).join('/')}`);
          url.searchParams.set('k', value);
          const response = await signedFetch(c, url);
          await response.arrayBuffer();
          const got = server.received[before]!;
          expect(got.signatureValid).toBe(true);
          expect(got.path.split('/').slice(1).map(decodeURIComponent)).toEqual(segments);
          expect(new URLSearchParams(got.rawQuery).get('k') ?? '').toBe(value);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('signedFetch: where it refuses to go', () => {
  it.each([
    ['another host', 'https://example.com/v1/eip', /neither a BCE host/],
    ['a look-alike host', 'https://eip.bj.baidubce.com.evil.io/v1/eip', /neither a BCE host/],
    ['a BCE host over http', 'http://eip.bj.baidubce.com/v1/eip', /neither a BCE host/],
    ['another port of the endpoint', 'http://127.0.0.1:1/v1/eip', /neither a BCE host/],
    ['user info', 'https://u:p@eip.bj.baidubce.com/v1/eip', /user or password/],
  ])('refuses %s before sending anything', async (_what, url, message) => {
    const error = await rejection(signedFetch(client(), url));

    expect(error).toBeInstanceOf(BceValidationError);
    expect(error.message).toMatch(message);
    expect(server.received).toHaveLength(0);
  });

  it('refuses headers bcekit sets, and a query key given twice, naming each', async () => {
    const error = await rejection(
      signedFetch(client(), '/v1/eip?a=1&a=2', { headers: { Authorization: 'x', 'x-bce-date': 'y' } }),
    );

    expect(error).toBeInstanceOf(BceValidationError);
    expect((error as unknown as BceValidationError).issues.map((i) => i.path)).toEqual([
      'init.headers.authorization',
      'init.headers.x-bce-date',
      'input.query.a',
    ]);
    expect(server.received).toHaveLength(0);
  });

  it('signs for a BCE host with the client endpoint elsewhere, sending to that host', async () => {
    const seen: Request[] = [];
    const fake = async (input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(new Request(input, init));
      return new Response('{}', { status: 200 });
    };
    const c = client({ fetch: fake as typeof fetch });

    await signedFetch(c, 'https://eip.bj.baidubce.com/v1/eip');

    expect(seen[0]!.url).toBe('https://eip.bj.baidubce.com/v1/eip');
    expect(seen[0]!.headers.get('authorization')).toMatch(/\/host;x-bce-date\//);
  });

  it('needs a client made by createClient', async () => {
    const fake = { send: () => Promise.resolve(undefined) } as unknown as BceClient;
    await expect(signedFetch(fake, '/v1/eip')).rejects.toThrow(/client must come from createClient/);
  });
});

describe('signedFetch: retries, only where safe', () => {
  it('retries an idempotent GET on 503, each attempt signed anew, and returns the success', async () => {
    server.script(bceError(503, 'ServiceUnavailable'), json(200, { ok: true }));

    const response = await signedFetch(client(), '/v1/eip');

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(server.received).toHaveLength(2);
    expect(server.received.every((r) => r.signatureValid)).toBe(true);
  });

  it('returns the last error response, body intact, once retries run out', async () => {
    server.script(bceError(503, 'ServiceUnavailable', 'busy', 'req-last'));

    const response = await signedFetch(client({ retry: { limit: 2, baseDelay: 1 } }), '/v1/eip');

    expect(server.received).toHaveLength(3);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ code: 'ServiceUnavailable', message: 'busy', requestId: 'req-last' });
  });

  it('answers a 4xx with the Response, not an error, and does not retry it', async () => {
    server.script(bceError(404, 'NoSuchObject'));

    const response = await signedFetch(client(), '/v2/securityGroup/g-none');

    expect(response.status).toBe(404);
    expect((await response.json()).code).toBe('NoSuchObject');
    expect(server.received).toHaveLength(1);
  });

  it('sends a POST without clientToken once, whatever happens', async () => {
    server.script(bceError(503, 'ServiceUnavailable'), json(200, {}));

    const response = await signedFetch(client(), '/v1/eip', { method: 'POST', body: '{}' });

    expect(response.status).toBe(503);
    expect(server.received).toHaveLength(1);
  });

  it('retries a POST that carries a clientToken, with the same token', async () => {
    server.script(drop, bceError(500, 'InternalError'), json(200, { eip: '1.2.3.4' }));

    const response = await signedFetch(client(), '/v1/eip?clientToken=ct-1', { method: 'POST', body: '{"a":1}' });

    expect(await response.json()).toEqual({ eip: '1.2.3.4' });
    expect(server.received.map((r) => r.rawQuery)).toEqual([
      'clientToken=ct-1',
      'clientToken=ct-1',
      'clientToken=ct-1',
    ]);
    expect(server.received.map((r) => r.body)).toEqual(['{"a":1}', '{"a":1}', '{"a":1}']);
  });

  it('corrects a skewed clock and retries a GET', async () => {
    const ahead = new Date(Date.now() + 3_600_000).toUTCString();
    server.script(
      (_req, res, got) => {
        res.writeHead(403, { 'content-type': 'application/json', date: ahead });
        res.end(JSON.stringify({ code: 'RequestExpired', message: 'expired', requestId: got.url }));
      },
      json(200, {}),
    );
    const c = client();

    const response = await signedFetch(c, '/v1/eip');

    expect(response.status).toBe(200);
    expect(server.received).toHaveLength(2);
    const signedAt = server.received.map((r) => Date.parse(String(r.headers['x-bce-date'])) - r.at);
    expect(signedAt[1]! - signedAt[0]!).toBeGreaterThan(3_500_000);
  });

  it('rejects with BceNetworkError when no response comes, after the retries', async () => {
    server.script(drop);

    const error = await rejection(signedFetch(client({ retry: { limit: 1, baseDelay: 1 } }), '/v1/eip'));

    expect(error).toBeInstanceOf(BceNetworkError);
    expect(error.attempts).toBe(2);
  });

  it('rejects with BceTimeoutError when the headers do not come in time', async () => {
    const holding = held();
    server.script(holding.responder);
    const timer = timerAt(600_009);

    const call = rejection(signedFetch(client(), '/v1/eip', { timeout: 600_009, retry: 0 }));
    // The request is at the server, which holds its answer: the timeout fired now is the wait for headers.
    await holding.arrived;
    timer.fire();
    const error = await call;

    expect(error).toBeInstanceOf(BceTimeoutError);
    expect(error).toMatchObject({ timeout: 600_009, attempts: 1 });
    await holding.closed;
  });

  it('rejects with the signal reason on abort, and sends nothing for an aborted signal', async () => {
    const reason = new Error('user left');
    await expect(signedFetch(client(), '/v1/eip', { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(server.received).toHaveLength(0);

    const holding = held();
    server.script(holding.responder);
    const controller = new AbortController();
    const pending = signedFetch(client(), '/v1/eip', { signal: controller.signal });
    await holding.arrived;
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });
});

describe('signedFetch: hooks and logs', () => {
  it('runs the client hooks and logs each attempt, with no secret in any line', async () => {
    server.script(text(503, 'down', { 'x-bce-request-id': 'req-1' }), json(200, {}, { 'x-bce-request-id': 'req-2' }));
    const { lines, logger } = recordingLogger();
    const seen: string[] = [];
    const c = client({
      credentials: WITH_TOKEN,
      logger,
      hooks: {
        beforeAttempt: ({ attempt, operation }: AttemptState) => ({ traceparent: `00-${attempt}-${operation}` }),
        afterAttempt: ({ attempt, status, responseHeaders }: AttemptState) =>
          void seen.push(`${attempt}:${status}:${responseHeaders?.get('x-bce-request-id')}`),
      },
    });

    await signedFetch(c, '/v1/eip');

    expect(seen).toEqual(['1:503:req-1', '2:200:req-2']);
    expect(server.received.map((r) => r.headers.traceparent)).toEqual(['00-1-signedFetch', '00-2-signedFetch']);
    expect(lines.some((l) => l.includes('bcekit: retrying'))).toBe(true);
    expectNoSecrets(undefined, lines, server.received);
  });
});
