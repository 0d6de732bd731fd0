import { authStringPrefix } from './auth-string.ts';
import { canonicalize } from './canonical-request.ts';
import { hasWebCrypto, hmacHexWebCrypto, importHmacKey } from './hmac-web-crypto.ts';
import type { BceCredentials, SignableRequest, SignOptions } from './types.ts';

interface KeyCache {
  secret: string;
  secretKey: Promise<CryptoKey>;
  prefix?: string;
  signingKey?: Promise<CryptoKey>;
}

// Keyed by the credentials object, so cached keys live exactly as long as the caller's credentials and no
// secret is held in module state on its own.
const keyCache = new WeakMap<BceCredentials, KeyCache>();

function signingKeyFor(credentials: BceCredentials, prefix: string): Promise<CryptoKey> {
  let entry = keyCache.get(credentials);
  if (!entry || entry.secret !== credentials.secretAccessKey) {
    entry = { secret: credentials.secretAccessKey, secretKey: importHmacKey(credentials.secretAccessKey) };
    keyCache.set(credentials, entry);
  }
  if (entry.prefix !== prefix || !entry.signingKey) {
    const { secretKey } = entry;
    // The signing key is the hex text of HMAC(secret, prefix); it changes once per second (prefix has the time).
    entry.prefix = prefix;
    entry.signingKey = secretKey.then((key) => hmacHexWebCrypto(key, prefix)).then(importHmacKey);
  }
  return entry.signingKey;
}

/**
 * Signs a request with BCE auth v1 and returns the `Authorization` header value, naming its signed headers
 * explicitly and sorted: `bce-auth-v1/{ak}/{time}/{expiration}/{signedHeaders}/{signature}`.
 * Uses Web Crypto (imported keys cached per credentials object); falls back to `@noble/hashes` where
 * `crypto.subtle` is missing (insecure browser contexts).
 *
 * @throws {BceSigningError} for missing credentials, a header value with CR/LF, a non-positive expiration or an
 *   invalid timestamp. The message names the field and never contains the secret.
 * @example
 * const authorization = await sign(
 *   { method: 'GET', path: '/v1/peerconn', query: { vpcId: 'vpc-a1' }, headers: { host: 'bcc.bj.baidubce.com' } },
 *   { credentials: { accessKeyId: 'AK', secretAccessKey: 'SK' } },
 * );
 */
export async function sign(request: SignableRequest, options: SignOptions): Promise<string> {
  const prefix = authStringPrefix(options);
  const parts = canonicalize(request, options);
  let signature: string;
  if (hasWebCrypto()) {
    signature = await hmacHexWebCrypto(await signingKeyFor(options.credentials, prefix), parts.canonicalRequest);
  } else {
    const { hmacHexNoble } = await import('./hmac-noble.ts');
    signature = hmacHexNoble(hmacHexNoble(options.credentials.secretAccessKey, prefix), parts.canonicalRequest);
  }
  return `${prefix}/${parts.signedHeaders.join(';')}/${signature}`;
}
