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

/** A timer the code under test arms at a delay the test watches. */
export interface WatchedTimer {
  /** Resolves once a timer of that delay is armed (the first one). */
  armed: Promise<void>;
  /** Runs the latest timer of that delay now; fails when none was armed or the code had cleared it. */
  fire(): void;
}

interface Watch {
  handler?: () => void;
  id?: ReturnType<typeof setTimeout>;
  cleared: boolean;
  arm: () => void;
}

// One spy for every watched delay of a test: a second spyOn would replace the first one's implementation.
const watched = new Map<number, Watch>();

/**
 * Lets the test run the timer the code arms with `ms` (a value no other timer uses; the latest one armed) by calling
 * `fire()`, after the event it waits for, instead of racing request delivery on a busy machine; `armed` is that
 * event when the timer itself is (a sleep started). `fire()` fails when that timer was cleared: code that disarmed
 * its timeout must not be timed out by the test. The real timer is armed as well, so the delay should be one no test
 * lives to see (600_000 ms and up). Several delays can be watched at once. Restore with `vi.restoreAllMocks()`.
 */
export function timerAt(ms: number): WatchedTimer {
  if (!vi.isMockFunction(globalThis.setTimeout)) watchTimers();
  let arm = () => {};
  const armed = new Promise<void>((resolve) => {
    arm = resolve;
  });
  const watch: Watch = { cleared: false, arm };
  watched.set(ms, watch);
  return {
    armed,
    fire: () => {
      expect(watch.handler, `a timer of ${ms} ms`).toBeDefined();
      expect(watch.cleared, `the timer of ${ms} ms is still armed`).toBe(false);
      clearTimeout(watch.id);
      watch.handler!();
    },
  };
}

function watchTimers() {
  watched.clear();
  const real = globalThis.setTimeout;
  const realClear = globalThis.clearTimeout;
  vi.spyOn(globalThis, 'setTimeout').mockImplementation(((handler: () => void, delay?: number) => {
    const id = real(handler, delay);
    const watch = delay === undefined ? undefined : watched.get(delay);
    if (watch) {
      Object.assign(watch, { handler, id, cleared: false });
      watch.arm();
    }
    return id;
  }) as typeof setTimeout);
  vi.spyOn(globalThis, 'clearTimeout').mockImplementation(((id?: ReturnType<typeof setTimeout>) => {
    for (const watch of watched.values()) if (id !== undefined && id === watch.id) watch.cleared = true;
    return realClear(id);
  }) as typeof clearTimeout);
}
