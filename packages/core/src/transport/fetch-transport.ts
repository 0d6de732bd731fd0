/** One attempt, fully prepared and signed. @internal */
export interface TransportRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | Uint8Array<ArrayBuffer> | undefined;
  /** Aborts the attempt (caller's abort or the per-attempt timeout); also cuts the body read. */
  signal: AbortSignal;
}

/** Sends one attempt and resolves with whatever response came, error statuses included. @internal */
export type Transport = (request: TransportRequest) => Promise<Response>;

/**
 * The transport: the platform's `fetch`, nothing more. It used to be ky, with ky's retry, timeout, hooks and
 * error throwing all switched off because bcekit's policy differs (ky's timeout also stops at the
 * response headers while ours covers the body). What remained cost ~5 KB gzip, a `Request` clone per call and
 * ~20 ms of cold start, for no behaviour (BENCHMARKS.md has the measurements). Redirects are not followed so that
 * signed headers never go to another host. `globalThis.fetch` is looked up per call so that fetch patched later
 * (msw, a test double) is used.
 *
 * @internal
 */
export function createFetchTransport(fetchImpl: typeof fetch | undefined): Transport {
  return ({ url, method, headers, body, signal }) => {
    const init: RequestInit = { method, headers, body, signal, redirect: 'manual' };
    // Called as plain functions: some runtimes reject `fetch` invoked as a method of another object.
    return fetchImpl ? fetchImpl(url, init) : globalThis.fetch(url, init);
  };
}
