import ky from 'ky';

/** One attempt, fully prepared and signed. @internal */
export interface TransportRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  /** Aborts the attempt (caller's abort or the per-attempt timeout); also cuts the body read. */
  signal: AbortSignal;
}

/** Sends one attempt and resolves with whatever response came, error statuses included. @internal */
export type Transport = (request: TransportRequest) => Promise<Response>;

/**
 * The only place ky is used. ky is a thin fetch wrapper here: its retry and timeout are off because bcekit's
 * policy differs (design §3: which statuses, full jitter, Retry-After cap, re-signing every attempt) and ky's
 * timeout stops at the response headers while ours must also cover the body. Redirects are not followed so
 * signed headers never go to another host.
 *
 * @internal
 */
export function createKyTransport(fetchImpl: typeof fetch | undefined): Transport {
  return ({ url, method, headers, body, signal }) =>
    ky(url, {
      method,
      headers,
      body,
      signal,
      retry: 0,
      timeout: false,
      throwHttpErrors: false,
      redirect: 'manual',
      ...(fetchImpl ? { fetch: fetchImpl } : {}),
    });
}
