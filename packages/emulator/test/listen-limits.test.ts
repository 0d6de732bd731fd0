// listen() never buffers a body it should not: an unsigned request is answered from its headers, before its body
// is sent, and a signed one stops being read at the size limit (413). Each test sends only part of a large
// body and waits for the answer: an emulator that reads bodies first would never answer (the test times out).
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { FIXTURE_ACCOUNTS } from '@bcekit/emulator';
import { sign } from '@bcekit/signer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Started, startEmulator } from './helpers.ts';

const [alice] = FIXTURE_ACCOUNTS;
const LIMIT = 1024 * 1024;
let env: Started;

beforeEach(async () => {
  env = await startEmulator();
});
afterEach(() => env.close());

interface Answer {
  status: number;
  headers: IncomingMessage['headers'];
  json: { code?: string; message?: string };
}

/**
 * POSTs `headers`, writes `sent` bytes of body and, without ending the body, waits for the response. Resolves
 * with it; the request is then destroyed.
 */
function postPartly(headers: Record<string, string>, sent: number): Promise<Answer> {
  const { port } = env.server;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/v1/peerconn?clientToken=big', headers });
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        req.destroy();
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Answer['json'],
        });
      });
    });
    req.flushHeaders();
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    for (let written = 0; written < sent; written += chunk.length) req.write(chunk);
  });
}

async function signedHeaders(extra: Record<string, string>): Promise<Record<string, string>> {
  const timestamp = Math.floor(Date.now() / 1000);
  const headers = {
    host: new URL(env.server.url).host,
    'content-type': 'application/json;charset=utf-8',
    'x-bce-date': new Date(timestamp * 1000).toISOString().slice(0, 19) + 'Z',
    ...extra,
  };
  const authorization = await sign(
    { method: 'POST', path: '/v1/peerconn', query: { clientToken: 'big' }, headers },
    { credentials: alice, timestamp, headersToSign: ['host', 'content-type'] },
  );
  return { ...headers, authorization };
}

describe('listen() and request bodies', () => {
  it('answers an unsigned POST from its headers, before its 64 MiB body is sent, and closes the connection', async () => {
    const answer = await postPartly(
      { 'content-type': 'application/json', 'content-length': String(64 * LIMIT) },
      256 * 1024,
    );

    expect([answer.status, answer.json.code]).toEqual([400, 'InvalidHTTPAuthHeader']);
    expect(answer.headers['connection']).toBe('close');
    expect(env.emulator.state().counts.peerConns).toBe(0);
  });

  it('answers a POST with a wrong signature before reading its body', async () => {
    const headers = await signedHeaders({ 'content-length': String(64 * LIMIT) });
    headers['authorization'] = headers['authorization']!.replace(/[0-9a-f]{64}$/, '0'.repeat(64));

    const answer = await postPartly(headers, 256 * 1024);

    expect([answer.status, answer.json.code]).toEqual([403, 'SignatureDoesNotMatch']);
  });

  it('refuses a signed POST that declares a body over 1 MiB with 413, without reading it', async () => {
    const answer = await postPartly(await signedHeaders({ 'content-length': String(LIMIT + 1) }), 64 * 1024);

    expect([answer.status, answer.json.code]).toEqual([413, 'RequestEntityTooLarge']);
    expect(answer.headers['connection']).toBe('close');
  });

  it('stops reading a signed chunked POST at 1 MiB with 413', async () => {
    const answer = await postPartly(await signedHeaders({ 'transfer-encoding': 'chunked' }), LIMIT + 256 * 1024);

    expect([answer.status, answer.json.code]).toEqual([413, 'RequestEntityTooLarge']);
    expect(answer.json.message).toContain(String(LIMIT));
  });

  it('refuses an oversized body through the in-process fetch as well', async () => {
    const headers = await signedHeaders({});
    const { host: _host, ...sent } = headers;

    const response = await env.emulator.fetch(`${env.server.url}/v1/peerconn?clientToken=big`, {
      method: 'POST',
      headers: sent,
      body: ' '.repeat(LIMIT + 1),
    });

    expect(response.status).toBe(413);
    expect(((await response.json()) as { code: string }).code).toBe('RequestEntityTooLarge');
  });
});

describe('listen() and requests it cannot read', () => {
  it('ends the connection of a request with an invalid Host, and keeps serving', async () => {
    const { port } = env.server;
    const socket = connect(port, '127.0.0.1');
    const closed = new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk.toString('latin1');
      });
      socket.on('close', () => resolve(text));
    });
    socket.write('GET /v1/peerconn HTTP/1.1\r\nHost: not a host\r\n\r\n');

    expect(await closed).toBe('');
    const response = await fetch(`${env.server.url}/v1/peerconn`);
    expect(response.status).toBe(400); // unsigned, answered: the server is still up
  });
});
