import { hmacHexWebCrypto, importHmacKey } from './hmac-web-crypto.ts';
import type { BceCredentials } from './types.ts';

/** Lower-case hex HMAC-SHA256 computed synchronously (native `node:crypto` or `@noble/hashes`). @internal */
export type SyncHmacHex = (key: string, data: string) => string;

interface KeyCache {
  secret: string;
  /** Auth-string prefix the signing keys below were derived for (it carries the time, so it changes each second). */
  prefix?: string;
  /** Synchronous back ends: the signing key (hex text of HMAC(secret, prefix)); the same whichever computed it. */
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

/**
 * The signature of `canonicalRequest` with a synchronous HMAC. The signing key is derived once per credentials
 * and second, whichever back end derived it (they agree byte for byte).
 *
 * @internal
 */
export function syncSignature(
  hmac: SyncHmacHex,
  credentials: BceCredentials,
  prefix: string,
  canonicalRequest: string,
): string {
  const entry = cacheFor(credentials, prefix);
  entry.signingKeyHex ??= hmac(credentials.secretAccessKey, prefix);
  return hmac(entry.signingKeyHex, canonicalRequest);
}

/** The signature of `canonicalRequest` with Web Crypto; both imported keys are cached like the sync one. @internal */
export async function webCryptoSignature(
  credentials: BceCredentials,
  prefix: string,
  canonicalRequest: string,
): Promise<string> {
  const entry = cacheFor(credentials, prefix);
  if (!entry.signingKey) {
    entry.secretKey ??= importHmacKey(credentials.secretAccessKey);
    // The signing key is the hex text of HMAC(secret, prefix); it changes once per second (prefix has the time).
    entry.signingKey = entry.secretKey.then((key) => hmacHexWebCrypto(key, prefix)).then(importHmacKey);
  }
  return hmacHexWebCrypto(await entry.signingKey, canonicalRequest);
}
