import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** Lower-case hex HMAC-SHA256 of `data` under the UTF-8 bytes of `key` (pure JS, synchronous). */
export function hmacHexNoble(key: string, data: string): string {
  return bytesToHex(hmac(sha256, utf8ToBytes(key), utf8ToBytes(data)));
}
