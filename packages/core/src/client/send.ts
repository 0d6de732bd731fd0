import type { BceCredentials } from '@bcekit/signer';
import type { ClientClock } from '../clock/clock-offset.ts';
import type { CredentialSource } from '../credentials/cached-provider.ts';
import { BceError } from '../errors/bce-error.ts';
import { BceNetworkError } from '../errors/bce-network-error.ts';
import { BceServiceError } from '../errors/bce-service-error.ts';
import { BceTimeoutError } from '../errors/bce-timeout-error.ts';
import { retryDelay } from '../retry/backoff.ts';
import { raceAbort, sleep } from '../retry/sleep.ts';
import type { Transport, TransportHeaders } from '../transport/fetch-transport.ts';
import type { AttemptHeaders, AttemptState } from '../types/hooks.ts';
import type { ResponseMetadata, SendResult } from '../types/metadata.ts';
import type { BceRequest, CallOptions } from '../types/request.ts';
import { type AttemptOutcome, type CurrentAttempt, runAttempt } from './attempt.ts';
import { type NormalizedClientOptions, normalizeCallOptions } from './normalize-options.ts';
import { type PreparedRequest, prepareRequest } from './prepare-request.ts';

/** Everything a client holds between calls. @internal */
export interface ClientContext {
  options: NormalizedClientOptions;
  credentials: CredentialSource;
  clock: ClientClock;
  transport: Transport;
  userAgent: string | undefined;
}

/**
 * One call: prepare once, then attempt → (retry after a wait) until success, a final failure or an abort.
 * The caller's signal wins at any moment: the returned promise rejects with its reason and nothing more is sent.
 *
 * @internal
 */
