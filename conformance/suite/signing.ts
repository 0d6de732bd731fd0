// The 97 official signing vectors through sign() (Web Crypto here) and signSync() (@noble/hashes), and which
// backend sign() really used: Web Crypto when crypto.subtle is there, @noble/hashes when it is not (except in
// Worker builds, which leave that fallback out of sign()).
import { type SignableRequest, type SignOptions, sign, signSync } from '@bcekit/signer';
import { SIGNING_VECTORS, type SigningVector as Vector } from '../../packages/signer/test/fixtures/signing-vectors.ts';
import { equal, ok } from './assert.ts';
import type { ConformanceCase } from './context.ts';

/** The official Python SDK's signing outputs (packages/signer/test/fixtures). */
export const VECTORS = SIGNING_VECTORS;

function inputs(v: Vector): { request: SignableRequest; options: SignOptions } {
  return {
    request: { method: v.method, path: v.path, query: v.query, headers: v.headers },
    options: {
      // A fresh object each time: sign() caches imported keys per credentials object.
      credentials: { accessKeyId: v.ak, secretAccessKey: v.sk },
      timestamp: v.timestamp,
      expirationInSeconds: v.expirationInSeconds,
      ...(v.headersToSign === null ? {} : { headersToSign: v.headersToSign }),
    },
  };
}

// The official signer leaves the signed-headers segment empty; bcekit names the canonical headers, sorted.
function expected(v: Vector): string {
  const parts = v.authorization.split('/');
  const names = v.intermediate.canonicalHeaders
    ? v.intermediate.canonicalHeaders
        .split('\n')
        .map((line) => decodeURIComponent(line.slice(0, line.indexOf(':'))))
        .join(';')
    : '';
  return `${parts.slice(0, 4).join('/')}/${names}/${parts[5]}`;
}

type Restore = () => void;

/** Shadows `target[key]` with `undefined` (own property), returning how to put the original back. */
function hide(target: object, key: string): Restore {
  const own = Object.getOwnPropertyDescriptor(target, key);
  Object.defineProperty(target, key, { value: undefined, configurable: true, writable: true });
  return () => {
    if (own) Object.defineProperty(target, key, own);
    else delete (target as Record<string, unknown>)[key];
  };
}

/** The runtime's native HMAC hook that sign() prefers (`process.getBuiltinModule`), if there is one. */
function nativeHost(): object | undefined {
  const host = (globalThis as { process?: { getBuiltinModule?: unknown } }).process;
  return typeof host?.getBuiltinModule === 'function' ? host : undefined;
}

/** Runs `body` with the native HMAC hidden and, when `alsoSubtle`, `crypto.subtle` too (an insecure page). */
async function withHidden<T>(alsoSubtle: boolean, body: () => Promise<T>): Promise<T> {
  const restores: Restore[] = [];
  try {
    const host = nativeHost();
    if (host) restores.push(hide(host, 'getBuiltinModule'));
    if (alsoSubtle) restores.push(hide(crypto, 'subtle'));
    ok(nativeHost() === undefined, 'could not hide process.getBuiltinModule in this runtime');
    ok(!alsoSubtle || crypto.subtle === undefined, 'could not hide crypto.subtle in this runtime');
    return await body();
  } finally {
    for (const restore of restores.reverse()) restore();
  }
}

/** Counts calls of `crypto.subtle.sign` while `body` runs. */
async function countingSubtleSign(body: () => Promise<void>): Promise<number> {
  const subtle = crypto.subtle;
  const original = subtle.sign;
  const own = Object.getOwnPropertyDescriptor(subtle, 'sign');
  let calls = 0;
  const counting = (...args: Parameters<SubtleCrypto['sign']>) => {
    calls += 1;
    return original.apply(subtle, args);
  };
  Object.defineProperty(subtle, 'sign', { value: counting, configurable: true, writable: true });
  try {
    await body();
    return calls;
  } finally {
    if (own) Object.defineProperty(subtle, 'sign', own);
    else delete (subtle as { sign?: unknown }).sign;
  }
}

