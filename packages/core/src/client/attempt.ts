import { type BceCredentials, canonicalTime, sign } from '@bcekit/signer';
import type { ClientClock } from '../clock/clock-offset.ts';
import { clip, readCappedText, readServiceFailure, type ServiceFailure } from '../errors/from-response.ts';
import { parseRetryAfter } from '../retry/backoff.ts';
import { isClockSkewFailure, isRetryableStatus } from '../retry/retry-policy.ts';
import type { Transport, TransportHeaders, TransportResponse } from '../transport/fetch-transport.ts';
import type { AttemptHeaders } from '../types/hooks.ts';
import type { PreparedRequest } from './prepare-request.ts';

/** BCE expects this exact value. */
const JSON_CONTENT_TYPE = 'application/json;charset=utf-8';

// What fetch accepts in a header value in every runtime: no CR, LF or NUL, nothing above U+00FF.
const HEADER_VALUE = /^[^\0\n\r\u0100-\uffff]*$/;
const BAD_VALUE = 'value contains a character fetch refuses (CR, LF, NUL or one above U+00FF)';
// One array for every attempt: the signer keeps the set it makes of it.
const HEADERS_TO_SIGN = ['host', 'content-type', 'content-length'];
const ASCII = /^[\0-\x7f]*$/;
const encoder = new TextEncoder();

/**
 * Largest success body read (16 MiB). A full page of 1000 peer connections is well under 1 MiB; anything far
 * larger is not a BCE answer, and reading it whole would let a hostile server fill the caller's memory.
 */
export const SUCCESS_BODY_LIMIT = 16 * 1024 * 1024;

/** How one attempt ended. @internal */
export type AttemptOutcome =
  | { kind: 'success'; status: number; value: unknown; headers?: TransportHeaders }
  | {
      kind: 'service';
      failure: ServiceFailure;
      retryable: boolean;
      clockSkew: boolean;
      retryAfter: number | undefined;
      headers?: TransportHeaders;
    }
  | { kind: 'timeout' }
  | { kind: 'network'; cause: unknown }
  /** Failed before anything was sent (signing, or a header value fetch refuses): never retried. */
  | { kind: 'local'; stage: 'signing' | 'headers'; cause: unknown };

/** What an attempt needs from its client. @internal */
export interface AttemptContext {
  clock: ClientClock;
  transport: Transport;
  /** `undefined` where the runtime does not let scripts set it (browsers). */
  userAgent: string | undefined;
  /** The client's last `x-bce-date`, with its second: the attempts of one second share it (toISOString ~0.5 µs). */
  date?: [number, string];
}

/** Where a call keeps the controller of its attempt in flight, for the caller's abort to end it. @internal */
export interface CurrentAttempt {
  controller?: AbortController;
}

/**
 * Signs and sends one attempt with a fresh `x-bce-date`, and reads its outcome. The timeout aborts the fetch and
 * the body read; the caller's abort rejects with its reason.
 *
 * @internal
 */
