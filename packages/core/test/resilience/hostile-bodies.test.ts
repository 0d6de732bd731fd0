import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SUCCESS_BODY_LIMIT } from '../../src/client/attempt.ts';
import { ERROR_BODY_LIMIT, readCappedText } from '../../src/errors/from-response.ts';
import { BceNetworkError, BceServiceError } from '../../src/index.ts';
import { rejection } from '../helpers/secret-scan.ts';
import { json, startTestServer, type TestServer, text } from '../helpers/test-server.ts';
import { hostileClient, streamed } from './hostile.ts';

const MB = 1024 * 1024;
const CREATE = { method: 'POST', path: ['v1', 'peerconn'], query: { clientToken: 'tok-hostile' }, body: {} } as const;

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

describe('huge bodies', () => {
  it('builds the error of a 50 MB error body from a capped excerpt and stops reading', async () => {
    const body = streamed(400, 50 * MB);
    server.script(body.responder);
    const { client, expectClean } = hostileClient(server.origin);

    const error = await rejection(client.send(CREATE));

    expect(error).toBeInstanceOf(BceServiceError);
    expect(error).toMatchObject({ statusCode: 400, code: 'InvalidHTTPRequest', clientToken: 'tok-hostile' });
    expect(error.serviceMessage).toContain('(cut off)');
    expect(error.serviceMessage.length).toBeLessThan(260);
    expect(error.message.length).toBeLessThan(400);
    // Stopped reading: the server, which writes only as fast as the client reads, got nowhere near 50 MB out.
    expect(body.sent()).toBeLessThan(20 * MB);
    expectClean(error, server.received);
  });

  it('reads no more than the error limit from an endless stream (memory stays bounded)', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 4096;
        controller.enqueue(new Uint8Array(4096).fill(0x61));
      },
    });

    const read = await readCappedText(new Response(endless), ERROR_BODY_LIMIT);

    expect(read).toMatchObject({ complete: false, overLimit: true });
    expect(read.text.length).toBe(ERROR_BODY_LIMIT);
    expect(pulled).toBeLessThanOrEqual(ERROR_BODY_LIMIT + 3 * 4096);
  });

  it('refuses a success body over the success limit instead of buffering it', async () => {
    const body = streamed(200, 40 * MB, { 'content-type': 'application/json' });
    server.script(body.responder);
    const { client, expectClean } = hostileClient(server.origin);

    const error = await rejection(client.send(CREATE));

    expect(error).toBeInstanceOf(BceServiceError);
    expect(error).toMatchObject({ statusCode: 200, code: 'ResponseTooLarge', attempts: 1 });
    expect(body.sent()).toBeLessThan(SUCCESS_BODY_LIMIT + 8 * MB);
    expectClean(error, server.received);
  });
});

describe('wrong content types', () => {
  it('turns an HTML page on 200 into MalformedJSON with a short excerpt, not retried', async () => {
    const page = `<html><head><title>Portal</title></head><body>${'<p>login here</p>'.repeat(500)}</body></html>`;
    server.script(text(200, page, { 'content-type': 'text/html' }));
    const { client, expectClean } = hostileClient(server.origin, { retry: 2 });

    const error = await rejection(client.send(CREATE));

    expect(error).toMatchObject({ name: 'BceServiceError', code: 'MalformedJSON', statusCode: 200, attempts: 1 });
    expect(error.serviceMessage.length).toBeLessThan(260);
    expect(server.received).toHaveLength(1);
    expectClean(error, server.received);
  });

  it('reads an HTML 502 page as BadGateway with tags and scripts stripped', async () => {
    const page = '<html><script>var k="leak"</script><h1>502 Bad Gateway</h1><p>nginx</p></html>';
    server.script(text(502, page, { 'content-type': 'text/html' }));
    const { client, expectClean } = hostileClient(server.origin);

    const error = await rejection(client.send(CREATE));

    expect(error).toMatchObject({ code: 'BadGateway', statusCode: 502 });
    expect(error.serviceMessage).toBe('unexpected response body: 502 Bad Gateway nginx');
    expectClean(error, server.received);
  });

  it('accepts a JSON body sent as text/plain (reading is lenient)', async () => {
    server.script(text(200, '{"peerConnId":"peerconn-a1"}', { 'content-type': 'text/plain' }));
    const { client } = hostileClient(server.origin);

    const value = await client.send(CREATE);

    expect(value).toEqual({ peerConnId: 'peerconn-a1' });
  });

  it('gives BceNetworkError, not a crash, for a body that claims gzip but is not', async () => {
    server.script(text(200, 'not gzip at all', { 'content-encoding': 'gzip', 'content-type': 'application/json' }));
    const { client, expectClean } = hostileClient(server.origin, { retry: { limit: 1, baseDelay: 0, maxDelay: 0 } });

    const error = await rejection(client.send(CREATE));

    expect(error).toBeInstanceOf(BceNetworkError);
    expect(error).toMatchObject({ attempts: 2, clientToken: 'tok-hostile' });
    expectClean(error, server.received);
  });
});

describe('JSON with missing, wrong or extra fields', () => {
  it('derives the code from the status and the requestId from the header when the body has none', async () => {
    server.script(json(404, {}, { 'x-bce-request-id': 'req-from-header' }));
    const { client, expectClean } = hostileClient(server.origin);

    const error = await rejection(client.send(CREATE));

    expect(error).toMatchObject({ code: 'NotFound', statusCode: 404, requestId: 'req-from-header' });
    expectClean(error, server.received);
  });

  it('ignores fields of the wrong type instead of trusting them', async () => {
    server.script(json(409, { code: 42, message: { nested: true }, requestId: ['x'] }));
    const { client, expectClean } = hostileClient(server.origin);

    const error = await rejection(client.send(CREATE));

    expect(error).toMatchObject({ code: 'Conflict', statusCode: 409, requestId: undefined });
    expect(typeof error.serviceMessage).toBe('string');
    expectClean(error, server.received);
  });

  it('keeps the BCE fields of an error body with extra fields', async () => {
    server.script(json(400, { code: 'QuotaExceeded', message: 'too many', requestId: 'r-1', extra: { deep: [1] } }));
    const { client } = hostileClient(server.origin);

    const error = await rejection(client.send(CREATE));

    expect(error).toMatchObject({ code: 'QuotaExceeded', serviceMessage: 'too many', requestId: 'r-1' });
  });

  it('returns a success body with missing and extra fields as it came', async () => {
    server.script(json(200, { unexpected: { a: [1, 2] }, also: null }));
    const { client } = hostileClient(server.origin);

    const value = await client.send(CREATE);

    expect(value).toEqual({ unexpected: { a: [1, 2] }, also: null });
  });

  it('does not pollute Object.prototype from a __proto__ key in a response', async () => {
    server.script(text(200, '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}'));
    const { client } = hostileClient(server.origin);

    const value = (await client.send(CREATE)) as Record<string, unknown>;

    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });
});
