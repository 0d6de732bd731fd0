/** One attempt, fully prepared and signed. @internal */
export interface TransportRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | Uint8Array<ArrayBuffer> | undefined;
  /** Aborts the attempt (caller's abort or the per-attempt timeout); also cuts the body read. */
  signal: AbortSignal;
}

/** Response headers as core reads them; fetch's `Headers` is one. @internal */
export interface TransportHeaders extends Iterable<[string, string]> {
  get(name: string): string | null;
}

/**
 * The part of a response core reads: a fetch `Response` is one; Node's default transport gives just this, so that
 * a call never loads undici. @internal
 */
export interface TransportResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: TransportHeaders;
  readonly body: {
    getReader(): { read(): Promise<ReadableStreamReadResult<Uint8Array>>; cancel(): Promise<void> };
  } | null;
}

/** Sends one attempt and resolves with whatever response came, error statuses included. @internal */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

/**
 * The transport where the runtime's `fetch` is the way to send (browsers, Workers, Deno, Bun), and wherever the
 * caller passes `fetch`: that `fetch`, nothing more. It used to be ky, with ky's retry, timeout, hooks and
 * error throwing all switched off because bcekit's policy differs (ky's timeout also stops at the
 * response headers while ours covers the body). What remained cost ~5 KB gzip, a `Request` clone per call and
 * ~20 ms of cold start, for no behaviour (BENCHMARKS.md has the measurements). Redirects are not followed so that
 * signed headers never go to another host. The global `fetch` is looked up per call so that fetch patched later
 * (msw, a test double) is used.
 *
 * @internal
 */
export function createFetchTransport(
  fetchImpl: typeof fetch | undefined,
): (request: TransportRequest) => Promise<Response> {
  // Called as a plain function: some runtimes reject `fetch` invoked as a method of another object. The init is
  // written out rather than rest-and-spread from the request: two object copies per attempt cost createPeerconn
  // 2-6% of its CPU time against an in-memory fetch in Node 20 (interleaved A/B of two builds).
  return (request) =>
    (fetchImpl ?? fetch)(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: request.signal,
      redirect: 'manual',
    });
}