export function send<T>(ctx: ClientContext, request: BceRequest, callOptions?: CallOptions): Promise<SendResult<T>> {
  try {
    const call = normalizeCallOptions(ctx.options, callOptions, request.operation ?? 'send');
    if (call.signal?.aborted) return Promise.reject(call.signal.reason);
    const prepared = prepareRequest(request, ctx.options.endpoint, ctx.options.region);
    return startCall<T>(ctx, prepared, call);
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * Runs a prepared call; the caller's signal settles the returned promise at once, and the log says when the loop
 * itself stopped. `send` and `signedFetch` both go through it.
 *
 * @internal
 */
export function startCall<T>(
  ctx: ClientContext,
  request: PreparedRequest,
  call: ReturnType<typeof normalizeCallOptions>,
): Promise<SendResult<T>> {
  // The attempt in flight, which the caller's abort ends too: one listener on the caller's signal per call, where
  // AbortSignal.any per attempt cost ~20 µs in Node 20.
  const current: CurrentAttempt = {};
  const running = runCall<T>(ctx, request, call, current);
  if (call.signal) running.catch((error) => logAborted(ctx, request, call.signal!, error));
  return raceAbort(running, call.signal, () => current.controller?.abort(call.signal!.reason));
}

async function runCall<T>(
  ctx: ClientContext,
  request: PreparedRequest,
  call: ReturnType<typeof normalizeCallOptions>,
  current: CurrentAttempt,
): Promise<SendResult<T>> {
  const { logger, hooks } = ctx.options;
  let totalRetryDelay = 0;
  const { signal, retry, timeout } = call;
  // What hooks are told about every attempt; built only for a client that has hooks.
  const base =
    hooks.beforeAttempt || hooks.afterAttempt
      ? {
          method: request.method,
          url: request.url,
          operation: request.operation,
          clientToken: request.clientToken,
        }
      : undefined;
  // Only a client with a logger builds log lines: `log?.(…)` skips evaluating its arguments otherwise.
  const log =
    logger &&
    ((level: 'debug' | 'info' | 'warn' | 'error', message: string, data: Record<string, unknown>) => {
      try {
        logger[level](message, data);
      } catch {
        // Logging is a side channel: a broken logger must not turn a call that worked into a failure.
      }
    });

  for (let attempt = 1; ; attempt++) {
    signal?.throwIfAborted();
    const credentials: BceCredentials = await ctx.credentials();
    // What a hook returns, headers or nothing, is for this attempt only.
    const added =
      hooks.beforeAttempt && ((await hooks.beforeAttempt({ ...base!, attempt })) as AttemptHeaders | undefined);
    signal?.throwIfAborted();
    const logData = log && { operation: request.operation, method: request.method, path: request.path, attempt };
    log?.('debug', 'bcekit: attempt start', logData!);
    const started = Date.now();
    const outcome = await runAttempt(ctx, request, credentials, timeout, signal, added, current);
    const headers = (outcome as { headers?: TransportHeaders }).headers;
    // Hooks get a real Headers; Node's default transport has only a light one (building Headers loads undici).
    const responseHeaders = hooks.afterAttempt && headers ? new Headers([...headers]) : undefined;
    const status =
      'status' in outcome ? outcome.status : outcome.kind === 'service' ? outcome.failure.statusCode : undefined;
    const ms = Date.now() - started;

    if (outcome.kind === 'success') {
      log?.('debug', 'bcekit: attempt end', { ...logData, status, ms });
      if (hooks.afterAttempt) await hooks.afterAttempt({ ...base!, attempt, status, responseHeaders });
      const $metadata: ResponseMetadata = {
        requestId: headers?.get('x-bce-request-id') ?? undefined,
        httpStatusCode: outcome.status,
        attempts: attempt,
        totalRetryDelay,
      };
      return { body: outcome.value as T | undefined, $metadata };
    }
    const error = toError(outcome, request, attempt, timeout, ctx.options.assumedHttps);
    const retryable = outcome.kind === 'service' ? outcome.retryable : outcome.kind !== 'local';
    if (!retryable || attempt > retry.limit) {
      log?.('warn', 'bcekit: call failed', { ...logData, status, ms, error: error.message });
      if (hooks.afterAttempt) await hooks.afterAttempt({ ...base!, attempt, status, responseHeaders, error });
      throw error;
    }
    // A skewed clock is fixed by the offset just learned; waiting would not help.
    const delay =
      outcome.kind === 'service' && outcome.clockSkew
        ? 0
        : retryDelay(attempt, retry, outcome.kind === 'service' ? outcome.retryAfter : undefined);
    log?.('info', 'bcekit: retrying', { ...logData, status, ms, delay, reason: describeOutcome(outcome) });
    if (hooks.afterAttempt) {
      const state: AttemptState = { ...base!, attempt, status, responseHeaders, error, delay };
      await hooks.afterAttempt(state);
    }
    await sleep(delay, signal);
    totalRetryDelay += delay;
  }
}

// Said once the loop itself stops (the caller's promise rejected already), so a log shows that nothing ran on.
function logAborted(ctx: ClientContext, request: PreparedRequest, signal: AbortSignal, error: unknown): void {
  if (!signal.aborted || error !== signal.reason) return;
  try {
    ctx.options.logger?.debug('bcekit: call aborted', { operation: request.operation, method: request.method });
  } catch {
    // A broken logger changes nothing here.
  }
}

function toError(
  outcome: Exclude<AttemptOutcome, { kind: 'success' }>,
  request: PreparedRequest,
  attempts: number,
  timeout: number | false,
  assumedHttps: boolean,
): BceError {
  const { method, path, clientToken, operation, origin } = request;
  const common = { method, path, attempts, clientToken, operation, origin };
  if (outcome.kind === 'timeout') return new BceTimeoutError({ ...common, timeout: timeout === false ? 0 : timeout });
  if (outcome.kind === 'network') {
    const hint = assumedHttps ? 'the endpoint had no scheme, so https was used; write "http://" for plain HTTP' : '';
    return new BceNetworkError({ ...common, hint, cause: outcome.cause });
  }
  if (outcome.kind === 'local') {
    const what = outcome.stage === 'signing' ? 'could not be signed' : 'has a header fetch would refuse';
    const why = outcome.cause instanceof Error ? outcome.cause.message : String(outcome.cause);
    return new BceError(`${request.operation}: attempt ${attempts} ${what}; nothing was sent: ${why}`, {
      ...common,
      cause: outcome.cause,
    });
  }
  return new BceServiceError({ ...common, ...outcome.failure });
}

function describeOutcome(outcome: Exclude<AttemptOutcome, { kind: 'success' }>): string {
  if (outcome.kind === 'service')
    return outcome.clockSkew ? `${outcome.failure.code} (clock skew)` : outcome.failure.code;
  return outcome.kind;
}
