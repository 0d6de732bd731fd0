import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BceError,
  BceNetworkError,
  BceServiceError,
  BceTimeoutError,
  BceValidationError,
  createClient,
} from '../src/index.ts';
import { SESSION_TOKEN, SK, STATIC, WITH_TOKEN } from './helpers/credentials.ts';
import { expectNoSecrets, recordingLogger, rejection } from './helpers/secret-scan.ts';
import { drop, json, startTestServer, type TestServer, text, truncated } from './helpers/test-server.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

const call = async (extra: object = {}) => {
  const { lines, logger } = recordingLogger();
  const client = createClient({
    endpoint: server.origin,
    credentials: WITH_TOKEN,
    retry: { limit: 1, baseDelay: 1 },
    logger,
    ...extra,
  });
  const error = await rejection(
    client.send({ method: 'PUT', path: ['v1', 'peerconn', 'p-1'], query: { clientToken: 'tok-9' } }),
  );
  expectNoSecrets(error, lines, server.received);
  return error;
};

describe('error mapping', () => {
  it('gives a BceServiceError with a status-derived code for an empty body', async () => {
    server.script(text(403, '', { 'x-bce-request-id': 'hdr-1' }));

    const error = await call();

    expect(error).toBeInstanceOf(BceServiceError);
    expect(error).toMatchObject({ statusCode: 403, code: 'AccessDenied', requestId: 'hdr-1' });
    expect(error.message).toMatch(
      /^AccessDenied \(403\) on PUT \/v1\/peerconn\/p-1 after 1 attempt, requestId hdr-1: empty response body/,
    );
  });

  it.each([
    [400, 'InvalidHTTPRequest'],
    [404, 'NotFound'],
    [412, 'PreconditionFailed'],
    [418, 'Http418'],
  ])('derives the code for %i', async (status, code) => {
    server.script(text(status, ''));

    expect((await call()).code).toBe(code);
  });

  it('gives a short excerpt of an HTML body, retrying a 502', async () => {
    const html = `<html><head><title>502 Bad Gateway</title><style>b{}</style></head><body><h1>502 Bad Gateway</h1>${'x'.repeat(5000)}</body></html>`;
    server.script(text(502, html, { 'content-type': 'text/html' }));

    const error = await call();

    expect(error).toMatchObject({ statusCode: 502, code: 'BadGateway', attempts: 2 });
    expect(error.serviceMessage).toMatch(/^unexpected response body: 502 Bad Gateway 502 Bad Gateway x+…$/);
    expect(error.message.length).toBeLessThan(400);
  });

  it('handles a truncated error body', async () => {
    server.script(truncated(500, '{"code":"Internal', 200));

    const error = await call();

    expect(error).toMatchObject({ statusCode: 500, code: 'InternalError', attempts: 2 });
    expect(error.serviceMessage).toContain('cut off');
  });

  it('reads at most 64 KiB of an error body', async () => {
    server.script(text(400, `{"code":"X","message":"${'y'.repeat(200_000)}"}`));

    const error = await call();

    expect(error.code).toBe('InvalidHTTPRequest');
    expect(error.serviceMessage).toContain('(cut off)');
  });

  it('refuses a non-JSON success body', async () => {
    server.script(text(200, '<html>captive portal</html>', { 'x-bce-request-id': 'r-2' }));

    const error = await call();

    expect(error).toBeInstanceOf(BceServiceError);
    expect(error).toMatchObject({ statusCode: 200, code: 'MalformedJSON', requestId: 'r-2', attempts: 1 });
  });

  it('gives a BceNetworkError with cause for a dropped connection, after retrying', async () => {
    server.script(drop);

    const error = await call();

    expect(error).toBeInstanceOf(BceNetworkError);
    expect(error).toBeInstanceOf(BceError);
    expect(error.attempts).toBe(2);
    expect(error.clientToken).toBe('tok-9');
    expect(error.cause).toBeInstanceOf(Error);
    expect(error.message).toMatch(
      /^Network error on PUT http:\/\/127\.0\.0\.1:\d+\/v1\/peerconn\/p-1 after 2 attempts: /,
    );
    expect(error.origin).toBe(server.origin);
  });

  it('gives a BceNetworkError when nothing listens', async () => {
    const origin = server.origin;
    await server.close();

    const { lines, logger } = recordingLogger();
    const client = createClient({ endpoint: origin, credentials: STATIC, retry: 0, logger });
    const error = await rejection(client.send({ method: 'GET', path: ['v1'] }));

    expect(error).toBeInstanceOf(BceNetworkError);
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.message).toContain(`on GET ${origin}/v1 after 1 attempt`);
    expect(error.message).not.toContain('no scheme');
    expectNoSecrets(error, lines);
    server = await startTestServer();
  });

  it('says that a bare host was taken as https when a plain-HTTP server cannot answer it', async () => {
    const bare = server.origin.replace('http://', '');
    const client = createClient({ endpoint: bare, credentials: STATIC, retry: 0 });

    const error = await rejection(client.send({ method: 'GET', path: ['v1'] }));

    expect(client.config.endpoint).toBe(`https://${bare}`);
    expect(error).toBeInstanceOf(BceNetworkError);
    expect(error.message).toContain(`on GET https://${bare}/v1 after 1 attempt`);
    expect(error.message).toMatch(/the endpoint had no scheme, so https was used; write "http:\/\/" for plain HTTP$/);
    expect(server.received).toHaveLength(0);
  });

  it('redacts a service message that echoes the Authorization or token', async () => {
    server.script((req, res) => {
      res.writeHead(403, { 'content-type': 'application/json' });
      const echo = `got ${req.headers.authorization} token ${req.headers['x-bce-security-token']} key ${SK}`;
      res.end(JSON.stringify({ code: 'SignatureDoesNotMatch', message: echo, requestId: 'r' }));
    });

    const error = await call();

    expect(error.serviceMessage).toContain('bce-auth-v1/<redacted>');
    expect(error.serviceMessage).not.toContain(SESSION_TOKEN);
  });

  it('serialises safely, with name and fields', async () => {
    server.script(json(409, { code: 'Conflict', message: 'busy', requestId: 'r-9' }));

    const error = await call();

    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'BceServiceError',
      message: error.message,
      statusCode: 409,
      code: 'Conflict',
      serviceMessage: 'busy',
      requestId: 'r-9',
      attempts: 1,
      clientToken: 'tok-9',
      operation: 'PUT request',
    });
    expect(String(error)).toBe(`BceServiceError: ${error.message}`);
  });
});

describe('error classes', () => {
  it.each([
    [new BceValidationError('op', []), 'BceValidationError'],
    [new BceTimeoutError({ method: 'GET', path: '/', timeout: 1 }), 'BceTimeoutError'],
    [new BceNetworkError({ method: 'GET', path: '/', cause: new Error('x') }), 'BceNetworkError'],
    [
      new BceServiceError({
        method: 'GET',
        path: '/',
        statusCode: 500,
        code: 'InternalError',
        serviceMessage: 'm',
        requestId: undefined,
      }),
      'BceServiceError',
    ],
  ])('%s is a BceError and an Error with its name', (error, name) => {
    expect(error).toBeInstanceOf(BceError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
  });

  it('builds a validation message from its issues', () => {
    const error = new BceValidationError('resizePeerconn', [
      { path: 'newBandwidthInMbps', message: 'must be an integer >= 1 (got 0)' },
      { path: '', message: 'input must be an object' },
    ]);

    expect(error.message).toBe(
      'resizePeerconn: newBandwidthInMbps must be an integer >= 1 (got 0); input must be an object',
    );
    expect(error.attempts).toBe(0);
    expect(error.issues).toHaveLength(2);
  });
});
