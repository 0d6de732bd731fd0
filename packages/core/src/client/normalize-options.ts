import type { BceCredentials } from '@bcekit/signer';
import { checkCredentialFields } from '../credentials/check-credential-fields.ts';
import { credentialsWhenMissing, regionWhenMissing } from '../credentials/when-missing.ts';
import { BceValidationError, type ValidationIssue } from '../errors/bce-validation-error.ts';
import { describeValue } from '../errors/describe-value.ts';
import { redact, redactValue } from '../errors/redact.ts';
import { MAX_TIMER_MS } from '../limits.ts';
import type { CredentialProvider } from '../types/credentials.ts';
import type { AttemptState, Hooks } from '../types/hooks.ts';
import type { Logger } from '../types/logger.ts';
import type { ClientOptions, NormalizedRetryOptions, RetryOptions } from '../types/options.ts';
import type { CallOptions } from '../types/request.ts';
import { VERSION } from '../version.ts';
import { checkRegion, noEndpointIssue, parseEndpoint } from './resolve-endpoint.ts';

/** Defaults: 3 retries, full jitter over 300 ms × 2^n, capped at 20 s. */
const DEFAULT_RETRY: Readonly<NormalizedRetryOptions> = Object.freeze({
  limit: 3,
  baseDelay: 300,
  maxDelay: 20_000,
  respectRetryAfter: true,
});

/** Per-attempt timeout by default: long enough for slow mutations, short enough to notice a dead peer. */
const DEFAULT_TIMEOUT = 30_000;

// setTimeout overflows above this and fires at once.

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

// Calls through the given logger rather than copying its methods: a spread copies own properties only, so a
// logger whose methods live on its prototype (a class instance, some runtimes' console) would go silent, and
// copied methods would lose their `this`. Missing levels stay silent. This is where log text leaves bcekit, so
// it is filtered here, once.
function fillLogger(given: Partial<Logger>): Logger {
  const entries = LOG_LEVELS.map((level) => [
    level,
    (message: string, data?: Record<string, unknown>) =>
      given[level]?.(redact(message), data === undefined ? undefined : (redactValue(data) as Record<string, unknown>)),
  ]);
  return Object.fromEntries(entries) as Logger;
}

// Where attempt state leaves bcekit for the caller's hooks: its text is filtered here, once. The error is
// already filtered (errors are when built) and is passed as it is, so that `instanceof` still works.
function filterHooks(given: Hooks | undefined): Hooks {
  const { beforeAttempt, afterAttempt } = given ?? {};
  return {
    ...(beforeAttempt && { beforeAttempt: (state) => beforeAttempt.call(given, filterState(state)) }),
    ...(afterAttempt && { afterAttempt: (state) => afterAttempt.call(given, filterState(state)) }),
  };
}

function filterState(state: AttemptState): AttemptState {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(state)) {
    out[key] = typeof value === 'string' ? redact(value) : value instanceof Headers ? filterHeaders(value) : value;
  }
  return out as unknown as AttemptState;
}

// Response headers are the server's words (an echoed token in x-bce-request-id, a Location): a filtered copy.
function filterHeaders(headers: Headers): Headers {
  return new Headers([...headers].map(([name, value]): [string, string] => [name, redact(value)]));
}

/** Client options after checking, with every default filled in. @internal */
export interface NormalizedClientOptions {
  region: string | undefined;
  /** The endpoint given, as an origin; it wins over every service's host template. */
  endpoint: string | undefined;
  /** The endpoint had no scheme and was taken as https: a network error then says so. */
  assumedHttps: boolean;
  credentials: BceCredentials | CredentialProvider;
  retry: Readonly<NormalizedRetryOptions>;
  timeout: number | false;
  fetch: typeof fetch | undefined;
  /** `undefined` when none was given, so that silent calls skip building log lines at all. */
  logger: Logger | undefined;
  hooks: Hooks;
  userAgent: string;
}

/**
 * The one place where `createClient` options are checked and completed. Every problem is reported at once,
 * as a `BceValidationError` from `createClient`.
 *
 * @internal
 */
