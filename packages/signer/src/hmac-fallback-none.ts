import { BceSigningError } from './errors.ts';

/**
 * What `sign()` finds in place of the `@noble/hashes` fallback in Worker builds (the `workerd` and `worker`
 * conditions): Workers always have `crypto.subtle`, so their bundles leave the ~3 KB pure-JS HMAC out. Reached only
 * if the runtime has neither native crypto nor `crypto.subtle`.
 */
export function hmacHexNoble(): never {
  throw new BceSigningError(
    'crypto',
    'neither node:crypto nor crypto.subtle here, and Worker builds leave out the @noble/hashes fallback; use signSync()',
  );
}
