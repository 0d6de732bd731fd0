import { describe, expect, it } from 'vitest';
import { BceSigningError, describeSigning, presign, sign, signSync } from '../src/index.ts';

const secret = 'wJalrXUtnFEMIK7MDENGbPxRfiCYSECRET';
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: secret };
const request = { method: 'GET', path: '/v1/peerconn', headers: { host: 'bcc.bj.baidubce.com' } };

async function rejection(fn: () => unknown): Promise<Error> {
  try {
    await fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('bad input', () => {
  it.each([
    ['missing credentials', { credentials: undefined }, 'credentials'],
    ['an empty access key', { credentials: { accessKeyId: '', secretAccessKey: secret } }, 'credentials.accessKeyId'],
    [
      'an empty secret key',
      { credentials: { accessKeyId: 'AK', secretAccessKey: ' ' } },
      'credentials.secretAccessKey',
    ],
    ['a zero expiration', { credentials, expirationInSeconds: 0 }, 'expirationInSeconds'],
    ['a negative expiration', { credentials, expirationInSeconds: -5 }, 'expirationInSeconds'],
    ['a fractional expiration', { credentials, expirationInSeconds: 1.5 }, 'expirationInSeconds'],
    ['an invalid Date', { credentials, timestamp: new Date('not a date') }, 'timestamp'],
    ['a NaN timestamp', { credentials, timestamp: Number.NaN }, 'timestamp'],
  ])('%s is refused naming %s, in sign and signSync', async (_label, options, field) => {
    for (const signer of [sign, signSync]) {
      // biome-ignore lint/suspicious/noExplicitAny: deliberately invalid input
      const error = await rejection(() => signer(request, options as any));
      expect(error).toBeInstanceOf(BceSigningError);
      expect((error as BceSigningError).field).toBe(field);
      expect(error.message.startsWith(`${field}:`)).toBe(true);
      expect(`${error.message}${error.stack}${JSON.stringify(error)}`).not.toContain(secret);
    }
  });

  it('refuses CR, LF or NUL inside a header value, naming the header', async () => {
    for (const value of ['a\r\nx-evil: 1', 'line\nbreak', 'in\rside', 'nul\0inside']) {
      const error = await rejection(() => sign({ ...request, headers: { 'x-bce-meta': value } }, { credentials }));
      expect(error).toBeInstanceOf(BceSigningError);
      expect(error.message).toContain('headers.x-bce-meta');
    }
  });

  it('trims outer ASCII whitespace (CR and LF included) as the official signer does', async () => {
    const headers = {
      host: 'bcc.bj.baidubce.com',
      'x-bce-meta': '\r\n value \t',
      'x-bce-vt': '\v\fv\v',
      'content-type': ' application/json ',
    };
    const authorization = await sign({ ...request, headers }, { credentials, timestamp: 1704067200 });
    // The signature Baidu's Python SDK 0.9.72 (baidubce/auth/bce_v1_signer.py) computes for these headers, and for
    // the same headers without the outer whitespace.
    expect(authorization.split('/').at(-1)).toBe('16e540a93d69366dc2c92473a4dbd79128784fdd0bb2bfbd3ecb7e73b2ca9b75');
    expect(signSync({ ...request, headers }, { credentials, timestamp: 1704067200 })).toBe(authorization);
    // Only ASCII whitespace goes: a no-break space is part of the value.
    const nbsp = { ...request, headers: { 'x-bce-meta': '\u00a0value\u00a0' } };
    expect(describeSigning(nbsp, { credentials }).canonicalHeaders).toBe('x-bce-meta:%C2%A0value%C2%A0');
  });
});

describe('sign', () => {
  it('writes the explicit sorted signed-headers list', async () => {
    const authorization = await sign(
      { ...request, headers: { 'x-bce-date': '2024-01-01T00:00:00Z', Host: 'h', 'Content-Type': 'application/json' } },
      { credentials, timestamp: 1704067200 },
    );
    expect(authorization.split('/')[4]).toBe('content-type;host;x-bce-date');
  });

  it('drops an authorization query key whatever its case', async () => {
    const base = await sign(request, { credentials, timestamp: 1 });
    const withKey = await sign(
      { ...request, query: { Authorization: 'x', authorization: 'y' } },
      { credentials, timestamp: 1 },
    );
    expect(withKey).toBe(base);
  });

  it('lower-cases headersToSign', async () => {
    const headers = { Host: 'h', Accept: '*/*' };
    const lower = await sign({ ...request, headers }, { credentials, timestamp: 1, headersToSign: ['host', 'accept'] });
    const mixed = await sign({ ...request, headers }, { credentials, timestamp: 1, headersToSign: ['HOST', 'Accept'] });
    expect(mixed).toBe(lower);
    expect(mixed.split('/')[4]).toBe('accept;host');
  });

  it('never encodes an encoded path twice', async () => {
    const once = describeSigning({ method: 'GET', path: '/v1/a%20b/%e6%b5%8b' }, { credentials });
    const raw = describeSigning({ method: 'GET', path: '/v1/a b/测' }, { credentials });
    expect(once.canonicalUri).toBe('/v1/a%20b/%E6%B5%8B');
    expect(raw.canonicalUri).toBe('/v1/a%20b/%E6%B5%8B');
  });

  it('signs a new second with a new signing key even for the same credentials object', async () => {
    const first = await sign(request, { credentials, timestamp: 100 });
    const second = await sign(request, { credentials, timestamp: 101 });
    expect(first.split('/').pop()).not.toBe(second.split('/').pop());
    expect(second).toBe(signSync(request, { credentials, timestamp: 101 }));
  });

  it('notices a secret changed on the same credentials object', async () => {
    const mutable = { accessKeyId: 'AK', secretAccessKey: 'first-secret-0001' };
    await sign(request, { credentials: mutable, timestamp: 5 });
    mutable.secretAccessKey = 'second-secret-0002';
    expect(await sign(request, { credentials: mutable, timestamp: 5 })).toBe(
      signSync(request, { credentials: { ...mutable }, timestamp: 5 }),
    );
  });
});

describe('describeSigning', () => {
  it('returns the canonical request and signed headers without any secret', () => {
    const description = describeSigning(
      { method: 'put', path: '/v1/peerconn/p-1', query: { accept: '' }, headers: { host: 'h', 'x-bce-date': 'd' } },
      { credentials, timestamp: 0 },
    );
    expect(description.canonicalRequest).toBe('PUT\n/v1/peerconn/p-1\naccept=\nhost:h\nx-bce-date:d');
    expect(description.signedHeaders).toEqual(['host', 'x-bce-date']);
    expect(description.authStringPrefix).toBe('bce-auth-v1/AKIDEXAMPLE/1970-01-01T00:00:00Z/1800');
    expect(JSON.stringify(description)).not.toContain(secret);
  });
});

describe('presign', () => {
  it('appends an authorization that signs host and the query', async () => {
    const url = await presign(
      { url: 'https://bcc.bj.baidubce.com:8443/v1/peerconn?vpcId=vpc-a1&authorization=stale' },
      { credentials, timestamp: 1700000000, expirationInSeconds: 300 },
    );
    const parsed = new URL(url);
    const authorization = parsed.searchParams.get('authorization')!;
    expect(parsed.searchParams.getAll('authorization')).toHaveLength(1);
    expect(authorization).toBe(
      signSync(
        {
          method: 'GET',
          path: '/v1/peerconn',
          query: { vpcId: 'vpc-a1' },
          headers: { host: 'bcc.bj.baidubce.com:8443' },
        },
        { credentials, timestamp: 1700000000, expirationInSeconds: 300, headersToSign: ['host'] },
      ),
    );
    expect(authorization.split('/').slice(3, 5)).toEqual(['300', 'host']);
  });
});
