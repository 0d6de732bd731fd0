export { authStringPrefix, canonicalTime } from './auth-string.ts';
export type { CanonicalParts } from './canonical-request.ts';
export {
  canonicalHeaders,
  canonicalize,
  canonicalQueryString,
  canonicalUri,
  DEFAULT_HEADERS_TO_SIGN,
} from './canonical-request.ts';
export type { SigningDescription } from './describe-signing.ts';
export { describeSigning } from './describe-signing.ts';
export { BceSigningError } from './errors.ts';
export type { PresignRequest } from './presign.ts';
export { presign } from './presign.ts';
export { sign } from './sign.ts';
export { signSync } from './sign-sync.ts';
export type { BceCredentials, SignableHeaders, SignableQuery, SignableRequest, SignOptions } from './types.ts';
export { uriEncode } from './uri-encode.ts';
