import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BceValidationError, createClient, VERSION } from '../src/index.ts';
import { SESSION_TOKEN, STATIC, WITH_TOKEN } from './helpers/credentials.ts';
import { json, startTestServer, type TestServer, text } from './helpers/test-server.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

const client = (extra = {}) =>
  createClient({ endpoint: server.origin, credentials: STATIC, retry: { baseDelay: 5 }, ...extra });

describe('send', () => {
  it('returns the parsed JSON body', async () => {
    server.script(json(200, { peerConnId: 'peerconn-a1', nested: { x: [1, 2] } }));

    const result = await client().send({ method: 'GET', path: ['v1', 'peerconn', 'peerconn-a1'] });

    expect(result).toEqual({ peerConnId: 'peerconn-a1', nested: { x: [1, 2] } });
  });

  it('returns undefined for an empty body', async () => {
    server.script(text(200, ''));

    const result = await client().send({ method: 'PUT', path: ['v1', 'peerconn', 'p'], query: { accept: '' } });

    expect(result).toBeUndefined();
  });

  it('encodes each path segment once and sends the same path it signs', async () => {
    await client().send({ method: 'GET', path: ['v1', 'a b/c', '%41', '测'] });

    expect(server.received[0]!.path).toBe('/v1/a%20b%2Fc/%2541/%E6%B5%8B');
    expect(server.received[0]!.signatureValid).toBe(true);
  });

  it('sends flags bare, drops null and undefined, and signs the result', async () => {
    await client().send({
      method: 'PUT',
      path: ['v1', 'peerconn', 'p'],
      query: { accept: '', clientToken: 'tok-1', skip: null, gone: undefined, n: 5, flag: true },
    });

    expect(server.received[0]!.rawQuery).toBe('accept&clientToken=tok-1&n=5&flag=true');
    expect(server.received[0]!.signatureValid).toBe(true);
  });

  it('sends a JSON body with the BCE content type, signed', async () => {
    await client().send({ method: 'POST', path: ['v1', 'peerconn'], body: { bandwidthInMbps: 10 } });

    const got = server.received[0]!;
    expect(got.body).toBe('{"bandwidthInMbps":10}');
    expect(got.headers['content-type']).toBe('application/json;charset=utf-8');
    expect(got.headers.authorization).toMatch(/\/content-length;content-type;host;x-bce-date\//);
    expect(got.signatureValid).toBe(true);
  });

  it('signs the content-length fetch sends: the UTF-8 byte length of the body', async () => {
    await client().send({ method: 'POST', path: ['v1', 'peerconn'], body: { description: '对等连接 ✓' } });

    const got = server.received[0]!;
    expect(got.headers['content-length']).toBe(String(Buffer.byteLength(got.body)));
    expect(Number(got.headers['content-length'])).toBeGreaterThan(got.body.length);
    expect(got.headers.authorization).toContain('/content-length;');
    expect(got.signatureValid).toBe(true);
  });

  it('signs no content-length without a body', async () => {
    await client().send({ method: 'DELETE', path: ['v1', 'peerconn', 'p'] });

    expect(server.received[0]!.headers.authorization).toMatch(/\/host;x-bce-date\//);
    expect(server.received[0]!.signatureValid).toBe(true);
  });

  it('sends no content type without a body', async () => {
    await client().send({ method: 'GET', path: ['v1', 'peerconn'] });

    expect(server.received[0]!.headers['content-type']).toBeUndefined();
    expect(server.received[0]!.headers.authorization).toMatch(/\/host;x-bce-date\//);
  });

  it('sends an x-bce-date of the current second', async () => {
    // Read before and after the call: the date must fall between them, however long the call took.
    const before = Math.floor(Date.now() / 1000) * 1000;
    await client().send({ method: 'GET', path: ['v1'] });
    const after = Date.now();

    const date = server.received[0]!.headers['x-bce-date'] as string;
    expect(date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Date.parse(date)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(date)).toBeLessThanOrEqual(after);
  });

  it('sends and signs the session token as x-bce-security-token', async () => {
    await client({ credentials: WITH_TOKEN }).send({ method: 'GET', path: ['v1'] });

    const got = server.received[0]!;
    expect(got.headers['x-bce-security-token']).toBe(SESSION_TOKEN);
    expect(got.headers.authorization).toMatch(/\/host;x-bce-date;x-bce-security-token\//);
    expect(got.signatureValid).toBe(true);
  });

  it('sends a bcekit User-Agent, with the caller suffix', async () => {
    await client({ userAgent: 'my-app/2' }).send({ method: 'GET', path: ['v1'] });

    expect(server.received[0]!.headers['user-agent']).toBe(`bcekit/${VERSION} my-app/2`);
  });

  it('signs the host with its port', async () => {
    await client().send({ method: 'GET', path: ['v1'] });

    expect(server.received[0]!.headers.host).toBe(server.origin.slice('http://'.length));
    expect(server.received[0]!.signatureValid).toBe(true);
  });

  it('uses the injected fetch', async () => {
    const urls: string[] = [];
    const fetchSpy: typeof fetch = (input, init) => {
      urls.push(input instanceof Request ? input.url : String(input));
      return fetch(input, init);
    };

    await client({ fetch: fetchSpy }).send({ method: 'GET', path: ['v1', 'x'] });

    expect(urls).toEqual([`${server.origin}/v1/x`]);
  });

  it("gives the injected fetch the attempt's method, headers, body and signal, redirect 'manual', and nothing else", async () => {
    const inits: RequestInit[] = [];
    const fetchSpy: typeof fetch = (input, init) => {
      inits.push(init!);
      return fetch(input, init);
    };

    await client({ fetch: fetchSpy }).send({ method: 'POST', path: ['v1', 'x'], body: { a: 1 } });

    expect(inits).toHaveLength(1);
    const init = inits[0]!;
    expect(Object.keys(init).sort()).toEqual(['body', 'headers', 'method', 'redirect', 'signal']);
    expect(init).toMatchObject({ method: 'POST', body: '{"a":1}', redirect: 'manual' });
    expect(init.signal).toBeInstanceOf(AbortSignal);
    expect(Object.keys(init.headers as Record<string, string>).sort()).toEqual([
      'authorization',
      'content-type',
      'user-agent',
      'x-bce-date',
    ]);
    expect(server.received[0]!.signatureValid).toBe(true);
  });

  it('refuses an empty path segment without sending', async () => {
    const call = client().send({ method: 'GET', path: ['v1', 'peerconn', ''], operation: 'getPeerconn' });

    await expect(call).rejects.toThrow('getPeerconn: path[2] must be a non-empty string');
    expect(server.received).toHaveLength(0);
  });

  it.each(['.', '..'])(
    'refuses a %j path segment, which the URL parser would collapse, without sending',
    async (dot) => {
      const call = client().send({
        method: 'DELETE',
        path: ['v1', 'peerconn', dot, 'x'],
        operation: 'releasePeerconn',
      });

      await expect(call).rejects.toBeInstanceOf(BceValidationError);
      await expect(call).rejects.toThrow('releasePeerconn: path[2] must not be "." or ".."');
      expect(server.received).toHaveLength(0);
    },
  );

  it('keeps dots inside a segment, which the URL parser leaves alone', async () => {
    await client().send({ method: 'GET', path: ['v1', '...', '.x', 'a..b'] });

    expect(server.received[0]!.path).toBe('/v1/.../.x/a..b');
    expect(server.received[0]!.signatureValid).toBe(true);
  });
});

describe('logger', () => {
  it('reaches a logger whose methods live on its prototype, with its own this', async () => {
    class PrototypeLogger {
      lines: string[] = [];
      debug(message: string) {
        this.lines.push(`debug ${message}`);
      }
      info(message: string) {
        this.lines.push(`info ${message}`);
      }
      warn(message: string) {
        this.lines.push(`warn ${message}`);
      }
      error(message: string) {
        this.lines.push(`error ${message}`);
      }
    }
    const logger = new PrototypeLogger();
    server.script(json(200, {}));

    await client({ logger }).send({ method: 'GET', path: ['v1', 'peerconn'] });

    expect(logger.lines).toEqual(['debug bcekit: attempt start', 'debug bcekit: attempt end']);
  });

  it('leaves the levels a partial logger lacks silent', async () => {
    const warnings: string[] = [];
    server.script(text(404, ''));

    await client({ logger: { warn: (message: string) => warnings.push(message) } })
      .send({ method: 'GET', path: ['v1', 'peerconn', 'missing'] })
      .catch(() => undefined);

    expect(warnings).toEqual(['bcekit: call failed']);
  });
});
