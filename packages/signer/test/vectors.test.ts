// Fixtures: ../../../shared/vectors/bce-v1-signing.json — outputs of Baidu's official Python SDK
// (baidubce 0.9.72, commit 75967a0), copied to test/fixtures/.
import { describe, expect, it } from 'vitest';
import { canonicalize, sign, signSync } from '../src/index.ts';
import { type SigningVector as VectorCase, SIGNING_VECTORS as vectors } from './fixtures/signing-vectors.ts';

function inputs(c: VectorCase) {
  const request = { method: c.method, path: c.path, query: c.query, headers: c.headers };
  const options = {
    credentials: { accessKeyId: c.ak, secretAccessKey: c.sk },
    timestamp: c.timestamp,
    expirationInSeconds: c.expirationInSeconds,
    ...(c.headersToSign === null ? {} : { headersToSign: c.headersToSign }),
  };
  return { request, options };
}

function expectedNames(c: VectorCase): string {
  const headers = c.intermediate.canonicalHeaders;
  return headers
    ? headers
        .split('\n')
        .map((line) => decodeURIComponent(line.slice(0, line.indexOf(':'))))
        .join(';')
    : '';
}

function split(authorization: string) {
  const parts = authorization.split('/');
  return { prefix: parts.slice(0, 4).join('/'), signedHeaders: parts[4], signature: parts[5] };
}

describe('official Python SDK signing vectors', () => {
  it('has all 97 cases', () => {
    expect(vectors).toHaveLength(97);
  });

  describe.each(vectors.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const { request, options } = inputs(c);
    const expected = split(c.authorization);

    it('builds the same canonical request', () => {
      const parts = canonicalize(request, options);
      expect(parts.canonicalQueryString).toBe(c.intermediate.canonicalQueryString);
      expect(parts.canonicalHeaders).toBe(c.intermediate.canonicalHeaders);
      expect(parts.canonicalRequest).toBe(c.intermediate.canonicalRequest);
    });

    it('sign() gives the same signature and names exactly the canonical headers', async () => {
      const actual = split(await sign(request, options));
      expect(actual.prefix).toBe(expected.prefix);
      expect(actual.signature).toBe(expected.signature);
      expect(actual.signedHeaders).toBe(expectedNames(c));
    });

    it('signSync() gives the same signature and names exactly the canonical headers', () => {
      const actual = split(signSync(request, options));
      expect(actual.prefix).toBe(expected.prefix);
      expect(actual.signature).toBe(expected.signature);
      expect(actual.signedHeaders).toBe(expectedNames(c));
    });
  });
});
