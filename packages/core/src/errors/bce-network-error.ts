import { BceError, type BceErrorOptions } from './bce-error.ts';
import { describeCall } from './describe-call.ts';

/** Where it failed; `cause` is the runtime's own error (DNS, refused or reset connection, TLS…). */
export interface BceNetworkErrorDetails extends BceErrorOptions {
  method: string;
  path: string;
  /** Where the call went (`https://host[:port]`), named in the message. */
  origin?: string | undefined;
  /** What to check, appended to the message. */
  hint?: string | undefined;
}

/** No usable response: the connection failed, was dropped, or the body was cut off. `cause` says why. */
export class BceNetworkError extends BceError {
  override name = 'BceNetworkError';
  /** Where the call went (`https://host[:port]`), when known. */
  declare readonly origin: string | undefined;

  constructor(details: BceNetworkErrorDetails) {
    const attempts = details.attempts ?? 1;
    super(
      `Network error ${describeCall(details.method, details.path, attempts, details.origin)}: ${describeCause(details.cause)}${details.hint ? `; ${details.hint}` : ''}`,
      {
        ...details,
        attempts,
      },
    );
    this.origin = details.origin;
  }
}

// undici says only "fetch failed" and hides the useful part (ECONNRESET, ECONNREFUSED…) in its own cause.
function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause instanceof Error ? cause.cause : undefined;
  const code = inner && 'code' in inner ? String((inner as { code: unknown }).code) : undefined;
  return inner ? `${cause.message} (${code ?? inner.message})` : cause.message;
}
