import { authStringPrefix } from './auth-string.ts';
import { type CanonicalParts, canonicalize } from './canonical-request.ts';
import type { SignableRequest, SignOptions } from './types.ts';

/** What {@link describeSigning} returns: every string the signature covers, and no secret. */
export interface SigningDescription extends CanonicalParts {
  /** `bce-auth-v1/{accessKeyId}/{time}/{expiration}`. */
  authStringPrefix: string;
}

/**
 * Debugging aid for `SignatureDoesNotMatch`: the canonical request and the signed headers bcekit would sign for
 * this request, to hold against what the server says it computed. Contains neither the secret nor the signing key.
 *
 * @example
 * console.log(describeSigning({ method: 'GET', path: '/v1/peerconn', headers }, { credentials }).canonicalRequest);
 */
export function describeSigning(request: SignableRequest, options: SignOptions): SigningDescription {
  return { authStringPrefix: authStringPrefix(options), ...canonicalize(request, options) };
}
