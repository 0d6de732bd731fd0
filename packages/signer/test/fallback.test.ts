import { createHmac } from 'node:crypto';
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
// Computed once with node:crypto's createHmac, independently of the signer's back ends.
const expected = (() => {
  const prefix = `bce-auth-v1/${credentials.accessKeyId}/2023-11-20T03:18:01Z/1800`;
  const canonical = 'POST\n/v1/peerconn\nclientToken=t\nhost:bcc.bj.baidubce.com';
  const key = createHmac('sha256', credentials.secretAccessKey).update(prefix).digest('hex');
  return `${prefix}/host/${createHmac('sha256', key).update(canonical).digest('hex')}`;
})();

const getBuiltinModule = process.getBuiltinModule;

/** Makes this Node look like a browser or a Worker without nodejs_compat: no native crypto to find. */
function withoutNativeCrypto() {
  (process as { getBuiltinModule?: unknown }).getBuiltinModule = undefined;
}

describe('HMAC back ends', () => {
  afterEach(() => {
    process.getBuiltinModule = getBuiltinModule;
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('sign() and signSync() use node:crypto where the runtime offers it, without Web Crypto', async () => {
    const subtleSign = vi.spyOn(crypto.subtle, 'sign');
    const lookup = vi.spyOn(process, 'getBuiltinModule');

    const authorization = await sign(request, { credentials: { ...credentials }, timestamp: 1700450281 });
    const sync = signSync(request, { credentials: { ...credentials }, timestamp: 1700450281 });

    expect(authorization).toBe(expected);
    expect(sync).toBe(expected);
    expect(lookup).toHaveBeenCalledWith('node:crypto');
    expect(subtleSign).not.toHaveBeenCalled();
  });

  it('sign() uses Web Crypto where there is no native crypto (browsers, Workers)', async () => {
    withoutNativeCrypto();
    const subtleSign = vi.spyOn(crypto.subtle, 'sign');

    const authorization = await sign(request, { credentials: { ...credentials }, timestamp: 1700450281 });

    expect(authorization).toBe(expected);
    expect(subtleSign).toHaveBeenCalled();
  });

  it('sign() falls back to @noble/hashes without native crypto and crypto.subtle (insecure browser contexts)', async () => {
    withoutNativeCrypto();
    const subtleSign = vi.spyOn(crypto.subtle, 'sign');
    vi.stubGlobal('crypto', { getRandomValues: crypto.getRandomValues.bind(crypto) });

    const authorization = await sign(request, { credentials, timestamp: 1700450281 });

    expect(globalThis.crypto.subtle).toBeUndefined();
    expect(authorization).toBe(expected);
    expect(subtleSign).not.toHaveBeenCalled();
  });

  it('signSync() uses @noble/hashes without native crypto', () => {
    withoutNativeCrypto();

    expect(signSync(request, { credentials, timestamp: 1700450281 })).toBe(expected);
  });

  it('a second sign() in the same second reuses the derived key and still gives each request its own value', async () => {
    const same = { ...credentials };
    const other = { ...request, query: { clientToken: 'u' } };

    const first = await sign(request, { credentials: same, timestamp: 1700450281 });
    const second = await sign(other, { credentials: same, timestamp: 1700450281 });
    const fresh = signSync(other, { credentials: { ...credentials }, timestamp: 1700450281 });

    expect(first).toBe(expected);
    expect(second).toBe(fresh);
  });

  it('a key derived by native crypto in this second serves the @noble/hashes path too', async () => {
    const shared = { ...credentials };
    const native = await sign(request, { credentials: shared, timestamp: 1700450281 });
    withoutNativeCrypto();

    const noble = signSync(request, { credentials: shared, timestamp: 1700450281 });

    expect(native).toBe(expected);
    expect(noble).toBe(expected);
  });

  it('a changed secret on the same credentials object is never signed with the old key', async () => {
    const mutable = { ...credentials };
    await sign(request, { credentials: mutable, timestamp: 1700450281 });
    mutable.secretAccessKey = 'another-secret-0000000000000000';

    const authorization = await sign(request, { credentials: mutable, timestamp: 1700450281 });

    expect(authorization).toBe(signSync(request, { credentials: { ...mutable }, timestamp: 1700450281 }));
    expect(authorization).not.toBe(expected);
  });
});
