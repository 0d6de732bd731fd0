// Vectors J1–J5 and P1–P3 of peerconn-api.md §5.3 (from Baidu's JS SDK tests and re-derived with the Python
// signer), plus the Go SDK's header-selection case.
import { describe, expect, it } from 'vitest';
import { canonicalHeaders, canonicalize, canonicalQueryString, sign, signSync, uriEncode } from '../src/index.ts';

const myCredentials = { accessKeyId: 'my_ak', secretAccessKey: 'my_sk' };
const timestamp = 1402639056; // 2014-06-13T05:57:36Z
const clientToken = 'be31b98c-5e41-4838-9d30-9be700de5a20';

describe('J1: canonical query', () => {
  it('gives key= for null and empty values', () => {
    expect(canonicalQueryString({ A: 'A', B: null, C: '' })).toBe('A=A&B=&C=');
  });
});

describe('J2: uriEncode', () => {
  it('encodes reserved ASCII and UTF-8', () => {
    expect(uriEncode("!'()*this is an example for 测试")).toBe(
      '%21%27%28%29%2Athis%20is%20an%20example%20for%20%E6%B5%8B%E8%AF%95',
    );
  });
});

describe('J3: canonical headers', () => {
  it('signs host and x-bce-* and skips empty values', () => {
    const result = canonicalHeaders({ Host: 'localhost', 'x-bce-a': 'a/b:c', C: '' });
    expect(result.signedHeaders).toEqual(['host', 'x-bce-a']);
  });

  it('includes Content-MD5 from the default set', () => {
    const result = canonicalHeaders({ Host: 'localhost', 'x-bce-a': 'a/b:c', C: '', 'Content-MD5': 'MD5' });
    expect(result.canonicalHeaders).toBe('content-md5:MD5\nhost:localhost\nx-bce-a:a%2Fb%3Ac');
  });
});

