import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter, retryDelay } from '../src/retry/backoff.ts';

const options = fc.record({
  limit: fc.constant(3),
  baseDelay: fc.integer({ min: 0, max: 10_000 }),
  maxDelay: fc.integer({ min: 0, max: 60_000 }),
  respectRetryAfter: fc.boolean(),
});

describe('backoff', () => {
  it('always waits within [0, min(cap, base × 2^(n-1)))', () => {
    fc.assert(
      fc.property(
        options,
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (o, retry, r) => {
          const delay = backoffDelay(retry, o, () => r);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThanOrEqual(Math.min(o.maxDelay, o.baseDelay * 2 ** (retry - 1)));
          expect(Number.isInteger(delay)).toBe(true);
        },
      ),
    );
  });

  it('never exceeds the cap, Retry-After included', () => {
    fc.assert(
      fc.property(
        options,
        fc.integer({ min: 1, max: 50 }),
        fc.option(fc.integer({ min: 0, max: 10_000_000 })),
        (o, retry, after) => {
          const delay = retryDelay(retry, o, after ?? undefined);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThanOrEqual(o.maxDelay);
        },
      ),
    );
  });

  it('is jittered: waits for the same retry differ', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(3, { baseDelay: 300, maxDelay: 20_000 })));

    expect(delays.size).toBeGreaterThan(10);
  });

  it('uses Retry-After exactly when honoured, the backoff otherwise', () => {
    const o = { limit: 3, baseDelay: 300, maxDelay: 20_000, respectRetryAfter: true };

    expect(retryDelay(1, o, 2000)).toBe(2000);
    expect(retryDelay(1, { ...o, respectRetryAfter: false }, 2000, () => 0.5)).toBe(150);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');

    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter(' 0.5 ', now)).toBe(500);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Tue, 31 Dec 2024 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
