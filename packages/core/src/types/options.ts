import type { BceCredentials } from '@bcekit/signer';
import type { BceRegion } from '../regions.ts';
import type { CredentialProvider } from './credentials.ts';
import type { Hooks } from './hooks.ts';
import type { Logger } from './logger.ts';

/** How failed attempts are retried. Every field is optional; missing ones take the defaults. */
export interface RetryOptions {
  /** Retries after the first attempt (not attempts). `0` disables retries. @default 3 */
  limit?: number | undefined;
  /** Base of the exponential backoff in ms: attempt n waits up to `baseDelay * 2^(n-1)`. @default 300 */
  baseDelay?: number | undefined;
  /** Cap of any single wait in ms, `Retry-After` included. @default 20000 */
  maxDelay?: number | undefined;
  /** Honour the server's `Retry-After` header (seconds or HTTP date). @default true */
  respectRetryAfter?: boolean | undefined;
}

/** {@link RetryOptions} with every field filled in, as the retry loop and hooks see them. */
export type NormalizedRetryOptions = { [K in keyof RetryOptions]-?: Exclude<RetryOptions[K], undefined> };

/** Options of {@link createClient}. */
export interface ClientOptions {
  /**
   * Region code, e.g. `"bj"`; fills the service's host template (`bcc.{region}.baidubce.com`). Without `endpoint`
   * only the codes of {@link BceRegion} are taken; a region this release does not list is reached with `endpoint`
   * (the region then only labels the client). Left out along with `endpoint`, it is read from `fromEnv()` or the
   * `BCE_REGION` environment variable where the runtime has one.
   */
  region?: BceRegion | (string & {}) | undefined;
  /**
   * Overrides the region's host: `"https://host"` or `"http://127.0.0.1:8080"`. A bare `host[:port]` means
   * **https**, even for `127.0.0.1`: write `http://` for a plain-HTTP server such as the emulator.
   */
  endpoint?: string | undefined;
  /**
   * A static access key pair, or a (sync or async) provider that may return an `expiration`. Not given: in Node,
   * Deno and Bun, {@link defaultCredentials} (the environment, then Baidu's CLI profile); in browsers and Workers
   * it is required.
   */
  credentials?: BceCredentials | CredentialProvider | undefined;
  /** Retries, or full retry options. @default 3 */
  retry?: number | RetryOptions | undefined;
  /** Per-attempt timeout in ms (covers the response body too), or `false` for none. @default 30000 */
  timeout?: number | false | undefined;
  /**
   * The `fetch` to send with (e.g. a mock or a proxying fetch); it always wins.
   * @default the runtime's `fetch`; in Node, `node:http` / `node:https` (a first `fetch()` costs a fresh Node
   * process ~120 ms; the core README says why)
   */
  fetch?: typeof fetch | undefined;
  /** Receives attempt/retry events (levels it lacks stay silent); never secrets, never bodies. @default silent */
  logger?: Partial<Logger> | undefined;
  /** Callbacks around each attempt. */
  hooks?: Hooks | undefined;
  /** Appended to the `User-Agent` (`bcekit/<version> <userAgent>`) where the runtime lets one be set. */
  userAgent?: string | undefined;
}

/** What a client resolved its options to; see {@link BceClient.config}. Credentials are never exposed. */
export interface ResolvedClientConfig {
  /** The region given (or read from `BCE_REGION`), if any. */
  readonly region: string | undefined;
  /**
   * The origin calls go to (`https://host[:port]`): the endpoint given, normalised, or for a region client the
   * region's VPC host (`https://bcc.{region}.baidubce.com`), where peer connection and VPC calls go.
   */
  readonly endpoint: string | undefined;
  readonly retry: Readonly<NormalizedRetryOptions>;
  readonly timeout: number | false;
  /** The full `User-Agent` value sent where allowed. */
  readonly userAgent: string;
}
