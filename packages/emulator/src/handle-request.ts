import { sleep } from '@bcekit/core/operation';
import type { Clock } from './clock.ts';
import { preflightResponse } from './cors.ts';
import { baseHeaders, EmulatorError, errorResponse, fail } from './error-response.ts';
import type { FaultQueue, FaultSpec } from './faults.ts';
import { fingerprint, recall } from './idempotency.ts';
import { route } from './route.ts';
import { parseQuery, type Route } from './route-parts.ts';
import { OPERATIONS, READ_ONLY } from './rules/index.ts';
import { type EmulatorState, scheduleRecord, settleDue } from './state.ts';
import { verifySignature } from './verify-signature.ts';

/** What the request handler works on. @internal */
export interface Env {
  state: EmulatorState;
  clock: Clock;
  faults: FaultQueue;
}

const HOST_REGION = /^bcc\.([a-z0-9-]+)\.baidubce\.com(?::\d+)?$/i;

function parseBody(bytes: Uint8Array): unknown {
  if (bytes.length === 0) return undefined;
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    fail('MalformedJSON', 'the request body is not valid JSON');
  }
}

/**
 * Runs a verified request against the state. Synchronous from settle to apply: atomic per request. Only records
 * with a change due are settled first.
 */
function apply(
  env: Env,
  routed: Route,
  accountId: string,
  url: URL,
  query: Record<string, string>,
  bodyBytes: Uint8Array,
): string | null {
  const body = parseBody(bodyBytes);
  const now = env.clock.now();
  settleDue(env.state, now);
  const write = !READ_ONLY.has(routed.operation);
  // Only writes are idempotent by clientToken; a read ignores one, so nothing is remembered or compared for it.
  const token = write ? query['clientToken'] : undefined;
  const key = `${accountId}\u0000${routed.operation}\u0000${token}`;
  const resourceId = routed.resourceId ?? routed.peerConnId;
  const print = token === undefined ? '' : fingerprint(resourceId, query, body);
  if (token !== undefined) {
    const seen = recall(env.state, key, token, print);
    if (seen) return seen.body;
  }
  const result = OPERATIONS[routed.operation]({
    state: env.state,
    now,
    accountId,
    peerConnId: routed.peerConnId,
    resourceId,
    query,
    body,
    hostRegion: HOST_REGION.exec(url.host)?.[1]?.toLowerCase(),
  });
  if (write) {
    // The operation may have started or ended a time-driven change (create schedules its new record itself).
    const record = env.state.peerConns.get(routed.peerConnId);
    if (record) scheduleRecord(env.state, record);
  }
  const text = result === undefined ? null : JSON.stringify(result);
  if (token !== undefined) env.state.idempotency.set(key, { fingerprint: print, status: 200, body: text });
  return text;
}

/** The largest request body the emulator reads; a larger one is refused with 413 `RequestEntityTooLarge`. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The body, read up to `limit` bytes: a declared or actual length over it is 413 without reading further. */
async function readBounded(request: Request, limit: number): Promise<Uint8Array> {
  const tooLarge = () => fail('RequestEntityTooLarge', `the request body is larger than ${limit} bytes`);
  if (!request.body || request.method === 'GET' || request.method === 'HEAD') return new Uint8Array(0);
  if (Number(request.headers.get('content-length') ?? 0) > limit) tooLarge();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    total += next.value.byteLength;
    if (total > limit) {
      void reader.cancel().catch(() => {});
      tooLarge();
    }
    chunks.push(next.value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** Reads the body (bounded) at the first call; later calls get the same bytes, or the same refusal. */
function bodyOnce(request: Request): () => Promise<Uint8Array> {
  let read: Promise<Uint8Array> | undefined;
  return () => {
    read ??= readBounded(request, MAX_BODY_BYTES);
    return read;
  };
}

function faultResponse(fault: FaultSpec, requestId: string, clock: Clock): Response | undefined {
  if (fault.error) {
    const { status, code = 'InternalError', message = 'injected fault', retryAfterSeconds } = fault.error;
    const response = errorResponse(status, code, message, requestId, clock, fault.dateSkewMs);
    if (retryAfterSeconds !== undefined) response.headers.set('retry-after', String(retryAfterSeconds));
    return response;
  }
  if (fault.response) {
    const headers = baseHeaders(requestId, clock, fault.dateSkewMs);
    for (const [name, value] of Object.entries(fault.response.headers ?? {})) headers.set(name, value);
    return new Response(fault.response.body ?? null, { status: fault.response.status, headers });
  }
  if (fault.drop === 'before') return Response.error();
  return undefined;
}

/**
 * The emulator core: answers one standard `Request` with a `Response`. Order: CORS preflight; faults (delay,
 * which ends with `request.signal` unless `applyAfterDisconnect`; injected error/response, drop before);
 * signature check, then the body read (at most {@link MAX_BODY_BYTES}); routing errors; JSON body;
 * idempotency; the operation's rules; drop after. A dropped connection is `Response.error()`.
 * @internal
 */
export async function handleRequest(env: Env, request: Request): Promise<Response> {
  if (request.method === 'OPTIONS') return preflightResponse();
  const requestId = crypto.randomUUID();
  env.state.counters.requests++;
  const url = new URL(request.url);
  // Parsed once: routing, the signature check and the operation all read it.
  const query = parseQuery(url.search);
  let routed: Route | EmulatorError;
  try {
    routed = route(request.method, url.pathname, query);
  } catch (error) {
    routed = error as EmulatorError;
  }
  const operation = routed instanceof EmulatorError ? undefined : routed.operation;
  const fault = env.faults.take({ method: request.method, path: url.pathname, operation });
  const body = bodyOnce(request);
  // A request applied after its client left was received whole, as a server has it before it starts the work.
  if (fault?.applyAfterDisconnect) await body().catch(() => undefined);
  if (fault?.delayMs) await sleep(fault.delayMs, fault.applyAfterDisconnect ? undefined : request.signal);
  const early = fault && faultResponse(fault, requestId, env.clock);
  if (early) return early;
  const response = await respond(env, { request, url, query, body, routed, requestId, skew: fault?.dateSkewMs ?? 0 });
  return fault?.drop === 'after' ? Response.error() : response;
}

/** A request on its way through {@link handleRequest}: parsed once, read by every step. */
interface Incoming {
  request: Request;
  url: URL;
  query: Record<string, string>;
  /** Its body, read (at most {@link MAX_BODY_BYTES}) at the first call. */
  body: () => Promise<Uint8Array>;
  /** Where it goes, or why it goes nowhere (answered after the signature check, as the service does). */
  routed: Route | EmulatorError;
  requestId: string;
  /** Injected `Date` skew, ms. */
  skew: number;
}

async function respond(env: Env, incoming: Incoming): Promise<Response> {
  const { request, url, query, body, routed, requestId, skew } = incoming;
  const refuse = (error: unknown): Response => {
    env.state.counters.rejected++;
    if (error instanceof EmulatorError) {
      return errorResponse(error.status, error.code, error.message, requestId, env.clock, skew);
    }
    return errorResponse(500, 'InternalError', `emulator bug: ${String(error)}`, requestId, env.clock, skew);
  };
  try {
    // The body is read only once the signature over the headers holds, and never past the limit.
    const caller = await verifySignature(request, url, query, body, env.state, env.clock);
    if (routed instanceof EmulatorError) return refuse(routed);
    const text = apply(env, routed, caller.accountId, url, query, await body());
    return new Response(text ?? '', { status: 200, headers: baseHeaders(requestId, env.clock, skew) });
  } catch (error) {
    return refuse(error);
  }
}
