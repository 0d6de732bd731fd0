import { expect, vi } from 'vitest';

/** The delays of the timers set from now on (they still run): what a timeout was armed with, whatever the load. */
export function armedTimers(): number[] {
  const delays: number[] = [];
  const real = globalThis.setTimeout;
  vi.spyOn(globalThis, 'setTimeout').mockImplementation(((handler: () => void, ms?: number) => {
    delays.push(ms ?? 0);
    return real(handler, ms);
  }) as typeof setTimeout);
  return delays;
}

/**
 * Lets the test run the timer the client arms with `ms` (a value no other timer uses; the latest one armed) by
 * calling `fire()`, after the event it waits for, instead of racing request delivery on a busy machine. Restore with
 * `vi.restoreAllMocks()`.
 */
export function timerAt(ms: number): { fire: () => void } {
  let handler: (() => void) | undefined;
  const real = globalThis.setTimeout;
  vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, delay?: number) => {
    if (delay === ms) handler = fn;
    return real(fn, delay);
  }) as typeof setTimeout);
  return {
    fire: () => {
      expect(handler, `a timer of ${ms} ms`).toBeDefined();
      handler!();
    },
  };
}
