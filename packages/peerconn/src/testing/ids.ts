const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** `prefix` + `length` random lowercase letters and digits, e.g. `peerconn-9td54fmx143e`. @internal */
export function randomId(prefix: string, length = 12): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let id = prefix;
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return id;
}

/** ISO 8601 UTC without fractional seconds, as the service writes times. @internal */
export function isoTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}
