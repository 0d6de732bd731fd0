import { createRequire } from 'node:module';

type HmacHex = (key: string, data: string) => string;

let loaded: HmacHex | undefined;

/**
 * `signSync()`'s `@noble/hashes` fallback as Node, Bun and Deno get it (the `node` condition): loaded on first use
 * rather than on import, because these runtimes always have native `node:crypto` and never reach it unless
 * `process.getBuiltinModule` is hidden. `#hmac-sync` resolves under `require` to the CommonJS build of
 * `hmac-noble.ts`.
 */
export function hmacHexNoble(key: string, data: string): string {
  loaded ??= (createRequire(import.meta.url)('#hmac-sync') as { hmacHexNoble: HmacHex }).hmacHexNoble;
  return loaded(key, data);
}
