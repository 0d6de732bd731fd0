/**
 * Waits `ms`, or rejects with `signal.reason` the moment the signal aborts (so backoff never delays an abort);
 * without a signal nothing ends the wait. The client's backoff, the peer connection waiter and the emulator's
 * injected delays all sleep with it.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
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
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
