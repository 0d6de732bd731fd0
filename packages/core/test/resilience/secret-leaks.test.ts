import { createHmac } from 'node:crypto';
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BceError, BceNetworkError, BceServiceError, createClient } from '../../src/index.ts';
import { paginate } from '../../src/operation/index.ts';
import { SESSION_TOKEN, SK, WITH_TOKEN } from '../helpers/credentials.ts';
import { recordingLogger, rejection } from '../helpers/secret-scan.ts';
import { type Received, type Responder, startTestServer, type TestServer } from '../helpers/test-server.ts';
import { expectNoSecretFragments } from './hostile.ts';

const CREATE = { method: 'POST', path: ['v1', 'peerconn'], query: { clientToken: 'tok-leak' }, body: {} } as const;

/** Every character percent-encoded, as a proxy that encodes what it echoes might send it. */
const encodeAll = (text: string) => [...text].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).join('');
const signatureOf = (req: { headers: { authorization?: string } }) =>
  String(req.headers.authorization).split('/').pop()!;

/** An answer built from the request it answers, so that it can echo that request's own secrets. */
type Echo = (req: Received) => { status: number; headers?: Record<string, string>; body?: string };
const answer =
  (echo: Echo): Responder =>
  (_req, res, received) => {
    const { status, headers = {}, body = '' } = echo(received);
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(body);
  };

const HOSTILE: [string, Echo][] = [
  [
    'x-bce-request-id = the Authorization value',
    (r) => ({ status: 500, headers: { 'x-bce-request-id': String(r.headers.authorization) } }),
  ],
  ['x-bce-request-id = the session token', () => ({ status: 503, headers: { 'x-bce-request-id': SESSION_TOKEN } })],
  [
    'x-bce-request-id = "%2F" then the signature',
    (r) => ({ status: 500, headers: { 'x-bce-request-id': `%2F${signatureOf(r)}` } }),
  ],
  [
    'x-bce-request-id = the session token URL-encoded',
    () => ({ status: 500, headers: { 'x-bce-request-id': encodeAll(SESSION_TOKEN) } }),
  ],
  [
    'x-bce-request-id = the token encoded twice',
    () => ({ status: 500, headers: { 'x-bce-request-id': encodeAll(encodeAll(SESSION_TOKEN)) } }),
  ],
  [
    'a body requestId = the secret key',
    () => ({ status: 400, body: JSON.stringify({ code: 'Bad', message: 'm', requestId: SK }) }),
  ],
  [
    'a body code = the session token',
    () => ({ status: 400, body: JSON.stringify({ code: SESSION_TOKEN, message: 'm' }) }),
  ],
  [
    'a message with the signature after an encoded slash',
    (r) => ({ status: 403, body: JSON.stringify({ code: 'AccessDenied', message: `sig%2F${signatureOf(r)}` }) }),
  ],
  [
    'a message with the token JSON-escaped',
    () => ({
      status: 403,
      body: `{"code":"AccessDenied","message":"${[...SESSION_TOKEN].map((c) => `\\\\u00${c.charCodeAt(0).toString(16)}`).join('')}"}`,
    }),
  ],
  [
    'a Location with the secret key at the excerpt cut',
    () => ({ status: 302, headers: { location: `http://127.0.0.1:1/${'a'.repeat(200 - 30)}${SK}` } }),
  ],
  [
    'a Location with the token at the excerpt cut',
    () => ({ status: 302, headers: { location: `http://127.0.0.1:1/${'a'.repeat(200 - 40)}${SESSION_TOKEN}` } }),
  ],
  [
    'a Location with the token URL-encoded',
    () => ({ status: 307, headers: { location: `http://127.0.0.1:1/?t=${encodeAll(SESSION_TOKEN)}` } }),
  ],
  [
    'a Location with the signature after %2F',
    (r) => ({ status: 301, headers: { location: `http://127.0.0.1:1/x%2F${signatureOf(r)}` } }),
  ],
  [
    'an HTML page with <wbr> inside the secret key',
    () => ({
      status: 502,
      headers: { 'content-type': 'text/html' },
      body: `<p>${SK.slice(0, 9)}<wbr>${SK.slice(9)}</p>`,
    }),
  ],
  [
    'an HTML page with the token split by tags',
    () => ({
      status: 502,
      headers: { 'content-type': 'text/html' },
      body: `<b>${SESSION_TOKEN.slice(0, 20)}</b><i>${SESSION_TOKEN.slice(20)}</i>`,
    }),
  ],
  [
    'an HTML page with the token at the excerpt cut',
    () => ({
      status: 500,
      headers: { 'content-type': 'text/html' },
      body: `<p>${'x '.repeat(90)}${SESSION_TOKEN}</p>`,
    }),
  ],
  [
    'a non-JSON success with the token at the excerpt cut',
    () => ({ status: 200, headers: { 'content-type': 'text/plain' }, body: `${'y'.repeat(185)}${SESSION_TOKEN}` }),
  ],
];

