import { md5 } from '@noble/hashes/legacy.js';

/**
 * Base64 of the MD5 digest of `bytes`, as a `Content-MD5` header carries it; only to check a signed Content-MD5
 * against the body (Web Crypto has no MD5). @internal
 */
export function md5Base64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...md5(bytes)));
}
