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
  /** The failure of this attempt (already a Bce error, or the abort reason). */
  readonly error?: unknown;
  /** Wait before the next attempt in ms, when one follows. */
  readonly delay?: number;
}

/** Runs before each attempt is signed and sent; throwing fails the call. */
export type BeforeAttemptHook = (state: AttemptState) => void | Promise<void>;

/** Runs after each attempt, success or failure; throwing fails the call. */
export type AfterAttemptHook = (state: AttemptState) => void | Promise<void>;

/** Callbacks around each attempt of every call made by a client. */
export interface Hooks {
  beforeAttempt?: BeforeAttemptHook;
  afterAttempt?: AfterAttemptHook;
}
