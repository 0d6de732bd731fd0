import { SKEW_TOLERANCE_MS } from '../clock/clock-offset.ts';

/** Statuses worth another attempt: throttling and transient server or gateway failures. */
const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);

/** Whether a response status is retried. Other 4xx never are: sending them again cannot help. @internal */
export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUS.has(status);
}

/**
 * Whether a failure comes from our clock rather than the request: the service says `RequestExpired`, or it
 * refused the signature while its `Date` is more than 5 minutes away from the time we signed with.
 *
 * @internal
 */
export function isClockSkewFailure(
  status: number,
  code: string,
  serverDate: number | undefined,
  signedAt: number,
): boolean {
  if (code === 'RequestExpired') return true;
  const authFailure = status === 401 || status === 403;
  return authFailure && serverDate !== undefined && Math.abs(serverDate - signedAt) > SKEW_TOLERANCE_MS;
}
