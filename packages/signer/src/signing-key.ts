import { authStringPrefix } from './auth-string.ts';
import { hmacHexWebCrypto, importHmacKey } from './hmac-web-crypto.ts';
import type { BceCredentials, SignOptions } from './types.ts';

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
  /** What `prefix` was made of (checked then): the second signed, the expiration and the access key id. */
  second?: number;
  expiration?: number;
  accessKeyId?: string;
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
    // What the new prefix was made of is known only to prefixFor, which sets it after this.
    entry.second = undefined;
  }
  return entry;
}

/**
 * `authStringPrefix(options)`, reused for the next requests signed with the same credentials object in the same
 * second (every request of a busy client): the checks passed for exactly these values when it was made. Only an
 * explicit `timestamp` is reused, so that "now" is read once, by `authStringPrefix`.
 *
 * @internal
 */
export function prefixFor(options: SignOptions): string {
  const { credentials, timestamp } = options;
  const ms = typeof timestamp === 'number' ? timestamp * 1000 : timestamp instanceof Date ? timestamp.getTime() : NaN;
  const second = Math.floor(ms / 1000);
  const expiration = options.expirationInSeconds ?? 1800;
  const entry = credentials && typeof credentials === 'object' ? keyCache.get(credentials) : undefined;
  if (
    entry?.prefix !== undefined &&
    entry.second === second &&
    entry.expiration === expiration &&
    entry.accessKeyId === credentials.accessKeyId &&
    entry.secret === credentials.secretAccessKey
  )
    return entry.prefix;
  const prefix = authStringPrefix(options);
  if (Number.isFinite(second)) {
    const fresh = cacheFor(credentials, prefix);
    fresh.second = second;
    fresh.expiration = expiration;
    fresh.accessKeyId = credentials.accessKeyId;
  }
  return prefix;
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
