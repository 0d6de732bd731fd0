import type { IncomingMessage } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ERROR_BODY_LIMIT } from '../../src/errors/from-response.ts';
import { BceServiceError } from '../../src/index.ts';
import { SESSION_TOKEN, SK } from '../helpers/credentials.ts';
import { rejection } from '../helpers/secret-scan.ts';
import { type Responder, startTestServer, type TestServer, text } from '../helpers/test-server.ts';
import { hostileClient } from './hostile.ts';

const CREATE = { method: 'POST', path: ['v1', 'peerconn'], query: { clientToken: 'tok-echo' }, body: {} } as const;

/** Everything the request carried, secrets included, in the shapes a misbehaving proxy might echo them. */
function echoed(req: IncomingMessage): string {
  const { authorization = '', 'x-bce-security-token': token = '' } = req.headers;
  return [
    `Authorization: ${authorization}`,
    `x-bce-security-token=${token}`,
    JSON.stringify(req.headers),
    `signature ${String(authorization).split('/').pop()}`,
    `url ${req.url}`,
  ].join(' | ');
}

const echoAs =
  (status: number, shape: 'json' | 'html' | 'location'): Responder =>
  (req, res) => {
    const echo = echoed(req);
    if (shape === 'location')
      res.writeHead(status, { location: `http://127.0.0.1:1/?authorization=${req.headers.authorization}` });
    else if (shape === 'json') res.writeHead(status, { 'content-type': 'application/json' });
    else res.writeHead(status, { 'content-type': 'text/html' });
    res.end(
      shape === 'json'
        ? JSON.stringify({ code: 'AccessDenied', message: echo, requestId: 'r-echo' })
        : `<p>${echo}</p>`,
    );
  };

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

describe('a server that echoes the request back', () => {
  it.each([
    ['a JSON error message', 403, 'json'],
    ['an HTML error page', 500, 'html'],
    ['a non-JSON success body', 200, 'html'],
    ['a redirect Location', 302, 'location'],
  ] as const)('leaks no secret through %s', async (_name, status, shape) => {
    server.script(echoAs(status, shape));
    const { client, lines, expectClean } = hostileClient(server.origin, {
      retry: { limit: 1, baseDelay: 0, maxDelay: 0 },
    });

    const error = await rejection(client.send(CREATE));

    expect(error).toBeInstanceOf(BceServiceError);
    expect(server.received[0]?.headers['x-bce-security-token']).toBeDefined();
    expect(lines.some((line) => line.includes('"level":"debug"'))).toBe(true);
    expectClean(error, server.received);
  });
});

describe('a secret cut by the excerpt limit', () => {
  // The excerpt keeps 200 characters and the read stops at 64 KiB: each secret straddles one of those cuts.
  it.each([
    ['the session token at the excerpt cut', `${'x'.repeat(180)} ${SESSION_TOKEN} tail`, 500],
    ['the secret key at the excerpt cut', `${'x'.repeat(180)} ${SK} tail`, 500],
    ['the session token at the excerpt cut of a 200', `${'x'.repeat(180)} ${SESSION_TOKEN} tail`, 200],
    ['the secret key at the 64 KiB read cut', `${' '.repeat(ERROR_BODY_LIMIT - 14)}${SK}${' '.repeat(9000)}`, 503],
  ] as const)('leaks no fragment of %s', async (_name, body, status) => {
    server.script(text(status, body, { 'content-type': 'text/plain' }));
    const { client, expectClean } = hostileClient(server.origin);

    const error = await rejection(client.send(CREATE));

    expect(error).toBeInstanceOf(BceServiceError);
    expectClean(error, server.received);
  });
});
