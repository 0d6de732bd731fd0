// The 97 cases of Baidu's official signer, read from the signer package's fixture (one copy for the repo, as the
// conformance suite reads it): a request built from each case's inputs must pass the emulator's signature check.
import { createHash } from 'node:crypto';
import { createEmulator } from '@bcekit/emulator';
import { sign } from '@bcekit/signer';
import { describe, expect, it } from 'vitest';
import { SIGNING_VECTORS, type SigningVector as Vector } from '../../signer/test/fixtures/signing-vectors.ts';

const SIGNATURE_ERRORS = [
  'InvalidHTTPAuthHeader',
  'InvalidAccessKeyId',
  'RequestExpired',
  'SignatureDoesNotMatch',
  'InvalidSecurityToken',
  'BadDigest',
];
const encode = (text: string) =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The case's headers with names trimmed (a Request refuses spaces in names) and without its Authorization. */
function headersOf(vector: Vector): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(vector.headers)) {
    const key = name.trim();
    if (key.toLowerCase() !== 'authorization') headers[key] = value;
  }
  return headers;
}

/** Header values as bytes on the wire: UTF-8, which fetch's Headers only take as Latin-1 characters. */
function wireHeaders(headers: Record<string, string>): Record<string, string> {
  const toWire = (value: string) => String.fromCharCode(...new TextEncoder().encode(value));
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, toWire(value)]));
}

function find(headers: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

/** URL, body and headers of a request carrying the case's inputs; the body has the declared length. */
function requestParts(vector: Vector, headers: Record<string, string>) {
  const host = find(headers, 'host')?.trim() || 'bcc.bj.baidubce.com';
  const wire = Object.entries(vector.query).map(([k, v]) => (v === null ? encode(k) : `${encode(k)}=${encode(v)}`));
  const url = `http://${host}${vector.path}${wire.length ? `?${wire.join('&')}` : ''}`;
  const declared = Number(find(headers, 'content-length')?.trim() || '0');
  const hasBody = vector.method !== 'GET' && vector.method !== 'HEAD';
  const body = hasBody && declared > 0 ? 'x'.repeat(declared) : undefined;
  return { url, body };
}

function emulatorFor(vector: Vector, now?: number) {
  const emulator = createEmulator({ seed: false, ...(now === undefined ? {} : { now }) });
  const token = find(vector.headers, 'x-bce-security-token')?.trim();
  emulator.addAccount({
    accessKeyId: vector.ak,
    secretAccessKey: vector.sk,
    ...(token ? { sessionToken: token } : {}),
  });
  return emulator;
}

async function codeOf(response: Response): Promise<string | null> {
  if (response.status === 200) return null;
  return ((await response.json()) as { code: string }).code;
}

describe('official signing cases, re-signed at the emulator clock', () => {
  it.each(SIGNING_VECTORS.map((v) => [v.id, v] as const))('%s passes the signature check', async (_id, vector) => {
    const emulator = emulatorFor(vector);
    const headers = headersOf(vector);
    const { url, body } = requestParts(vector, headers);
    const timestamp = Math.floor(emulator.clock.requestTime() / 1000);
    for (const key of Object.keys(headers)) if (key.toLowerCase() === 'x-bce-date') delete headers[key];
    headers['x-bce-date'] = new Date(timestamp * 1000).toISOString().slice(0, 19) + 'Z';
    const md5Key = Object.keys(headers).find((k) => k.toLowerCase() === 'content-md5');
    if (md5Key)
      headers[md5Key] = createHash('md5')
        .update(body ?? '')
        .digest('base64');
    const query = Object.fromEntries(Object.entries(vector.query).map(([k, v]) => [k, v ?? '']));
    const authorization = await sign(
      { method: vector.method, path: vector.path, query, headers },
      {
        credentials: { accessKeyId: vector.ak, secretAccessKey: vector.sk },
        timestamp,
        expirationInSeconds: vector.expirationInSeconds,
        ...(vector.headersToSign ? { headersToSign: vector.headersToSign } : {}),
      },
    );

    const response = await emulator.handle(
      new Request(url, {
        method: vector.method,
        headers: { ...wireHeaders(headers), authorization },
        body: body ?? null,
      }),
    );

    expect(SIGNATURE_ERRORS).not.toContain(await codeOf(response));
  });
});

// Cases whose official Authorization can be replayed byte for byte: default header set (empty segment),
// an x-bce-date equal to the signing time (or none) and a Host header; a Content-MD5 only of an empty body.
const replayable = SIGNING_VECTORS.filter((v) => {
  const date = find(v.headers, 'x-bce-date');
  const md5 = find(v.headers, 'content-md5');
  return (
    v.headersToSign === null &&
    find(v.headers, 'host') !== undefined &&
    (date === undefined || Date.parse(date.trim()) === v.timestamp * 1000) &&
    (md5 === undefined || Number(find(v.headers, 'content-length') ?? '0') === 0)
  );
});

describe('official Authorization values, replayed at their own time', () => {
  it('covers most cases', () => {
    expect(replayable.length).toBeGreaterThan(60);
  });

  it.each(replayable.map((v) => [v.id, v] as const))(
    '%s is accepted as signed by the official SDK',
    async (_id, vector) => {
      const emulator = emulatorFor(vector, vector.timestamp * 1000);
      const headers = headersOf(vector);
      const { url, body } = requestParts(vector, headers);

      const response = await emulator.handle(
        new Request(url, {
          method: vector.method,
          headers: { ...wireHeaders(headers), authorization: vector.authorization },
          body: body ?? null,
        }),
      );

      expect(SIGNATURE_ERRORS).not.toContain(await codeOf(response));
    },
  );
});
