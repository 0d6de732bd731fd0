import { BceError, type BceErrorOptions } from './bce-error.ts';
import { describeCall } from './describe-call.ts';

/** Where and how long. */
export interface BceTimeoutErrorDetails extends BceErrorOptions {
  method: string;
  path: string;
  /** Where the call went (`https://host[:port]`), named in the message. */
  origin?: string | undefined;
  /** The per-attempt timeout in ms. */
  timeout: number;
}

/** Every attempt ran out of time (the `timeout` option, per attempt); each was aborted when its time was up. */
export class BceTimeoutError extends BceError {
  override name = 'BceTimeoutError';
  /** Where the call went (`https://host[:port]`), when known. */
  declare readonly origin: string | undefined;
  /** The per-attempt timeout in ms that was exceeded. */
  declare readonly timeout: number;

  constructor(details: BceTimeoutErrorDetails) {
    const attempts = details.attempts ?? 1;
    super(
      `Timeout ${describeCall(details.method, details.path, attempts, details.origin)}: no complete response within ${details.timeout} ms per attempt; raise the timeout option or check the endpoint`,
      { ...details, attempts },
    );
    this.timeout = details.timeout;
    this.origin = details.origin;
  }
}
