import type { Clock } from './clock.ts';
import { corsHeaders } from './cors.ts';

/**
 * A refusal by the emulator: becomes a BCE-shaped error response `{code, message, requestId}`.
 * @internal
 */
export class EmulatorError extends Error {
  override readonly name = 'EmulatorError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** @internal Shorthand for throwing an {@link EmulatorError}. */
export function fail(status: number, code: string, message: string): never {
  throw new EmulatorError(status, code, message);
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
