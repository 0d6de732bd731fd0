/**
 * Drift the service tolerates between the signed `x-bce-date` and its own clock. Below it the local clock is
 * trusted; past it the service's `Date` is.
 */
export const SKEW_TOLERANCE_MS = 5 * 60 * 1000;

// A `Date` outside these years is not a service clock (a broken or hostile reply): it is ignored.
const SANE_FROM = Date.UTC(2000, 0, 1);
const SANE_UNTIL = Date.UTC(2100, 0, 1);

/**
 * A client's view of the service's time: the local clock plus an offset learned from response `Date` headers.
 * One per client, never shared, so clients talking to different servers (or emulators) do not disturb each other.
 *
 * The offset is learned only when it matters: from a time-skew answer (`RequestExpired`, or an auth failure
 * whose `Date` is far off), or when the service's `Date` is more than {@link SKEW_TOLERANCE_MS} away from local
 * time. It goes back to 0 when the service agrees with the local clock again. A `Date` that does not parse or
 * lies outside the years 2000-2100 is ignored, so no reply can push the signing time out of range.
 *
 * @internal
 */
export interface ClientClock {
  /** The time to sign with, in epoch ms. Always a time the signer accepts. */
  now(): number;
  /** Current offset in ms (server minus local). */
  readonly offset: number;
  /**
   * Learns from a response `Date` header; `skewAnswer` when the service refused the request for its time.
   * Returns the server time read, or `undefined` when the header is missing, unreadable or not sane.
   */
  observe(dateHeader: string | null, skewAnswer?: boolean): number | undefined;
}

/** Reads a `Date` header, or `undefined` when it is missing, unparseable or outside 2000-2100. @internal */
export function readServerDate(dateHeader: string | null): number | undefined {
  const serverTime = dateHeader ? Date.parse(dateHeader) : Number.NaN;
  return serverTime >= SANE_FROM && serverTime < SANE_UNTIL ? serverTime : undefined;
}

/** @internal */
export function createClientClock(localNow: () => number = Date.now): ClientClock {
  let offset = 0;
  return {
    now() {
      const local = localNow();
      const corrected = local + offset;
      // A local clock that moved a lot since the offset was learned could leave the sane window: sign with the
      // local time then, and let the next skew answer correct it.
      return corrected >= SANE_FROM && corrected < SANE_UNTIL ? corrected : local;
    },
    get offset() {
      return offset;
    },
    observe(dateHeader, skewAnswer = false) {
      const serverTime = readServerDate(dateHeader);
      if (serverTime === undefined) return undefined;
      const measured = serverTime - localNow();
      if (skewAnswer || Math.abs(measured) > SKEW_TOLERANCE_MS) offset = measured;
      // The service agrees with the local clock (fixed by NTP, say) while the offset says otherwise: drop it.
      else if (Math.abs(measured - offset) > SKEW_TOLERANCE_MS) offset = 0;
      return serverTime;
    },
  };
}
