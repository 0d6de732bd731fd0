import type { Clock } from './clock.ts';
import { corsHeaders } from './cors.ts';
import { ERROR_CODES, type ErrorCode } from './error-codes.ts';

/**
 * A refusal by the emulator: becomes a BCE-shaped error response `{code, message, requestId}`.
 * @internal
 */
export class EmulatorError extends Error {
  override readonly name = 'EmulatorError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }

  /** The HTTP status of the code, from {@link ERROR_CODES}. */
  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}

/** @internal Throws an {@link EmulatorError}; the HTTP status is the one {@link ERROR_CODES} lists for `code`. */
export function fail(code: ErrorCode, message: string): never {
  throw new EmulatorError(code, message);
}

/** @internal Headers every emulator response carries: JSON type, request id, `Date` from the clock, CORS. */
export function baseHeaders(requestId: string, clock: Clock, dateSkewMs = 0): Headers {
  const headers = new Headers(corsHeaders());
  headers.set('content-type', 'application/json;charset=utf-8');
  headers.set('x-bce-request-id', requestId);
  headers.set('date', new Date(clock.requestTime() + dateSkewMs).toUTCString());
  return headers;
}

/** @internal A BCE error response: `{code, message, requestId}` with the request id also in `x-bce-request-id`. */
export function errorResponse(
  status: number,
  code: string,
  message: string,
  requestId: string,
  clock: Clock,
  dateSkewMs = 0,
): Response {
  const body = JSON.stringify({ code, message, requestId });
  return new Response(body, { status, headers: baseHeaders(requestId, clock, dateSkewMs) });
}
