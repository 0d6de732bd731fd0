import { redact, redactCause, redactValue } from './redact.ts';

/** Fields every bcekit error can carry. */
export interface BceErrorOptions {
  /** Attempts made before giving up (0 when nothing was sent). */
  attempts?: number;
  /** The call's idempotency token: retrying with it is safe. */
  clientToken?: string | undefined;
  /** The public function that failed, e.g. `createPeerconn`. */
  operation?: string | undefined;
  /** The underlying failure. */
  cause?: unknown;
}

/**
 * Base of every error bcekit throws (`err instanceof BceError`). Messages, text fields and causes are redacted
 * when built (the secret keys and tokens of this process's clients, Authorization values, signatures), and
 * `toJSON` only shows safe fields, so logging an error never leaks a key, token or signature.
 */
export class BceError extends Error {
  override name = 'BceError';
  // Data fields here and in the subclasses are `declare`d: each constructor sets every one of them, in this order,
  // so a class field would only add a first assignment of `undefined` to the bundle.
  /** Attempts made before giving up (0 when nothing was sent). */
  declare readonly attempts: number;
  /** The call's idempotency token, when it had one: retry the call with it to stay idempotent. */
  declare readonly clientToken: string | undefined;
  /** The public function that failed, when known. */
  declare readonly operation: string | undefined;

  constructor(message: string, options: BceErrorOptions = {}) {
    // The one place an error's text is filtered: every known secret out, after the message was fully built.
    super(redact(message), options.cause === undefined ? undefined : { cause: redactCause(options.cause) });
    this.attempts = options.attempts ?? 0;
    this.clientToken = options.clientToken;
    this.operation = options.operation;
  }

  /** A safe, redacted plain object for `JSON.stringify` and structured logs. */
  toJSON(): Record<string, unknown> {
    // Own enumerable fields are the data fields; message, stack and cause are not enumerable.
    const json: Record<string, unknown> = { ...(this as unknown as Record<string, unknown>) };
    json['name'] = this.name;
    json['message'] = this.message;
    // Only the cause's kind: its text is not ours (a provider's message may hold a key we cannot recognise).
    if (this.cause !== undefined) json['cause'] = this.cause instanceof Error ? this.cause.name : typeof this.cause;
    return redactValue(json) as Record<string, unknown>;
  }
}
