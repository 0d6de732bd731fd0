/** Offsets smaller than this are Date-header rounding and latency, not skew: they are ignored. */
const NOISE_MS = 30_000;

/**
 * A client's view of the service's time: the local clock plus an offset learned from response `Date` headers.
 * One per client, never shared, so clients talking to different servers (or emulators) do not disturb each other.
 *
 * @internal
 */
export interface ClientClock {
  /** The time to sign with, in epoch ms. */
  now(): number;
  /** Current offset in ms (server minus local). */
  readonly offset: number;
  /**
   * Learns from a response `Date` header. Small differences are ignored unless `force` (the service said the
   * request had expired, so even a small drift matters). Returns the server time read, if any.
   */
  observe(dateHeader: string | null, force?: boolean): number | undefined;
}

/** @internal */
export function createClientClock(localNow: () => number = Date.now): ClientClock {
  let offset = 0;
  return {
    now: () => localNow() + offset,
    get offset() {
      return offset;
    },
    observe(dateHeader, force = false) {
      const serverTime = dateHeader ? Date.parse(dateHeader) : Number.NaN;
      if (Number.isNaN(serverTime)) return undefined;
      const measured = serverTime - localNow();
      if (force || Math.abs(measured) >= NOISE_MS) offset = measured;
      else offset = 0;
      return serverTime;
    },
  };
}