/** Signs every vector with sign() and returns the ids whose value differs from the official one. */
async function mismatchedVectors(): Promise<string> {
  const bad: string[] = [];
  for (const v of VECTORS) {
    const { request, options } = inputs(v);
    if ((await sign(request, options)) !== expected(v)) bad.push(v.id);
  }
  return bad.join(', ');
}

const vectorCases: ConformanceCase[] = VECTORS.map((v) => ({
  group: 'signing',
  name: `vector ${v.id} (${v.note}): sign() and signSync() match the official signer`,
  async run() {
    const want = expected(v);
    const { request, options } = inputs(v);
    equal(await sign(request, options), want, `sign() of ${v.id}`);
    equal(signSync(request, inputs(v).options), want, `signSync() of ${v.id}`);
  },
}));

export const signingCases: ConformanceCase[] = [
  ...vectorCases,
  {
    group: 'signing',
    name: 'sign() uses the back end this runtime should use (native node:crypto, else Web Crypto)',
    async run(env) {
      ok(typeof crypto?.subtle?.importKey === 'function', 'this runtime has no crypto.subtle');
      const native = nativeHost() !== undefined;
      equal(native ? 'native' : 'webcrypto', env.signBackend, 'back end offered by this runtime');
      const v = VECTORS[0]!;
      let value = '';
      const calls = await countingSubtleSign(async () => {
        const { request, options } = inputs(v);
        value = await sign(request, options);
      });
      equal(calls > 0 ? 'webcrypto' : 'native', env.signBackend, 'back end sign() used (crypto.subtle.sign calls)');
      equal(value, expected(v), `sign() of ${v.id}`);
    },
  },
  {
    group: 'signing',
    name: 'sign() on Web Crypto (native HMAC hidden where present): all 97 vectors match, crypto.subtle.sign used',
    async run() {
      let mismatches = '';
      const calls = await withHidden(false, () =>
        countingSubtleSign(async () => {
          mismatches = await mismatchedVectors();
        }),
      );
      equal(mismatches, '', 'vectors signed wrongly on Web Crypto');
      ok(calls >= VECTORS.length, `crypto.subtle.sign called ${calls} times for ${VECTORS.length} vectors`);
    },
  },
  {
    group: 'signing',
    name: 'sign() with crypto.subtle absent (and no native HMAC): all 97 vectors on @noble/hashes; in a Worker build a BceSigningError naming signSync(), which signs all 97',
    async run(env) {
      equal(VECTORS.length, 97, 'number of vectors');
      if (env.signFallback === 'noble') {
        const mismatches = await withHidden(true, mismatchedVectors);
        equal(mismatches, '', 'vectors signed wrongly without crypto.subtle');
      } else {
        // Worker builds leave the fallback out of sign(); signSync() keeps @noble/hashes (imported statically).
        const { rejected, syncMismatches } = await withHidden(true, async () => {
          const v = VECTORS[0]!;
          const { request, options } = inputs(v);
          const rejected = await sign(request, options).then(
            (value) => `signed: ${value}`,
            (error: { name?: string; field?: string; message?: string }) =>
              `${error.name} ${error.field} ${error.message}`,
          );
          const bad = VECTORS.filter((w) => signSync(inputs(w).request, inputs(w).options) !== expected(w));
          return { rejected, syncMismatches: bad.map((w) => w.id).join(', ') };
        });
        ok(/^BceSigningError crypto .*signSync\(\)/.test(rejected), `sign() without crypto.subtle: ${rejected}`);
        equal(syncMismatches, '', 'vectors signed wrongly by signSync() without crypto.subtle');
      }
      ok(typeof crypto.subtle?.sign === 'function', 'crypto.subtle was not restored');
    },
  },
];
