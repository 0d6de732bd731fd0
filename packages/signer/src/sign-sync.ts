import { authStringPrefix } from './auth-string.ts';
import { canonicalize } from './canonical-request.ts';
import { hmacHexNoble } from './hmac-noble.ts';
import type { SignableRequest, SignOptions } from './types.ts';

/**
 * Synchronous {@link sign}, computed with `@noble/hashes`. Same output byte for byte; use it where an async call
 * does not fit (for example inside a synchronous request interceptor).
 *
 * @example
 * const authorization = signSync({ method: 'DELETE', path: '/v1/peerconn/peerconn-a1' }, { credentials });
 */
export function signSync(request: SignableRequest, options: SignOptions): string {
  const prefix = authStringPrefix(options);
  const parts = canonicalize(request, options);
  const signingKey = hmacHexNoble(options.credentials.secretAccessKey, prefix);
  return `${prefix}/${parts.signedHeaders.join(';')}/${hmacHexNoble(signingKey, parts.canonicalRequest)}`;
}
