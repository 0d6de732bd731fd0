const encoder = new TextEncoder();

/** Imports an HMAC-SHA256 key from the UTF-8 bytes of `key` (not extractable). */
export function importHmacKey(key: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', encoder.encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

/** Lower-case hex HMAC-SHA256 of `data` under an imported key. */
export async function hmacHexWebCrypto(key: CryptoKey, data: string): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(data)));
  let hex = '';
  for (const byte of mac) hex += (byte < 16 ? '0' : '') + byte.toString(16);
  return hex;
}

/** True where Web Crypto's HMAC is available (absent in insecure browser contexts). */
export function hasWebCrypto(): boolean {
  return typeof crypto !== 'undefined' && typeof crypto.subtle?.importKey === 'function';
}
