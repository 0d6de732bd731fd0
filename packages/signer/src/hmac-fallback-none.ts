import { BceSigningError } from './errors.ts';
import type { SyncHmacHex } from './signing-key.ts';

/**
 * `hmac-fallback.ts` as Worker builds get it (the `workerd` and `worker` conditions): Workers always have
 * `crypto.subtle`, so their one-file bundles leave the ~3 KB pure-JS HMAC out. Reached only where the runtime has
 * neither native crypto nor `crypto.subtle`.
 */
export async function loadHmacFallback(): Promise<SyncHmacHex> {
  throw new BceSigningError(
    'crypto',
    'no node:crypto nor crypto.subtle, and Worker builds omit @noble/hashes; use signSync()',
  );
}