/** The secrets in play for these requests: the keys, the token, each signature and each derived signing key. */
function secretsOf(received: readonly Received[]): string[] {
  const secrets = [SK, SESSION_TOKEN];
  for (const r of received) {
    const authorization = String(r.headers.authorization);
    secrets.push(authorization, signatureOf(r));
    secrets.push(createHmac('sha256', SK).update(authorization.split('/').slice(0, 4).join('/')).digest('hex'));
  }
  return secrets;
}

/** Every text a user can see about an error: message, stack, JSON, util.inspect and the whole cause chain. */
function textsOf(error: unknown): string[] {
  const texts = [String(error), JSON.stringify(error), inspect(error, { depth: 10 })];
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 10; e = e.cause, depth++) {
    texts.push(e.message, e.stack ?? '', inspect(e, { depth: 10 }));
  }
  return texts;
}

function expectNoneOf(secrets: readonly string[], texts: readonly string[]) {
  for (const text of texts) for (const secret of secrets) expect(text).not.toContain(secret);
  expectNoSecretFragments(texts);
}

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

describe('no secret leaves through a server-supplied string', () => {
  it.each(HOSTILE)('%s', async (_name, echo) => {
    server.script(answer(echo));
    const { lines, logger } = recordingLogger();
    const states: string[] = [];
    const client = createClient({
      endpoint: server.origin,
      credentials: WITH_TOKEN,
      retry: { limit: 1, baseDelay: 0, maxDelay: 0 },
      logger,
      hooks: {
        beforeAttempt: (state) => void states.push(inspect(state, { depth: 10 }), JSON.stringify(state)),
        afterAttempt: (state) => void states.push(inspect(state, { depth: 10 }), JSON.stringify(state)),
      },
    });

    const error = await rejection(client.send(CREATE));

    expect(error).toBeInstanceOf(BceServiceError);
    expect(states.length).toBeGreaterThanOrEqual(2);
    expect(lines.length).toBeGreaterThan(0);
    expectNoneOf(secretsOf(server.received), [...textsOf(error), ...lines, ...states]);
  });

  it('keeps a requestId that holds no secret as it came', async () => {
    server.script(
      answer(() => ({ status: 404, headers: { 'x-bce-request-id': 'c4abab14-0000-4b8e-9d2f-7a1d6f0e0a11' } })),
    );
    const client = createClient({ endpoint: server.origin, credentials: WITH_TOKEN, retry: 0 });

    const error = await rejection(client.send(CREATE));

    expect(error.requestId).toBe('c4abab14-0000-4b8e-9d2f-7a1d6f0e0a11');
    expect(error.message).toContain('requestId c4abab14-0000-4b8e-9d2f-7a1d6f0e0a11');
  });
});

describe('no secret leaves through a runtime error', () => {
  it('redacts a header value quoted by the runtime, in the message and the cause chain', async () => {
    const { lines, logger } = recordingLogger();
    const failing: typeof fetch = () =>
      Promise.reject(
        new TypeError('fetch failed', {
          cause: new TypeError(`Headers.append: "${SESSION_TOKEN}" is an invalid header value.`),
        }),
      );
    const client = createClient({ endpoint: server.origin, credentials: WITH_TOKEN, fetch: failing, retry: 0, logger });

    const error = await rejection(client.send(CREATE));

    expect(error).toBeInstanceOf(BceNetworkError);
    expect(error.message).toContain('is an invalid header value');
    expect((error.cause as Error).cause).toBeInstanceOf(Error);
    expectNoneOf([SK, SESSION_TOKEN], [...textsOf(error), ...lines]);
  });
});

describe('no secret leaves through a marker', () => {
  it('redacts a repeated nextMarker that holds the session token', async () => {
    createClient({ endpoint: server.origin, credentials: WITH_TOKEN });
    const page = { marker: '', isTruncated: true, nextMarker: `m-${SESSION_TOKEN}`, items: [1] };
    const pages = paginate('paginateThings', undefined, () => ({
      marker: undefined,
      fetchPage: async () => page,
      itemsOf: (p: typeof page) => p.items,
    }));

    const error = await (async () => {
      for await (const _ of pages.items());
    })().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(BceError);
    expect((error as Error).message).toContain('again');
    expectNoneOf([SESSION_TOKEN], textsOf(error));
  });
});