export async function runAttempt(
  ctx: AttemptContext,
  request: PreparedRequest,
  credentials: BceCredentials,
  timeout: number | false,
  signal: AbortSignal | undefined,
  added?: AttemptHeaders | undefined,
  current?: CurrentAttempt,
): Promise<AttemptOutcome> {
  const signedAt = Math.floor(ctx.clock.now() / 1000);
  // The request's own headers, then a hook's, by lower-case name; x-bce-* among them are signed, others not. The
  // headers set below (host, token, date, authorization) always win.
  const signed: Record<string, string> = { ...request.headers };
  for (const name in added) signed[name.toLowerCase()] = added[name]!;
  signed['host'] = request.host;
  if (request.body !== undefined) {
    signed['content-type'] ??= JSON_CONTENT_TYPE;
    // Binds the body to the signature (as the official SDKs do): a captured request cannot carry another body.
    signed['content-length'] = String(byteLength(request.body));
  }
  if (credentials.sessionToken) signed['x-bce-security-token'] = credentials.sessionToken;
  let authorization: string;
  try {
    if (ctx.date?.[0] !== signedAt) ctx.date = [signedAt, canonicalTime(signedAt)];
    signed['x-bce-date'] = ctx.date[1];
    authorization = await sign(
      { method: request.method, path: request.path, query: request.query, headers: signed },
      { credentials, timestamp: signedAt, headersToSign: HEADERS_TO_SIGN },
    );
  } catch (cause) {
    return { kind: 'local', stage: 'signing', cause };
  }
  // Host and Content-Length are signed but never set: browsers and Workers forbid them, and fetch derives them
  // from the URL and the body, the very values signed (a string body is sent as its UTF-8 bytes).
  const { host: _host, 'content-length': _length, ...headers } = signed;
  headers['authorization'] = authorization;
  if (ctx.userAgent) headers['user-agent'] = ctx.userAgent;
  // fetch would refuse such a value with a message quoting it (a token, say): refuse it here, naming the header.
  for (const name in headers)
    if (!HEADER_VALUE.test(headers[name]!))
      return { kind: 'local', stage: 'headers', cause: new TypeError(`header ${name}: ${BAD_VALUE}`) };

  const attemptController = new AbortController();
  // The caller's abort ends the attempt through `current` (send's listener), or here when it came already.
  if (current) current.controller = attemptController;
  if (signal?.aborted) attemptController.abort(signal.reason);
  const timer = timeout === false ? undefined : setTimeout(() => attemptController.abort(), timeout);
  const attemptSignal = attemptController.signal;
  try {
    const response = await ctx.transport({
      url: request.url,
      method: request.method,
      headers,
      body: request.body,
      signal: attemptSignal,
    });
    const serverDate = ctx.clock.observe(response.headers.get('date'));
    if (response.status >= 200 && response.status < 300) {
      const body = await readCappedText(response, SUCCESS_BODY_LIMIT);
      // A cut-off read is a transport failure (timeout or network, decided below), never a success.
      if (body.error !== undefined) throw body.error;
      if (body.overLimit) return tooLarge(response);
      return parseSuccess(response, body.text);
    }
    const failure = await readServiceFailure(response);
    if (attemptController.signal.aborted && !signal?.aborted) return { kind: 'timeout' };
    const clockSkew = isClockSkewFailure(failure.statusCode, failure.code, serverDate, signedAt * 1000);
    if (clockSkew) ctx.clock.observe(response.headers.get('date'), true);
    return {
      kind: 'service',
      failure,
      clockSkew,
      retryable: clockSkew || isRetryableStatus(failure.statusCode),
      retryAfter: parseRetryAfter(response.headers.get('retry-after')),
      headers: response.headers,
    };
  } catch (cause) {
    if (signal?.aborted) throw signal.reason;
    if (attemptController.signal.aborted) return { kind: 'timeout' };
    return { kind: 'network', cause };
  } finally {
    clearTimeout(timer);
  }
}

function parseSuccess(response: TransportResponse, text: string): AttemptOutcome {
  const { status, headers } = response;
  if (text.trim() === '') return { kind: 'success', status, value: undefined, headers };
  try {
    return { kind: 'success', status, value: JSON.parse(text), headers };
  } catch {
    const excerpt = clip(text.replace(/\s+/g, ' ').trim());
    return unusable(response, 'MalformedJSON', `success response is not JSON: ${excerpt}`);
  }
}

function tooLarge(response: TransportResponse): AttemptOutcome {
  const limit = SUCCESS_BODY_LIMIT / 1024 / 1024;
  return unusable(response, 'ResponseTooLarge', `success response larger than ${limit} MiB; the rest was not read`);
}

/** A 2xx whose body cannot be used: a final service failure, never retried. */
function unusable(response: TransportResponse, code: string, serviceMessage: string): AttemptOutcome {
  const requestId = response.headers.get('x-bce-request-id') ?? undefined;
  const failure: ServiceFailure = { statusCode: response.status, code, serviceMessage, requestId };
  return {
    kind: 'service',
    failure,
    clockSkew: false,
    retryable: false,
    retryAfter: undefined,
    headers: response.headers,
  };
}

// UTF-8 length; ASCII text (most JSON bodies) is as long as it has characters, with nothing to encode.
function byteLength(body: string | Uint8Array): number {
  if (typeof body !== 'string') return body.byteLength;
  return ASCII.test(body) ? body.length : encoder.encode(body).byteLength;
}
