import { fileURLToPath } from 'node:url';
import { ensureBuilt as ensureBuiltSync } from '../lib/ensure-built.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Rebuilds the packages whose dist is stale (scripts/lib/ensure-built.mjs, the one policy for every script and
 * test), so that tests of the built packages (the examples, the node exports) never load an old bundle. Test files
 * run in parallel: one builds under a lock, the others wait for it.
 */
export async function ensureBuilt(): Promise<void> {
  ensureBuiltSync();
}
