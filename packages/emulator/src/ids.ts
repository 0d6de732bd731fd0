const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

// Random bytes are drawn from the platform CSPRNG a few KB at a time: one call per id made seeding slow.
let pool = new Uint8Array(0);
let used = 0;

function randomBytes(length: number): Uint8Array {
  if (used + length > pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(Math.max(4096, length)));
    used = 0;
  }
  used += length;
  return pool.subarray(used - length, used);
}

/** `prefix` + `length` random lowercase letters and digits, e.g. `peerconn-9td54fmx143e`. @internal */
export function randomId(prefix: string, length = 12): string {
  const bytes = randomBytes(length);
  let id = prefix;
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return id;
}

/** ISO 8601 UTC without fractional seconds, as the service writes times. @internal */
export function isoTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}
