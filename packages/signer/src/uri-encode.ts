const HEX = '0123456789ABCDEF';

/**
 * BCE's UriEncode: every UTF-8 byte except `A-Z a-z 0-9 - _ . ~` becomes `%XX` (upper-case hex).
 * With `keepSlash`, `/` is kept too (for paths). Lone surrogates are encoded as U+FFFD, never thrown on.
 */
export function uriEncode(value: string, keepSlash = false): string {
  let encoded: string;
  try {
    encoded = encodeURIComponent(value);
  } catch {
    encoded = encodeBytes(new TextEncoder().encode(value));
  }
  // encodeURIComponent leaves !'()* alone; BCE encodes them.
  encoded = encoded.replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return keepSlash ? encoded.replace(/%2F/g, '/') : encoded;
}

function encodeBytes(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) {
    const unreserved =
      (b >= 0x30 && b <= 0x39) ||
      (b >= 0x41 && b <= 0x5a) ||
      (b >= 0x61 && b <= 0x7a) ||
      b === 0x2d ||
      b === 0x5f ||
      b === 0x2e ||
      b === 0x7e;
    out += unreserved ? String.fromCharCode(b) : `%${HEX[b >> 4]}${HEX[b & 15]}`;
  }
  return out;
}
