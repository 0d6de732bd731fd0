import type { TransportResponse } from '../transport/fetch-transport.ts';
import type { BceServiceErrorDetails } from './bce-service-error.ts';

/** Largest error body read; the rest is discarded so a huge or endless body cannot exhaust memory. */
export const ERROR_BODY_LIMIT = 64 * 1024;

const EXCERPT_LENGTH = 200;

// Codes for bodies without one, as the Go SDK derives them (bce/response.go), extended to the statuses we retry.
const CODE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'InvalidHTTPRequest',
  401: 'Unauthorized',
  403: 'AccessDenied',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  409: 'Conflict',
  412: 'PreconditionFailed',
  413: 'RequestEntityTooLarge',
  429: 'TooManyRequests',
  500: 'InternalError',
  501: 'NotImplemented',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

/** An error response, read: the part of a `BceServiceError` the response gives. @internal */
export type ServiceFailure = Pick<BceServiceErrorDetails, 'statusCode' | 'code' | 'serviceMessage' | 'requestId'>;

/** The code used when the body names none. */
function codeFromStatus(status: number): string {
  return CODE_BY_STATUS[status] ?? `Http${status}`;
}

/**
 * Reads an error response: the BCE JSON shape `{code, message, requestId}` when it is there, else a code from
 * the status and a short excerpt of whatever came (HTML, text, a truncated or empty body). Nothing is redacted
 * here: the error built from it filters every field once, after all cutting and tag stripping.
 *
 * @internal
 */
export async function readServiceFailure(response: TransportResponse): Promise<ServiceFailure> {
  const read = await readCappedText(response, ERROR_BODY_LIMIT);
  const { complete, text } = read;
  const headerRequestId = response.headers.get('x-bce-request-id') ?? undefined;
  const json = complete ? parseObject(text) : undefined;
  const field = (key: string) => (typeof json?.[key] === 'string' ? json[key] : undefined);
  return {
    statusCode: response.status,
    code: field('code') || codeFromStatus(response.status),
    serviceMessage: field('message') ?? describeRedirect(response) ?? describeBody(text, complete, response.statusText),
    requestId: field('requestId') || headerRequestId,
  };
}

/** A body read up to a limit. @internal */
export interface CappedText {
  /** What arrived, decoded as UTF-8 (up to the limit). */
  text: string;
  /** The whole body was read. */
  complete: boolean;
  /** The body went past the limit; the rest was discarded unread. */
  overLimit: boolean;
  /** Why the read stopped early (a dropped connection, an abort), when it did. */
  error?: unknown;
}

/**
 * Reads at most `limit` bytes of a body as text. `complete` is false when the body was cut (by the limit or by
 * a dropped connection); what arrived is still returned. Never rejects.
 *
 * @internal
 */
export async function readCappedText(response: TransportResponse, limit: number): Promise<CappedText> {
  const reader = response.body?.getReader();
  if (!reader) return { text: '', complete: true, overLimit: false };
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { text: decodeAll(chunks, size), complete: true, overLimit: false };
      const room = limit - size;
      size += value.byteLength;
      if (size > limit) {
        chunks.push(value.subarray(0, room));
        void reader.cancel().catch(() => undefined);
        return { text: decodeAll(chunks, limit), complete: false, overLimit: true };
      }
      chunks.push(value);
    }
  } catch (error) {
    return { text: decodeAll(chunks, size), complete: false, overLimit: false, error };
  }
}

// Used without `stream: true` only, so it keeps no state between calls. Decoding the bytes once at the end gives
// the text that decoding them chunk by chunk in stream mode gives, and Node's streaming decoder costs ~0.6 µs more
// per body than one whole decode.
const decoder = new TextDecoder();

function decodeAll(chunks: Uint8Array[], size: number): string {
  if (chunks.length === 1) return decoder.decode(chunks[0]);
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return decoder.decode(all);
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Redirects are never followed (a signed request must not travel to a host the caller did not choose), so a 3xx
 * becomes an error that names where the server wanted to send it.
 */
function describeRedirect(response: TransportResponse): string | undefined {
  if (response.status < 300 || response.status > 399) return undefined;
  const location = response.headers.get('location');
  const target = location ? ` to ${clip(location)}` : '';
  return `redirect${target} not followed (bcekit never follows redirects); set endpoint to the host that serves the API`;
}

/** A short, single-line excerpt of a body that was not BCE JSON. */
function describeBody(text: string, complete: boolean, statusText = ''): string {
  const plain = text
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!plain) return complete ? `empty response body${statusText ? ` (${statusText})` : ''}` : 'response body cut off';
  return `unexpected response body${complete ? '' : ' (cut off)'}: ${clip(plain)}`;
}

/** At most {@link EXCERPT_LENGTH} characters, with `…` where the text was cut. @internal */
export function clip(text: string): string {
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text;
}
