import { createFetchTransport, type Transport } from './fetch-transport.ts';
import { nodeHttpTransport } from './node-http-transport.ts';

interface ProcessLike {
  versions?: Record<string, string | undefined>;
  getBuiltinModule?: unknown;
}

/**
 * The transport of a client: the caller's `fetch` when given; else, in Node, `node:http` / `node:https`
 * ({@link nodeHttpTransport}: a first `fetch()` costs a fresh Node process ~120 ms); else the runtime's `fetch`.
 * Deno and Bun keep their native `fetch` (they also take the `node` condition that brings this file). Browser and
 * Worker builds get `default-transport-fetch.ts` instead (package.json `imports`, `#default-transport`).
 *
 * @internal
 */
export function createTransport(fetchImpl: typeof fetch | undefined): Transport {
  return fetchImpl || !isNode() ? createFetchTransport(fetchImpl) : nodeHttpTransport;
}

function isNode(): boolean {
  const proc = (globalThis as { process?: ProcessLike }).process;
  const versions = proc?.versions;
  return (
    typeof versions?.['node'] === 'string' &&
    !versions['deno'] &&
    !versions['bun'] &&
    typeof proc!.getBuiltinModule === 'function' &&
    // vitest's edge-runtime environment keeps Node's `process` beside the edge globals.
    typeof (globalThis as { EdgeRuntime?: unknown }).EdgeRuntime === 'undefined'
  );
}
