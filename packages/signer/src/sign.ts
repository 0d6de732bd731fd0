import { authStringPrefix } from './auth-string.ts';
import { canonicalize } from './canonical-request.ts';
import { nativeHmacHex } from './hmac-native.ts';
import { hasWebCrypto, hmacHexWebCrypto, importHmacKey } from './hmac-web-crypto.ts';
import type { BceCredentials, SignableRequest, SignOptions } from './types.ts';

interface KeyCache {
  secret: string;
  /** Auth-string prefix the signing keys below were derived for (it carries the time, so it changes each second). */
  prefix?: string;
  /** Native path: the signing key (hex text of HMAC(secret, prefix)). */
  signingKeyHex?: string;
  /** Web Crypto path: the imported secret, and the imported signing key of `prefix`. */
  secretKey?: Promise<CryptoKey>;
  signingKey?: Promise<CryptoKey>;
}

// Keyed by the credentials object, so cached keys live exactly as long as the caller's credentials and no
// secret is held in module state on its own.
const keyCache = new WeakMap<BceCredentials, KeyCache>();

function cacheFor(credentials: BceCredentials, prefix: string): KeyCache {
  let entry = keyCache.get(credentials);
  if (!entry || entry.secret !== credentials.secretAccessKey) {
    entry = { secret: credentials.secretAccessKey };
    keyCache.set(credentials, entry);
  }
  if (entry.prefix !== prefix) {
    entry.prefix = prefix;
    entry.signingKeyHex = undefined;
    entry.signingKey = undefined;
  }
  return entry;
}

/** The signing key of `prefix` as hex, derived once per credentials and second. @internal */
export function nativeSigningKey(
  hmac: (key: string, data: string) => string,
  credentials: BceCredentials,
  prefix: string,
): string {
  const entry = cacheFor(credentials, prefix);
  entry.signingKeyHex ??= hmac(credentials.secretAccessKey, prefix);
  return entry.signingKeyHex;
}

function webCryptoSigningKey(credentials: BceCredentials, prefix: string): Promise<CryptoKey> {
  const entry = cacheFor(credentials, prefix);
  if (!entry.signingKey) {
    entry.secretKey ??= importHmacKey(credentials.secretAccessKey);
    // The signing key is the hex text of HMAC(secret, prefix); it changes once per second (prefix has the time).
    entry.signingKey = entry.secretKey.then((key) => hmacHexWebCrypto(key, prefix)).then(importHmacKey);
  }
  return entry.signingKey;
}

/**
 * Signs a request with BCE auth v1 and returns the `Authorization` header value, naming its signed headers
 * explicitly and sorted: `bce-auth-v1/{ak}/{time}/{expiration}/{signedHeaders}/{signature}`.
 * Picks the fastest HMAC the runtime has: native `node:crypto` where the runtime offers it synchronously (Node,
 * Bun, Deno, Workers with `nodejs_compat`), else Web Crypto, else `@noble/hashes` (insecure browser contexts,
 * loaded on demand). Derived keys are cached per credentials object and second. Same value on every path.
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
  const native = nativeHmacHex();
  let signature: string;
  if (native) {
    signature = native(nativeSigningKey(native, options.credentials, prefix), parts.canonicalRequest);
  } else if (hasWebCrypto()) {
    signature = await hmacHexWebCrypto(await webCryptoSigningKey(options.credentials, prefix), parts.canonicalRequest);
  } else {
    const { hmacHexNoble } = await import('./hmac-noble.ts');
    signature = hmacHexNoble(hmacHexNoble(options.credentials.secretAccessKey, prefix), parts.canonicalRequest);
  }
  return `${prefix}/${parts.signedHeaders.join(';')}/${signature}`;
}
