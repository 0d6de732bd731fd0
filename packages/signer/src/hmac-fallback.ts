import type { SyncHmacHex } from './signing-key.ts';

/**
 * `sign()`'s last resort where the runtime has neither native crypto nor `crypto.subtle` (a page on plain http):
 * `@noble/hashes`, imported on demand, so that bundlers that split code put it in a chunk a page over https never
 * fetches. Worker builds get `hmac-fallback-none.ts` in its place (package.json `imports`, `#hmac-fallback`).
 */
export async function loadHmacFallback(): Promise<SyncHmacHex> {
  return (await import('./hmac-noble.ts')).hmacHexNoble;
}
