/** What hooks learn about one attempt. New fields may be added; nothing here is secret. */
export interface AttemptState {
  /** 1 for the first attempt. */
  readonly attempt: number;
  readonly method: string;
  /** The request URL with any `authorization` query value redacted. */
  readonly url: string;
  /** Name of the calling operation, when the service package gave one. */
  readonly operation: string | undefined;
  /** The call's clientToken, when its query carries one (the same for every attempt). */
  readonly clientToken: string | undefined;
  /** HTTP status, once a response arrived. */
  readonly status?: number;
  /** Response headers, once a response arrived (`x-bce-request-id` among them). */
  readonly responseHeaders?: Headers;
  /** The failure of this attempt (already a Bce error, or the abort reason). */
  readonly error?: unknown;
  /** Wait before the next attempt in ms, when one follows. */
  readonly delay?: number;
}

/**
 * Headers a `beforeAttempt` hook adds to its attempt, by name. `x-bce-*` headers are signed with the request;
 * others (`traceparent`, a gateway's header) are sent unsigned. `host`, `authorization`, `x-bce-date` and
 * `x-bce-security-token` are bcekit's own and cannot be replaced.
 */
export type AttemptHeaders = Record<string, string>;

/**
 * Runs before each attempt is signed and sent; may return headers to add to that attempt. Throwing fails the call.
 *
 * @example
 * hooks: { beforeAttempt: ({ attempt }) => ({ 'x-bce-trace-attempt': String(attempt) }) }
 */
// biome-ignore lint/suspicious/noConfusingVoidType: hooks that return nothing (declared `: void`) must still fit.
export type BeforeAttemptHook = (state: AttemptState) => void | AttemptHeaders | Promise<void | AttemptHeaders>;

/** Runs after each attempt, success or failure; throwing fails the call. */
export type AfterAttemptHook = (state: AttemptState) => void | Promise<void>;

/** Callbacks around each attempt of every call made by a client. */
export interface Hooks {
  beforeAttempt?: BeforeAttemptHook | undefined;
  afterAttempt?: AfterAttemptHook | undefined;
}
