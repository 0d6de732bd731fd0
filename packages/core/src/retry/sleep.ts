/**
 * Waits `ms`, or rejects with `signal.reason` the moment the signal aborts (so backoff never delays an abort);
 * without a signal nothing ends the wait. The client's backoff, the peer connection waiter and the emulator's
 * injected delays all sleep with it.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const stop =
      signal &&
      whenAborted(signal, () => {
        clearTimeout(timer);
        reject(signal.reason);
      });
    const timer = setTimeout(() => {
      stop?.();
      resolve();
    }, ms);
  });
}

/**
 * Settles like `promise`, except that it rejects with `signal.reason` as soon as the signal aborts, whatever the
 * promise is waiting on (a provider, a hook, a body read); `before` runs first (it ends the attempt in flight).
 *
 * @internal
 */
export function raceAbort<T>(promise: Promise<T>, signal?: AbortSignal, before?: () => void): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      before?.();
      reject(signal.reason);
    };
    let stop: (() => void) | undefined;
    if (signal.aborted) onAbort();
    else stop = whenAborted(signal, onAbort);
    promise.then(resolve, reject).finally(stop);
  });
}

// What waits on each signal, behind one 'abort' listener: Node warns once a signal holds more than 10 listeners,
// and one signal shared by a batch of calls (a Promise.all, a Worker request's signal) is ordinary use. The listener
// stays with its signal (one per signal, gone with it).
const waiting = new WeakMap<AbortSignal, Set<() => void>>();

/**
 * Runs `callback` when `signal` aborts, unless the returned function was called first. Every caller on one signal
 * shares a single listener.
 *
 * @internal
 */
export function whenAborted(signal: AbortSignal, callback: () => void): () => void {
  let callbacks = waiting.get(signal);
  if (!callbacks) {
    const set = new Set<() => void>();
    callbacks = set;
    waiting.set(signal, set);
    signal.addEventListener(
      'abort',
      () => {
        for (const each of set) each();
      },
      { once: true },
    );
  }
  const own = callbacks;
  own.add(callback);
  return () => own.delete(callback);
}
