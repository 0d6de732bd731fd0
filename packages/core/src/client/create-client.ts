import { createClientClock } from '../clock/clock-offset.ts';
import { cachedCredentials } from '../credentials/cached-provider.ts';
import { VPC_HOST_TEMPLATE } from '../regions.ts';
import { createTransport } from '../transport/default-transport.ts';
import type { SendResult } from '../types/metadata.ts';
import type { ClientOptions, ResolvedClientConfig } from '../types/options.ts';
import type { BceRequest, CallOptions } from '../types/request.ts';
import { normalizeClientOptions } from './normalize-options.ts';
import { resolveOrigin } from './resolve-endpoint.ts';
import { type ClientContext, send } from './send.ts';

/** A configured connection to BCE. It knows no service: service packages describe their requests to `send`. */
export interface BceClient {
  /** The region given to {@link createClient}, if any. */
  readonly region: string | undefined;
  /** The settings this client resolved its options to (credentials excluded). */
  readonly config: ResolvedClientConfig;
  /** Current clock offset in ms (service time minus local time), learned from response `Date` headers. */
  readonly clockOffset: number;
  /**
   * Sends one call: signs every attempt anew, retries what is safe to retry with the same clientToken, and maps
   * failures to bcekit errors.
   *
   * @returns the parsed JSON body, or `undefined` for an empty one.
   * @throws {BceServiceError} the service refused (after retries where they apply).
   * @throws {BceTimeoutError} every attempt timed out. {@link BceNetworkError} no response could be had.
   * @throws {BceValidationError} the request could not be built (e.g. no endpoint); nothing was sent.
   */
  send<T = unknown>(request: BceRequest, options?: CallOptions): Promise<T | undefined>;
  /**
   * {@link BceClient.send}, resolving with the body and the call's metadata (`requestId` from
   * `x-bce-request-id`, `httpStatusCode`, `attempts`, `totalRetryDelay`): what service packages put on every output
   * as `$metadata`.
   */
  sendWithMetadata<T = unknown>(request: BceRequest, options?: CallOptions): Promise<SendResult<T>>;
}

/** Each client's internals, for functions such as `signedFetch` that send through a client's pipeline. @internal */
export const clientContexts: WeakMap<BceClient, ClientContext> = new WeakMap();

/**
 * Creates a client. Options are checked now, so a mistake fails here rather than on the first call.
 *
 * @throws {BceValidationError} listing every problem with the options.
 * @example
 * const client = createClient({ region: 'bj', credentials: fromEnv() });
 * const client = createClient({ endpoint: 'http://127.0.0.1:8080', credentials: { accessKeyId, secretAccessKey } });
 */
export function createClient(options: ClientOptions): BceClient {
  const normalized = normalizeClientOptions(options);
  const ctx: ClientContext = {
    options: normalized,
    credentials: cachedCredentials(normalized.credentials),
    clock: createClientClock(),
    transport: createTransport(normalized.fetch),
    userAgent: canSetUserAgent() ? normalized.userAgent : undefined,
  };
  const config: ResolvedClientConfig = Object.freeze({
    region: normalized.region,
    // For a region client, the VPC host: where peer connection and VPC calls go.
    endpoint: normalized.endpoint ?? resolveOrigin(undefined, normalized.region, VPC_HOST_TEMPLATE),
    retry: normalized.retry,
    timeout: normalized.timeout,
    userAgent: normalized.userAgent,
  });
  const client: BceClient = {
    region: normalized.region,
    config,
    get clockOffset() {
      return ctx.clock.offset;
    },
    send: <T>(request: BceRequest, callOptions?: CallOptions) =>
      send<T>(ctx, request, callOptions).then((result) => result.body),
    sendWithMetadata: <T>(request: BceRequest, callOptions?: CallOptions) => send<T>(ctx, request, callOptions),
  };
  clientContexts.set(client, ctx);
  return client;
}

// Browsers (pages and their workers) own User-Agent; setting it there only adds a CORS preflight header.
function canSetUserAgent(): boolean {
  const g = globalThis as { document?: unknown; importScripts?: unknown };
  return g.document === undefined && typeof g.importScripts !== 'function';
}
