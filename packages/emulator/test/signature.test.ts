import { createEmulator, FIXTURE_ACCOUNTS } from '@bcekit/emulator';
import { describe, expect, it } from 'vitest';
import { errorCode, signedRequest } from './helpers.ts';

const [alice] = FIXTURE_ACCOUNTS;
const base = 'https://bcc.bj.baidubce.com/v1/peerconn';
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('signature verification', () => {
  it('accepts a correctly signed request', async () => {
    const emulator = createEmulator();

    const response = await emulator.handle(await signedRequest({ url: base, credentials: alice }));

    expect(response.status).toBe(200);
  });

  it('rejects a wrong signature with 403 SignatureDoesNotMatch', async () => {
    const emulator = createEmulator();
    const request = await signedRequest({ url: base, credentials: { ...alice, secretAccessKey: 'not-the-secret' } });

    const response = await emulator.handle(request);

    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe('SignatureDoesNotMatch');
  });

  it('rejects an unknown access key with 403 InvalidAccessKeyId', async () => {
    const emulator = createEmulator();
    const request = await signedRequest({
      url: base,
      credentials: { accessKeyId: 'AKIDUNKNOWN', secretAccessKey: 's' },
    });

    const response = await emulator.handle(request);

    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe('InvalidAccessKeyId');
  });

  it('rejects an expired x-bce-date with 400 RequestExpired', async () => {
    const emulator = createEmulator();
    const request = await signedRequest({ url: base, credentials: alice, timestamp: nowSeconds() - 1801 });

    const response = await emulator.handle(request);

    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe('RequestExpired');
  });

  it('rejects a request signed more than 15 minutes in the future with RequestExpired', async () => {
    const emulator = createEmulator();
    const request = await signedRequest({ url: base, credentials: alice, timestamp: nowSeconds() + 16 * 60 });

    expect(await errorCode(await emulator.handle(request))).toBe('RequestExpired');
  });

  it('checks time against the emulator clock, not the machine clock', async () => {
    const emulator = createEmulator({ now: Date.now() - 60 * 60 * 1000 });
    const request = await signedRequest({ url: base, credentials: alice });

    const response = await emulator.handle(request);

    expect(await errorCode(response)).toBe('RequestExpired');
    expect(Math.abs(Date.parse(response.headers.get('date')!) - (Date.now() - 3_600_000))).toBeLessThan(5_000);
  });

  it('honours a short expiration in the auth string', async () => {
    const emulator = createEmulator();
    const request = await signedRequest({
      url: base,
      credentials: alice,
      timestamp: nowSeconds() - 120,
      expirationInSeconds: 60,
    });

    expect(await errorCode(await emulator.handle(request))).toBe('RequestExpired');
  });

  it('rejects a malformed Authorization with 400 InvalidHTTPAuthHeader', async () => {
    const emulator = createEmulator();
    const request = new Request(base, { headers: { authorization: 'bce-auth-v1/AK/yesterday/1800//abc' } });

    const response = await emulator.handle(request);

    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe('InvalidHTTPAuthHeader');
  });

  it('rejects a request without Authorization with InvalidHTTPAuthHeader', async () => {
    const emulator = createEmulator();

    expect(await errorCode(await emulator.handle(new Request(base)))).toBe('InvalidHTTPAuthHeader');
  });

  it.each<{
    when: string;
    signing: { headers: Record<string, string>; headersToSign?: string[] };
    body: string;
    answer: unknown[];
  }>([
    {
      when: 'content-length was signed, with 403 SignatureDoesNotMatch',
      signing: { headers: { 'content-length': '25' }, headersToSign: ['host', 'content-type', 'content-length'] },
      body: '{"newBandwidthInMbps":2000}',
      answer: [403, 'SignatureDoesNotMatch'],
    },
    {
      when: 'Content-MD5 was sent, with 400 BadDigest',
      signing: { headers: { 'content-md5': 'oXy2XtcGwHoqXj2yaF7slg==' } },
      body: '{"newBandwidthInMbps":30}',
      answer: [400, 'BadDigest'],
    },
  ])('rejects a tampered body when $when', async ({ signing, body, answer }) => {
    const emulator = createEmulator();
    const signed = await signedRequest({
      url: `${base}/peerconn-aaaaaaaaaaaa`,
      method: 'PUT',
      query: { resize: '', clientToken: 't1' },
      body: '{"newBandwidthInMbps":20}',
      credentials: alice,
      ...signing,
    });
    const tampered = new Request(signed.url, { method: 'PUT', headers: signed.headers, body });

    const response = await emulator.handle(tampered);

    expect([response.status, await errorCode(response)]).toEqual(answer);
  });

  it('rejects a tampered signed header with SignatureDoesNotMatch', async () => {
    const emulator = createEmulator();
    const signed = await signedRequest({ url: base, credentials: alice, headers: { 'x-bce-meta-a': 'one' } });
    const headers = new Headers(signed.headers);
    headers.set('x-bce-meta-a', 'two');

    const response = await emulator.handle(new Request(signed.url, { headers }));

    expect(await errorCode(response)).toBe('SignatureDoesNotMatch');
  });

  it('answers a body that is not JSON with 400 MalformedJSON', async () => {
    const emulator = createEmulator();
    const request = await signedRequest({
      url: base,
      method: 'POST',
      query: { clientToken: 't' },
      body: '{oops',
      credentials: alice,
    });

    const response = await emulator.handle(request);

    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe('MalformedJSON');
  });

  it('accepts an empty signed-headers segment as the default set plus x-bce-*', async () => {
    const emulator = createEmulator();
    const request = await signedRequest({
      url: base,
      credentials: alice,
      headers: { 'content-length': '0', 'content-type': 'application/json;charset=utf-8' },
      headersToSign: ['host', 'content-length', 'content-type', 'content-md5'],
      emptySegment: true,
    });

    expect((await emulator.handle(request)).status).toBe(200);
  });

  it('accepts a presigned URL (authorization in the query)', async () => {
    const emulator = createEmulator();
    const signed = await signedRequest({ url: base, credentials: alice });
    const url = new URL(signed.url);
    url.searchParams.set('authorization', signed.headers.get('authorization')!);

    const response = await emulator.handle(
      new Request(url, { headers: { 'x-bce-date': signed.headers.get('x-bce-date')! } }),
    );

    expect(response.status).toBe(200);
  });
});

describe('temporary credentials', () => {
  it('accepts a temporary key with its signed session token', async () => {
    const emulator = createEmulator();
    const temporary = emulator.issueTemporaryCredentials(alice.accountId);

    const response = await emulator.handle(await signedRequest({ url: base, credentials: temporary }));

    expect(response.status).toBe(200);
  });

  it('rejects a temporary key without its token with 403 InvalidSecurityToken', async () => {
    const emulator = createEmulator();
    const { sessionToken: _token, ...withoutToken } = emulator.issueTemporaryCredentials(alice.accountId);

    const response = await emulator.handle(await signedRequest({ url: base, credentials: withoutToken }));

    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe('InvalidSecurityToken');
  });

  it('rejects a wrong session token with InvalidSecurityToken', async () => {
    const emulator = createEmulator();
    const temporary = emulator.issueTemporaryCredentials(alice.accountId);

    const response = await emulator.handle(
      await signedRequest({ url: base, credentials: { ...temporary, sessionToken: 'other' } }),
    );

    expect(await errorCode(response)).toBe('InvalidSecurityToken');
  });
});
