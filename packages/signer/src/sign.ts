import { canonicalize } from './canonical-request.ts';
import { loadHmacFallback } from './hmac-fallback.ts';
import { nativeHmacHex } from './hmac-native.ts';
import { hasWebCrypto } from './hmac-web-crypto.ts';
import { prefixFor, syncSignature, webCryptoSignature } from './signing-key.ts';
import type { SignableRequest, SignOptions } from './types.ts';

/**
 * Signs a request with BCE auth v1 and returns the `Authorization` header value, naming its signed headers
 * explicitly and sorted: `bce-auth-v1/{ak}/{time}/{expiration}/{signedHeaders}/{signature}`.
 * Picks the fastest HMAC the runtime has: native `node:crypto` where the runtime offers it synchronously (Node,
 * Bun, Deno, Workers with `nodejs_compat`), else Web Crypto, else `@noble/hashes` (insecure browser contexts,
 * loaded on demand; Worker builds leave it out and throw instead, see the README). Derived keys are cached per
 * credentials object and second. Same value on every path.
 *
 * @throws {BceSigningError} for missing credentials, a header value with CR, LF or NUL inside it (outer whitespace is trimmed), a non-positive expiration or an
 *   invalid timestamp; in a Worker build, where the runtime has neither native crypto nor `crypto.subtle`. The message names the field and never contains the secret.
 * @example
 * const authorization = await sign(
 *   { method: 'GET', path: '/v1/peerconn', query: { vpcId: 'vpc-a1' }, headers: { host: 'bcc.bj.baidubce.com' } },
 *   { credentials: { accessKeyId: 'AK', secretAccessKey: 'SK' } },
 * );
 */
export async function sign(request: SignableRequest, options: SignOptions): Promise<string> {
  const prefix = prefixFor(options);
  const parts = canonicalize(request, options);
  const native = nativeHmacHex();
  let signature: string;
  if (native) {
    signature = syncSignature(native, options.credentials, prefix, parts.canonicalRequest);
  } else if (hasWebCrypto()) {
    signature = await webCryptoSignature(options.credentials, prefix, parts.canonicalRequest);
  } else {
    signature = syncSignature(await loadHmacFallback(), options.credentials, prefix, parts.canonicalRequest);
  }
  return `${prefix}/${parts.signedHeaders.join(';')}/${signature}`;
}
