import { canonicalize } from './canonical-request.ts';
import { nativeHmacHex } from './hmac-native.ts';
import { hmacHexNoble } from './hmac-noble.ts';
import { prefixFor, syncSignature } from './signing-key.ts';
import type { SignableRequest, SignOptions } from './types.ts';

/**
 * Synchronous {@link sign}: native `node:crypto` where the runtime offers it (Node, Bun, Deno), else
 * `@noble/hashes` (under Node loaded on first use, not on import). Same output byte for byte; use it where an async call does not fit (for example inside a
 * synchronous request interceptor).
 *
 * @example
 * const authorization = signSync({ method: 'DELETE', path: '/v1/peerconn/peerconn-a1' }, { credentials });
 */
export function signSync(request: SignableRequest, options: SignOptions): string {
  const prefix = prefixFor(options);
  const parts = canonicalize(request, options);
  const signature = syncSignature(nativeHmacHex() ?? hmacHexNoble, options.credentials, prefix, parts.canonicalRequest);
  return `${prefix}/${parts.signedHeaders.join(';')}/${signature}`;
}