describe.each([
  ['sign', sign],
  ['signSync', signSync],
] as const)('%s', (_name, signer) => {
  it('J4: PUT with null/empty/valued params and a meta header', async () => {
    const authorization = await signer(
      {
        method: 'PUT',
        path: '/v1/bucket/object1',
        query: { A: null, b: '', C: 'd' },
        headers: { Host: 'bce.baidu.com', abc: '123', 'x-bce-meta-key1': 'ABC' },
      },
      { credentials: myCredentials, timestamp },
    );
    expect(authorization).toBe(
      'bce-auth-v1/my_ak/2014-06-13T05:57:36Z/1800/host;x-bce-meta-key1/80c9672aca2ea9af4bb40b9a8ff458d72df94e97d550840727f3a929af271d25',
    );
  });

  it('J5: DELETE signing content-type and content-length', async () => {
    const authorization = await signer(
      {
        method: 'DELETE',
        path: '/v1/test-bucket1361199862',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Length': 0,
          'User-Agent': 'This is the user-agent',
        },
      },
      { credentials: myCredentials, timestamp, expirationInSeconds: 1800 },
    );
    expect(authorization).toBe(
      'bce-auth-v1/my_ak/2014-06-13T05:57:36Z/1800/content-length;content-type/c9386b15d585960ae5e6972f73ed92a9a682dc81025480ba5b41206d3e489822',
    );
  });

  const acceptRequest = {
    method: 'PUT',
    path: '/v1/peerconn/peerconn-9td54fmx143e',
    query: { accept: '', clientToken },
  };

  it('P1: accept as the Python SDK signs it', async () => {
    const authorization = await signer(
      {
        ...acceptRequest,
        headers: {
          Host: 'bcc.bj.baidubce.com',
          'Content-Type': 'application/json;charset=utf-8',
          'Content-Length': '0',
          'x-bce-date': '2014-06-13T05:57:36Z',
          Accept: '*/*',
          'User-Agent': 'bce-sdk-python',
        },
      },
      { credentials: myCredentials, timestamp },
    );
    expect(authorization.split('/').pop()).toBe('0208eeec65aabec4b0f86ab163010845d7b111f12d50d630a0ae660928b62b2e');
  });

  it('P2: accept Go style (x-bce-request-id present but not signed)', async () => {
    const authorization = await signer(
      {
        ...acceptRequest,
        headers: {
          Host: 'bcc.bj.baidubce.com',
          'Content-Type': 'application/json;charset=utf-8',
          'x-bce-date': '2014-06-13T05:57:36Z',
          'x-bce-request-id': 'f81d4fae-7dec-11d0-a765-00a0c91e6bf6',
        },
      },
      {
        credentials: myCredentials,
        timestamp,
        headersToSign: ['content-type', 'host', 'x-bce-date'],
        exactHeaders: true,
      },
    );
    expect(authorization).toBe(
      'bce-auth-v1/my_ak/2014-06-13T05:57:36Z/1800/content-type;host;x-bce-date/dfc5f3b855f077f4a21fe0a0ab54024cb5082cb432d0c7ad65de47caa8f5bbe1',
    );
  });

  it('P3: resize Go style with Content-Md5', async () => {
    const authorization = await signer(
      {
        method: 'PUT',
        path: '/v1/peerconn/peerconn-9td54fmx143e',
        query: { resize: '', clientToken },
        headers: {
          Host: 'bcc.bj.baidubce.com',
          'Content-Type': 'application/json;charset=utf-8',
          'Content-Length': '25',
          'Content-Md5': 'oXy2XtcGwHoqXj2yaF7slg==',
          'x-bce-date': '2014-06-13T05:57:36Z',
        },
      },
      {
        credentials: myCredentials,
        timestamp,
        headersToSign: ['content-length', 'content-md5', 'content-type', 'host', 'x-bce-date'],
      },
    );
    expect(authorization).toBe(
      'bce-auth-v1/my_ak/2014-06-13T05:57:36Z/1800/content-length;content-md5;content-type;host;x-bce-date/10a5a541372eef2c745779ee2736a40606fa0bf99a0c2216e1ff5dd5364f3b61',
    );
  });
});

describe('P1 canonical request', () => {
  it('matches the one derived from the Python SDK', () => {
    const parts = canonicalize({
      method: 'put',
      path: '/v1/peerconn/peerconn-9td54fmx143e',
      query: { clientToken, accept: '' },
      headers: {
        Host: 'bcc.bj.baidubce.com',
        'Content-Type': 'application/json;charset=utf-8',
        'Content-Length': '0',
        'x-bce-date': '2014-06-13T05:57:36Z',
      },
    });
    expect(parts.canonicalRequest).toBe(
      'PUT\n/v1/peerconn/peerconn-9td54fmx143e\naccept=&clientToken=be31b98c-5e41-4838-9d30-9be700de5a20\ncontent-length:0\ncontent-type:application%2Fjson%3Bcharset%3Dutf-8\nhost:bcc.bj.baidubce.com\nx-bce-date:2014-06-13T05%3A57%3A36Z',
    );
  });
});

describe('Go SDK header selection (signer_test.go)', () => {
  it('skips x-bce-request-id when told to sign exactly, and empty meta values always', () => {
    const headers = {
      Host: 'host',
      'x-bce-request-id': 'request-id',
      'x-bce-storage-class': 'storage-class',
      'x-bce-meta-key1': '',
      'x-bce-meta-key2': 'value2',
    };
    const goList = [
      'host',
      'content-length',
      'content-type',
      'content-md5',
      'authorization',
      'x-bce-storage-class',
      'x-bce-meta-key1',
      'x-bce-meta-key2',
    ];
    expect(canonicalHeaders(headers, goList, true).signedHeaders).toEqual([
      'host',
      'x-bce-meta-key2',
      'x-bce-storage-class',
    ]);
  });
});
