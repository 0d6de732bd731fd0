import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeClientOptions } from '../../src/client/normalize-options.ts';
import { BceNetworkError, BceValidationError, type ClientOptions, createClient } from '../../src/index.ts';
import { STATIC } from '../helpers/credentials.ts';
import { rejection } from '../helpers/secret-scan.ts';
import { hostileClient } from './hostile.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const GET = { method: 'GET', path: ['v1', 'peerconn'], serviceHost: 'bcc.{region}.baidubce.com' } as const;

function recordingFetch() {
  const urls: string[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    urls.push(new Request(input, init).url);
    return new Response('{}', { status: 200 });
  };
  return { urls, fetchImpl };
}

describe('https by default', () => {
  it('resolves a bare host endpoint to https', () => {
    const client = createClient({ endpoint: 'bcc.bj.baidubce.com', credentials: STATIC });

    expect(client.config.endpoint).toBe('https://bcc.bj.baidubce.com');
  });

  it('sends region-resolved requests over https', async () => {
    const { urls, fetchImpl } = recordingFetch();
    const client = createClient({ region: 'bj', credentials: STATIC, fetch: fetchImpl });

    await client.send(GET);

    expect(urls).toEqual(['https://bcc.bj.baidubce.com/v1/peerconn']);
  });

  it('never yields an endpoint other than http(s) for any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.constantFrom('ftp://a', 'ws://a', 'file:///a')), (endpoint) => {
        try {
          const client = createClient({ endpoint, credentials: STATIC });
          expect(client.config.endpoint).toMatch(/^https?:\/\/[^/?#@]+$/);
        } catch (error) {
          expect(error).toBeInstanceOf(BceValidationError);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('other schemes are refused at createClient', () => {
  it.each([
    'ftp://bcc.bj.baidubce.com',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'ws://127.0.0.1:8080',
    'wss://bcc.bj.baidubce.com',
    'data:text/plain,hi',
    'gopher://127.0.0.1:70',
    '//bcc.bj.baidubce.com',
    'https:bcc.bj.baidubce.com',
    'https://user:pass@bcc.bj.baidubce.com',
  ])('refuses %s and sends nothing', (endpoint) => {
    const { urls, fetchImpl } = recordingFetch();

    const create = () => createClient({ endpoint, credentials: STATIC, fetch: fetchImpl });

    expect(create).toThrow(BceValidationError);
    expect(create).toThrow(/endpoint/);
    expect(urls).toHaveLength(0);
  });

  it.each(['bj.evil.com', 'bj/x', 'bj@evil', 'bj#', 'bj?', 'BJ', ' bj'])(
    'refuses region %j (no host injection)',
    (region) => {
      expect(() => createClient({ region, credentials: STATIC })).toThrow(BceValidationError);
    },
  );
});

describe('no option disables certificate checks', () => {
  it('has no TLS, proxy or verification option among the normalised options', () => {
    const normalized = normalizeClientOptions({ endpoint: 'bcc.bj.baidubce.com', credentials: STATIC });

    expect(Object.keys(normalized).sort()).toEqual(
      [
        'assumedHttps',
        'credentials',
        'endpoint',
        'fetch',
        'hooks',
        'logger',
        'region',
        'retry',
        'timeout',
        'userAgent',
      ].sort(),
    );
  });

  it('does not accept rejectUnauthorized or insecure in its types', () => {
    // @ts-expect-error: there is no such option
    const a: ClientOptions = { endpoint: 'x.com', credentials: STATIC, rejectUnauthorized: false };
    // @ts-expect-error: there is no such option
    const b: ClientOptions = { endpoint: 'x.com', credentials: STATIC, insecure: true };

    expect(Object.keys(createClient(a).config)).not.toContain('rejectUnauthorized');
    expect(Object.keys(createClient(b).config)).not.toContain('insecure');
  });

  it('refuses a self-signed certificate even when told not to check', async () => {
    let requests = 0;
    const tls = createServer(
      { key: fixture('self-signed-test-only.key.pem'), cert: fixture('self-signed-test-only.cert.pem') },
      (_req, res) => {
        requests++;
        res.end('{}');
      },
    );
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
    const port = (tls.address() as AddressInfo).port;
    const bypass = { rejectUnauthorized: false, insecure: true, tls: { rejectUnauthorized: false } };
    const { client, expectClean } = hostileClient(`127.0.0.1:${port}`, bypass as object);

    const error = await rejection(client.send(GET));

    await new Promise<void>((resolve) => tls.close(() => resolve()));
    expect(client.config.endpoint).toBe(`https://127.0.0.1:${port}`);
    expect(error).toBeInstanceOf(BceNetworkError);
    expect(error.message).toMatch(/SELF_SIGNED|certificate/i);
    expect(requests).toBe(0);
    expectClean(error);
  });
});
