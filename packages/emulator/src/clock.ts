/**
 * The emulator's clock. It keeps two readings:
 * - {@link Clock.now} — service time: drives transitional states, the 7-day consultation window, prepaid
 *   expiry and `createdTime`. {@link Clock.advance} moves it forward.
 * - {@link Clock.requestTime} — the time request signatures are checked against and the `Date` header shows.
 *   It starts at the same instant and follows real time, but `advance()` does not move it, so a client with
 *   a real clock keeps working after you fast-forward a week. Start the emulator with `now` in the past or
 *   future to test clock skew.
 */
export interface Clock {
  /** Service time, ms since the epoch. */
  now(): number;
  /** Moves service time forward by `ms` (>= 0) and returns the new {@link Clock.now}. */
  advance(ms: number): number;
  /** Request-checking time, ms since the epoch: the start time plus real elapsed time. */
  requestTime(): number;
}

/** Options of {@link createClock}. */
export interface ClockOptions {
  /** Start time, ms since the epoch. @default Date.now() */
  now?: number;
  /** Whether service time also follows real time; `false` moves it only by `advance()`. @default true */
  realTime?: boolean;
}

/** Creates a {@link Clock}. @internal */
export function createClock(options: ClockOptions = {}): Clock {
  const realStart = Date.now();
  const start = options.now ?? realStart;
  const realTime = options.realTime ?? true;
  let advanced = 0;
  const requestTime = () => start + (Date.now() - realStart);
  return {
    now: () => (realTime ? requestTime() : start) + advanced,
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0)
        throw new RangeError(`clock.advance: ms must be a finite number >= 0 (got ${ms})`);
      advanced += ms;
      return (realTime ? requestTime() : start) + advanced;
    },
    requestTime,
  };
}
