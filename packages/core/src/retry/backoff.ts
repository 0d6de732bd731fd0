import type { NormalizedRetryOptions } from '../types/options.ts';

/**
 * Full-jitter exponential backoff (the AWS architecture-blog variant): a uniform wait in
 * `[0, min(maxDelay, baseDelay × 2^(retry-1)))`, so clients that failed together do not retry together.
 *
 * @param retry 1 for the first retry.
 * @internal
 */
export function backoffDelay(
  retry: number,
  options: Pick<NormalizedRetryOptions, 'baseDelay' | 'maxDelay'>,
  random: () => number = Math.random,
): number {
  // The exponent is clamped so that 2^n cannot overflow to Infinity for absurd retry counts.
  const ceiling = Math.min(options.maxDelay, options.baseDelay * 2 ** Math.min(retry - 1, 52));
  return Math.floor(random() * ceiling);
}

/**
 * Milliseconds a `Retry-After` header asks for: delta-seconds or an HTTP date. `undefined` when absent or
 * unreadable; never negative.
 *
 * @internal
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * The wait before retry number `retry`: the server's `Retry-After` when given (and honoured), else the jittered
 * backoff; always capped at `maxDelay`.
 *
 * @internal
 */
export function retryDelay(
  retry: number,
  options: NormalizedRetryOptions,
  retryAfter: number | undefined,
  random: () => number = Math.random,
): number {
  if (retryAfter !== undefined && options.respectRetryAfter) return Math.min(retryAfter, options.maxDelay);
  return backoffDelay(retry, options, random);
}
