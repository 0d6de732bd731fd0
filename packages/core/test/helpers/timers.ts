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
 * calling `fire()`, after the event it waits for, instead of racing request delivery on a busy machine. `fire()`
 * fails when that timer was cleared: code that disarmed its timeout must not be timed out by the test. Restore with
 * `vi.restoreAllMocks()`.
 */
export function timerAt(ms: number): { fire: () => void } {
  let handler: (() => void) | undefined;
  let armed: ReturnType<typeof setTimeout> | undefined;
  let cleared = false;
  const real = globalThis.setTimeout;
  const realClear = globalThis.clearTimeout;
  vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, delay?: number) => {
    const id = real(fn, delay);
    if (delay === ms) [handler, armed, cleared] = [fn, id, false];
    return id;
  }) as typeof setTimeout);
  vi.spyOn(globalThis, 'clearTimeout').mockImplementation(((id?: ReturnType<typeof setTimeout>) => {
    if (id !== undefined && id === armed) cleared = true;
    return realClear(id);
  }) as typeof clearTimeout);
  return {
    fire: () => {
      expect(handler, `a timer of ${ms} ms`).toBeDefined();
      expect(cleared, `the timer of ${ms} ms is still armed`).toBe(false);
      realClear(armed);
      cleared = true;
      handler!();
    },
  };
}
