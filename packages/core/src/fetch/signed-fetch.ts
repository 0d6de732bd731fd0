import { type BceClient, clientContexts } from '../client/create-client.ts';
import { normalizeCallOptions } from '../client/normalize-options.ts';
import { startCall } from '../client/send.ts';
import { BceServiceError } from '../errors/bce-service-error.ts';
import { BceValidationError } from '../errors/bce-validation-error.ts';
import { createFetchTransport, type Transport } from '../transport/fetch-transport.ts';
import type { RetryOptions } from '../types/options.ts';
import { prepareFetch } from './prepare-fetch.ts';

/** `fetch`'s options, plus the per-call settings every bcekit operation takes. */
export interface SignedFetchInit extends RequestInit {
  /** Per-attempt timeout in ms until the response headers arrive, or `false` for none. @default the client's */
  timeout?: number | false | undefined;
  /** Retries, or full retry options; only used where a retry is safe (see {@link signedFetch}). @default the client's */
  retry?: number | RetryOptions | undefined;
}

/**
 * `fetch` for any BCE API that bcekit does not wrap, signed and sent through the client like its own operations:
 * signed anew for every attempt with a fresh `x-bce-date` (and the session token), the client's clock-skew
 * correction, timeouts, abort, hooks and logging with redaction. `input` is a URL on a BCE host
 * (`https://*.baidubce.com`, `https://*.bcebos.com`), on the client's endpoint, or a path on that endpoint
 * (with only a region, the VPC host `bcc.{region}.baidubce.com`). `x-bce-*` and `content-type` headers are
 * signed; a string body without a content type is sent as JSON.
 *
 * Like `fetch`, it resolves with the `Response` whatever its status; it rejects with {@link BceNetworkError} or
 * {@link BceTimeoutError} when no response came, with the signal's reason on abort, and with
 * {@link BceValidationError} before sending anything when the input is unusable. Retries (429, 5xx, clock skew,
 * network failures, timeouts) happen only when repeating the request is safe: an idempotent method (GET, HEAD,
 * OPTIONS, PUT, DELETE) or a `clientToken` in the query, kept across attempts. Other requests are sent once.
 *
 * @example
 * const response = await signedFetch(client, 'https://eip.bj.baidubce.com/v1/eip?maxKeys=10');
 * const { eipList } = await response.json();
 */
export async function signedFetch(
  client: BceClient,
  input: string | URL | Request,
  init?: SignedFetchInit,
): Promise<Response> {
  const ctx = clientContexts.get(client);
  if (!ctx) throw new BceValidationError('signedFetch', [{ path: 'client', message: 'must come from createClient' }]);
  const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
  const call = normalizeCallOptions(ctx.options, { signal, timeout: init?.timeout, retry: init?.retry }, 'signedFetch');
  signal?.throwIfAborted();
  const { request, repeatable } = await prepareFetch(input, init, ctx.options);
  if (!repeatable) call.retry = { ...call.retry, limit: 0 };

  // The pipeline reads every answer it gets. A success is handed to it without its body, and an error answer as
  // a copy, so that the caller gets the response itself, unread, whatever the pipeline decides.
  // It resolves with a real `Response`, so it sends with fetch (the caller's, else the runtime's) in every runtime,
  // Node included, where the client's own calls go through node:http.
  const sendWithFetch = createFetchTransport(ctx.options.fetch);
  let last: Response | undefined;
  const transport: Transport = async (attempt) => {
    void last?.body?.cancel();
    const response = await sendWithFetch(attempt);
    const ok = response.status >= 200 && response.status < 300;
    last = ok ? response : response.clone();
    return ok ? new Response(null, { status: response.status, headers: response.headers }) : response;
  };
  try {
    await startCall({ ...ctx, transport }, request, call);
    return last!;
  } catch (error) {
    if (error instanceof BceServiceError && last && error.statusCode === last.status) return last;
    void last?.body?.cancel();
    throw error;
  }
}
