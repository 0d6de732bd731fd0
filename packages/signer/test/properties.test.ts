import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { canonicalHeaders, canonicalQueryString, sign, signSync, uriEncode } from '../src/index.ts';

const RUNS = { numRuns: 1000 };
const hex32 = fc.stringMatching(/^[0-9a-f]{32}$/);
const unicode = fc.string({ unit: 'grapheme', maxLength: 40 });
const anyText = fc.string({ unit: 'binary', maxLength: 40 }); // includes lone surrogates
const headerValue = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((v) => !/[\r\n]/.test(v));
const queryValue = fc.oneof(unicode, fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined));

const request = fc.record({
  method: fc.constantFrom('GET', 'PUT', 'POST', 'DELETE', 'patch'),
  path: fc.array(unicode, { maxLength: 5 }).map((segments) => `/${segments.map((s) => uriEncode(s)).join('/')}`),
  query: fc.dictionary(unicode, queryValue, { maxKeys: 6 }),
  headers: fc.dictionary(
    fc.oneof(
      fc.constantFrom('Host', 'content-type', 'Content-Length', 'x-bce-date', 'X-Bce-Meta-A'),
      fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,15}$/),
    ),
    headerValue,
    { maxKeys: 6 },
  ),
});
const options = fc.record({
  credentials: fc.record({ accessKeyId: hex32, secretAccessKey: hex32 }),
  timestamp: fc.integer({ min: 0, max: 4_000_000_000 }),
  expirationInSeconds: fc.integer({ min: 1, max: 604_800 }),
});

describe('signing properties', () => {
  it('Web Crypto (sign) and @noble/hashes (signSync) agree on arbitrary requests', async () => {
    // Without native crypto (as in a browser), sign() takes Web Crypto and signSync() takes @noble/hashes; with it,
    // both would take node:crypto and the property would compare a back end with itself.
    const getBuiltinModule = process.getBuiltinModule;
    (process as { getBuiltinModule?: unknown }).getBuiltinModule = undefined;
    const subtleSign = vi.spyOn(crypto.subtle, 'sign');
    try {
      await fc.assert(
        fc.asyncProperty(request, options, async (req, opts) => {
          expect(await sign(req, opts)).toBe(signSync(req, opts));
        }),
        RUNS,
      );
      expect(subtleSign).toHaveBeenCalled();
    } finally {
      process.getBuiltinModule = getBuiltinModule;
      subtleSign.mockRestore();
    }
  });

  it('the native path (node:crypto) agrees with @noble/hashes on arbitrary requests', async () => {
    const native = fc.sample(fc.tuple(request, options), 200);
    const withNative = await Promise.all(native.map(([req, opts]) => sign(req, opts)));
    const getBuiltinModule = process.getBuiltinModule;
    (process as { getBuiltinModule?: unknown }).getBuiltinModule = undefined;
    try {
      expect(native.map(([req, opts]) => signSync(req, opts))).toEqual(withNative);
    } finally {
      process.getBuiltinModule = getBuiltinModule;
    }
  });

  it('uriEncode leaves only unreserved characters and %XX escapes', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(uriEncode(text)).toMatch(/^(?:[A-Za-z0-9\-_.~]|%[0-9A-F]{2})*$/);
      }),
      RUNS,
    );
  });

  it('uriEncode round-trips through decodeURIComponent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(decodeURIComponent(uriEncode(text))).toBe(text);
      }),
      RUNS,
    );
  });

  it('the canonical query does not depend on key order', () => {
    fc.assert(
      fc.property(fc.dictionary(unicode, queryValue, { maxKeys: 8 }), fc.integer(), (query, seed) => {
        const keys = Object.keys(query);
        const shuffled = keys
          .map((key, i) => ({ key, rank: (Math.imul(i + 1, 2654435761) ^ seed) >>> 0 }))
          .sort((a, b) => a.rank - b.rank);
        const reordered = Object.fromEntries(shuffled.map(({ key }) => [key, query[key]]));
        expect(canonicalQueryString(reordered)).toBe(canonicalQueryString(query));
      }),
      RUNS,
    );
  });

  it('signing arbitrary unicode paths, queries and headers never throws', () => {
    const rawRequest = fc.record({
      method: fc.constantFrom('GET', 'PUT'),
      path: anyText,
      query: fc.dictionary(anyText, queryValue, { maxKeys: 5 }),
      headers: fc.dictionary(anyText, headerValue, { maxKeys: 5 }),
    });
    fc.assert(
      fc.property(rawRequest, options, (req, opts) => {
        expect(signSync(req, opts)).toMatch(
          /^bce-auth-v1\/[0-9a-f]{32}\/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\/\d+\/[^/]*\/[0-9a-f]{64}$/,
        );
      }),
      RUNS,
    );
  });

  it('a Headers object canonicalises as the record of the same headers; a record skips undefined, writes numbers as text', () => {
    // Values as a Headers keeps them: visible ASCII inside, no outer whitespace (Headers trims it).
    const value = fc.oneof(
      fc.stringMatching(/^[\x21-\x7e](?:[\x20-\x7e]{0,20}[\x21-\x7e])?$/),
      fc.integer({ min: 0, max: 1e9 }),
      fc.constant(undefined),
    );
    const name = fc.oneof(
      fc.constantFrom('host', 'content-type', 'content-length', 'x-bce-date', 'x-bce-meta-a'),
      fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/),
    );
    const headersToSign = fc.oneof(fc.constant(undefined), fc.array(name, { maxLength: 4 }));
    fc.assert(
      fc.property(fc.dictionary(name, value, { maxKeys: 8 }), headersToSign, fc.boolean(), (record, wanted, exact) => {
        const headers = new Headers();
        for (const [key, text] of Object.entries(record)) if (text !== undefined) headers.set(key, String(text));
        const fromRecord = canonicalHeaders(record, wanted, exact);
        expect(canonicalHeaders(headers, wanted, exact)).toEqual(fromRecord);
        // Every defined value of a signed name is a line, encoded; nothing else is.
        const signedNames = fromRecord.signedHeaders;
        const expected = Object.entries(record)
          .filter(([key, text]) => text !== undefined && signedNames.includes(key))
          .map(([key, text]) => `${uriEncode(key)}:${uriEncode(String(text))}`)
          .sort();
        expect(fromRecord.canonicalHeaders).toBe(expected.join('\n'));
      }),
      RUNS,
    );
  });

  it('no Authorization ever contains the secret key', async () => {
    await fc.assert(
      fc.asyncProperty(request, options, async (req, opts) => {
        const secret = opts.credentials.secretAccessKey;
        fc.pre(secret !== opts.credentials.accessKeyId && !JSON.stringify(req).includes(secret));
        expect(await sign(req, opts)).not.toContain(secret);
      }),
      RUNS,
    );
  });
});
