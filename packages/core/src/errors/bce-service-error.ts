import { BceError, type BceErrorOptions } from './bce-error.ts';
import { describeCall } from './describe-call.ts';
import { redact } from './redact.ts';

/** What the service (or whatever answered in its place) said. */
export interface BceServiceErrorDetails extends BceErrorOptions {
  statusCode: number;
  code: string;
  /** The service's own message (or a short excerpt of a non-JSON body). */
  serviceMessage: string;
  requestId: string | undefined;
  method: string;
  /** The request path as sent. */
  path: string;
}

/**
 * The service answered with an error status (or an unreadable success body). `code` is the service's code,
 * or one derived from the status when the body had none (`InternalError` for 500, as the Go SDK does).
 *
 * @example
 * if (err instanceof BceServiceError && err.code === 'AccessDenied') …
 */
export class BceServiceError extends BceError {
  override name = 'BceServiceError';
  declare readonly statusCode: number;
  declare readonly code: string;
  /** The service's message alone; `message` is the full sentence. */
  declare readonly serviceMessage: string;
  /** From the body's `requestId`, else the `x-bce-request-id` header. Quote it to Baidu support. */
  declare readonly requestId: string | undefined;

  constructor(details: BceServiceErrorDetails) {
    const { statusCode, code, serviceMessage, requestId, method, path } = details;
    const attempts = details.attempts ?? 1;
    const id = requestId ? `, requestId ${requestId}` : '';
    super(`${code} (${statusCode}) ${describeCall(method, path, attempts)}${id}: ${serviceMessage}`, {
      ...details,
      attempts,
    });
    this.statusCode = statusCode;
    // Server-supplied strings, filtered like the message they are part of.
    this.code = redact(code);
    this.serviceMessage = redact(serviceMessage);
    this.requestId = requestId === undefined ? undefined : redact(requestId);
  }
}
