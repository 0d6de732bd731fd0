/**
 * Contract between @bcekit/core and the service packages built on it.
 */
import type { RetryOptions } from './options.ts';

/** Scalar query values. `''` is sent as a bare flag (`?accept`); `null`/`undefined` are omitted. */
export type QueryValue = string | number | boolean | null | undefined;

/** One call to a BCE JSON API, as a service package describes it to {@link BceClient.send}. */
export interface BceRequest {
  /** HTTP method, upper-case. */
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD' | 'PATCH';
  /** Raw (unencoded) path segments, e.g. `['v1', 'peerconn', id]`; each is percent-encoded exactly once. */
  path: readonly string[];
  /** Query parameters in wire order. A `clientToken` entry, if present, is kept across retries. */
  query?: Record<string, QueryValue> | undefined;
  /** JSON body; `undefined` sends no body. */
  body?: unknown | undefined;
  /** Host template used when the client has a `region` but no `endpoint`, e.g. `bcc.{region}.baidubce.com`. */
  serviceHost?: string | undefined;
  /** Name of the public function making the call, used in error messages and logs (e.g. `createPeerconn`). */
  operation?: string | undefined;
}

/** Per-call overrides accepted by every operation as its last argument. */
export interface CallOptions {
  /** Aborts the call at any moment, backoff sleeps included; the call rejects with `signal.reason`. */
  signal?: AbortSignal | undefined;
  /** Per-attempt timeout in ms, or `false` for none. */
  timeout?: number | false | undefined;
  /** Number of retries, or full retry options. `0` disables retries. */
  retry?: number | RetryOptions | undefined;
}
