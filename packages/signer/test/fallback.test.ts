import { afterEach, describe, expect, it, vi } from 'vitest';
import { sign, signSync } from '../src/index.ts';

const credentials = {
  accessKeyId: '821df997d529975dcb6de0703b4ab7ed',
  secretAccessKey: '013e50181d960e9558c1530a493afbb8',
};
const request = {
  method: 'POST',
  path: '/v1/peerconn',
  query: { clientToken: 't' },
  headers: { host: 'bcc.bj.baidubce.com' },
};

describe('without crypto.subtle (insecure browser contexts)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('sign() falls back to @noble/hashes and gives the same value', async () => {
    const expected = signSync(request, { credentials, timestamp: 1700450281 });
    const subtleSign = vi.spyOn(crypto.subtle, 'sign');
    vi.stubGlobal('crypto', { getRandomValues: crypto.getRandomValues.bind(crypto) });

    const authorization = await sign(request, { credentials, timestamp: 1700450281 });

    expect(globalThis.crypto.subtle).toBeUndefined();
    expect(authorization).toBe(expected);
    expect(subtleSign).not.toHaveBeenCalled();
  });

  it('sign() uses Web Crypto when it is there', async () => {
    const subtleSign = vi.spyOn(crypto.subtle, 'sign');

    await sign(request, { credentials: { ...credentials }, timestamp: 1700450282 });

    expect(subtleSign).toHaveBeenCalled();
    subtleSign.mockRestore();
  });
});
