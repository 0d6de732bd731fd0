import { BceError, type BceErrorOptions } from './bce-error.ts';
import { redact, redactValue } from './redact.ts';

/** What a waiter was waiting for, and what it saw last. */
export interface BceWaitTimeoutErrorDetails extends BceErrorOptions {
  /** The resource watched, e.g. `peerconn-9td54fmx143e`. */
  resource: string;
  /** The state waited for, as the message shows it, e.g. `"active"` or `dnsStatus "open"`. */
  target: string;
  /** The waiter's limit in ms. */
  maxWaitTime: number;
  /** Reads that got an answer. */
  polls: number;
  /** The status the last answer showed (the DNS status when waiting for one); `undefined` when none came. */
  lastStatus: string | undefined;
  /** The resource as last read, if any answer came. */
  lastSeen?: unknown;
}

/**
 * A waiter (such as `waitForPeerconn`) reached its `maxWaitTime` before the resource reached the state it waited
 * for. Nothing failed: the resource may still get there, so wait again or look at {@link lastStatus}.
 * Not a {@link BceTimeoutError}, which is about single requests running out of time.
 */
export class BceWaitTimeoutError extends BceError {
  override name = 'BceWaitTimeoutError';
  /** The resource watched. */
  declare readonly resource: string;
  /** The state waited for. */
  declare readonly target: string;
  /** The waiter's limit in ms that passed. */
  declare readonly maxWaitTime: number;
  /** Reads that got an answer. */
  declare readonly polls: number;
  /** The status the last answer showed (the DNS status when waiting for one), or `undefined` when none came. */
  declare readonly lastStatus: string | undefined;
  /** The resource as last read, or `undefined` when no answer came. */
  declare readonly lastSeen: unknown;

  constructor(details: BceWaitTimeoutErrorDetails) {
    const seen = details.lastStatus === undefined ? 'no answer yet' : `last status "${details.lastStatus}"`;
    const polls = `${details.polls} poll${details.polls === 1 ? '' : 's'}`;
    super(
      `${details.operation ?? 'waiter'}: ${details.resource} did not reach ${details.target} within maxWaitTime ${details.maxWaitTime} ms (${seen}, ${polls}); raise maxWaitTime or check the resource`,
      { attempts: details.polls, ...details },
    );
    this.resource = details.resource;
    this.target = details.target;
    this.maxWaitTime = details.maxWaitTime;
    this.polls = details.polls;
    // The server's words: filtered like the message, since a status field could echo a signature.
    this.lastStatus = details.lastStatus === undefined ? undefined : redact(details.lastStatus);
    this.lastSeen = redactValue(details.lastSeen);
  }
}