export function normalizeClientOptions(options: ClientOptions): NormalizedClientOptions {
  const issues: ValidationIssue[] = [];
  const opts = (options ?? {}) as Partial<ClientOptions>;
  let endpoint: string | undefined;
  let assumedHttps = false;
  if (opts.endpoint !== undefined) {
    const parsed = typeof opts.endpoint === 'string' ? parseEndpoint(opts.endpoint) : undefined;
    if (parsed && 'origin' in parsed) ({ origin: endpoint, assumedHttps } = parsed);
    else issues.push(parsed?.issue ?? { path: 'endpoint', message: 'must be a string' });
  }
  // Not given: the environment or Baidu's CLI files where the runtime has them (Node, Deno, Bun).
  const credentialIssues: ValidationIssue[] = [];
  const credentials = opts.credentials ?? credentialsWhenMissing(credentialIssues);
  // Without region or endpoint, the region comes from the provider (fromEnv(), fromBceCli()) or BCE_REGION.
  const found = opts.region === undefined && opts.endpoint === undefined ? providedRegion(credentials) : undefined;
  const region = opts.region ?? found?.region;
  if (region !== undefined) {
    const issue =
      typeof region === 'string'
        ? checkRegion(region, opts.endpoint !== undefined)
        : { path: 'region', message: 'must be a string' };
    if (issue) issues.push(found ? { ...issue, message: `(from ${found.source}) ${issue.message}` } : issue);
  }
  if (opts.endpoint === undefined && region === undefined) issues.push(noEndpointIssue);
  issues.push(...credentialIssues, ...checkCredentials(credentials));
  const retry = normalizeRetry(opts.retry, DEFAULT_RETRY, 'retry', issues);
  const timeout = normalizeTimeout(opts.timeout, DEFAULT_TIMEOUT, 'timeout', issues);
  if (opts.fetch !== undefined && typeof opts.fetch !== 'function')
    issues.push({ path: 'fetch', message: 'must be a function' });
  issues.push(...checkMethods(opts.logger, 'logger', LOG_LEVELS));
  issues.push(...checkMethods(opts.hooks, 'hooks', ['beforeAttempt', 'afterAttempt']));
  if (opts.userAgent !== undefined && (typeof opts.userAgent !== 'string' || /[\r\n]/.test(opts.userAgent))) {
    issues.push({ path: 'userAgent', message: 'must be a single-line string' });
  }
  if (issues.length > 0) throw new BceValidationError('createClient', issues);
  return {
    region,
    endpoint,
    assumedHttps,
    credentials: credentials as BceCredentials | CredentialProvider,
    retry,
    timeout,
    fetch: opts.fetch,
    logger: opts.logger ? fillLogger(opts.logger) : undefined,
    hooks: filterHooks(opts.hooks),
    userAgent: `bcekit/${VERSION}${opts.userAgent ? ` ${opts.userAgent}` : ''}`,
  };
}

/**
 * Per-call overrides over the client's settings, checked the same way.
 *
 * @internal
 */
export function normalizeCallOptions(
  client: { retry: Readonly<NormalizedRetryOptions>; timeout: number | false },
  options: CallOptions | undefined,
  operation: string,
): { retry: Readonly<NormalizedRetryOptions>; timeout: number | false; signal: AbortSignal | undefined } {
  const issues: ValidationIssue[] = [];
  const retry = normalizeRetry(options?.retry, client.retry, 'options.retry', issues);
  const timeout = normalizeTimeout(options?.timeout, client.timeout, 'options.timeout', issues);
  if (issues.length > 0) throw new BceValidationError(operation, issues);
  return { retry, timeout, signal: options?.signal };
}

function normalizeRetry(
  retry: number | RetryOptions | undefined,
  base: Readonly<NormalizedRetryOptions>,
  path: string,
  issues: ValidationIssue[],
): Readonly<NormalizedRetryOptions> {
  if (retry === undefined) return base;
  const given: RetryOptions = typeof retry === 'number' ? { limit: retry } : (retry ?? {});
  const full = { ...base, ...stripUndefined(given) };
  const isCount = (n: unknown) => Number.isInteger(n) && (n as number) >= 0;
  const isDelay = (n: unknown) => typeof n === 'number' && n >= 0 && n <= MAX_TIMER_MS;
  const at = (field: string) => (typeof retry === 'number' ? path : `${path}.${field}`);
  if (!isCount(full.limit))
    issues.push({ path: at('limit'), message: `must be an integer >= 0 (got ${describeValue(full.limit)})` });
  for (const field of ['baseDelay', 'maxDelay'] as const) {
    if (!isDelay(full[field]))
      issues.push({ path: at(field), message: `must be a delay in ms >= 0 (got ${describeValue(full[field])})` });
  }
  return Object.freeze({ ...full, respectRetryAfter: full.respectRetryAfter !== false });
}

function normalizeTimeout(
  timeout: number | false | undefined,
  base: number | false,
  path: string,
  issues: ValidationIssue[],
): number | false {
  if (timeout === undefined) return base;
  if (timeout === false) return false;
  if (typeof timeout !== 'number' || !(timeout > 0) || timeout > MAX_TIMER_MS) {
    issues.push({
      path,
      message: `must be a number of ms > 0 (at most ${MAX_TIMER_MS}) or false (got ${describeValue(timeout)})`,
    });
    return base;
  }
  return timeout;
}

// A logger or hook of the wrong shape would otherwise fail every call later with a bare TypeError.
function checkMethods(value: unknown, path: string, names: readonly string[]): ValidationIssue[] {
  if (value === undefined) return [];
  if (value === null || typeof value !== 'object')
    return [{ path, message: `must be an object with ${names.join('/')} methods (got ${describeValue(value)})` }];
  const record = value as Record<string, unknown>;
  return names
    .filter((name) => record[name] !== undefined && typeof record[name] !== 'function')
    .map((name) => ({ path: `${path}.${name}`, message: `must be a function (got ${describeValue(record[name])})` }));
}

function checkCredentials(credentials: unknown): ValidationIssue[] {
  if (typeof credentials === 'function') return [];
  const missing = 'is required; pass { accessKeyId, secretAccessKey } or a provider such as fromEnv()';
  return checkCredentialFields(credentials, 'credentials', missing);
}

// fromEnv() and fromBceCli() carry a region along with the keys; a static key pair has none, so the environment is asked.
function providedRegion(credentials: unknown): { region: string; source: string } | undefined {
  const fromProvider = (credentials as { region?: unknown } | undefined)?.region;
  if (typeof fromProvider === 'string' && fromProvider !== '')
    return { region: fromProvider, source: 'credentials.region' };
  const fromEnvironment = regionWhenMissing();
  return fromEnvironment === undefined ? undefined : { region: fromEnvironment, source: 'BCE_REGION' };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
