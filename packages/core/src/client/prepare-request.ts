import { uriEncode } from '@bcekit/signer';
import { BceValidationError, type ValidationIssue } from '../errors/bce-validation-error.ts';
import type { BceRequest } from '../types/request.ts';
import { noEndpointIssue, resolveOrigin } from './resolve-endpoint.ts';

/** A request with its URL parts fixed once for every attempt: same path, query and clientToken each time. @internal */
export interface PreparedRequest {
  method: string;
  operation: string;
  /** `host[:port]` as signed (the port only when it is not the scheme's default). */
  host: string;
  /** `https://host[:port]`, named by errors of calls that got no answer. */
  origin: string;
  /** Encoded path, both sent and signed. */
  path: string;
  /** Query for the signer; `''` values are flags, canonicalised as `key=`. */
  query: Record<string, string | number | boolean>;
  url: string;
  /** JSON text for operations; any bytes for signedFetch. */
  body: string | Uint8Array<ArrayBuffer> | undefined;
  clientToken: string | undefined;
  /**
   * Headers of the request itself, by lower-case name (signedFetch): `x-bce-*` and `content-type` are signed,
   * others sent unsigned.
   */
  headers?: Record<string, string>;
}

/**
 * Builds what every attempt of a call shares. Each path segment is encoded once with the signer's `uriEncode`;
 * flags go bare on the wire (`?accept&clientToken=…`); `null`/`undefined` values are dropped.
 *
 * @throws {BceValidationError} for an empty, `.` or `..` path segment, or when no endpoint can be resolved; nothing is sent.
 * @internal
 */
export function prepareRequest(
  request: BceRequest,
  endpoint: string | undefined,
  region: string | undefined,
): PreparedRequest {
  const operation = request.operation ?? `${request.method} request`;
  const issues: ValidationIssue[] = [];
  request.path.forEach((segment, i) => {
    // An empty id would silently turn `/v1/peerconn/{id}` into the list route.
    if (typeof segment !== 'string' || segment === '')
      issues.push({ path: `path[${i}]`, message: 'must be a non-empty string' });
    // The URL parser would drop or climb such a segment while the signed path keeps it.
    else if (segment === '.' || segment === '..')
      issues.push({ path: `path[${i}]`, message: 'must not be "." or ".."' });
  });
  const origin = resolveOrigin(endpoint, region, request.serviceHost);
  if (!origin)
    issues.push(
      region
        ? { path: 'serviceHost', message: 'is needed to resolve an endpoint from region; pass endpoint instead' }
        : noEndpointIssue,
    );
  if (issues.length > 0) throw new BceValidationError(operation, issues);
  const path = `/${request.path.map((segment) => uriEncode(segment)).join('/')}`;
  const query: Record<string, string | number | boolean> = {};
  const wire: string[] = [];
  for (const [key, value] of Object.entries(request.query ?? {})) {
    if (value === null || value === undefined) continue;
    query[key] = value;
    wire.push(value === '' ? uriEncode(key) : `${uriEncode(key)}=${uriEncode(String(value))}`);
  }
  const url = `${origin}${path}${wire.length > 0 ? `?${wire.join('&')}` : ''}`;
  const token = request.query?.['clientToken'];
  return {
    method: request.method.toUpperCase(),
    operation,
    host: hostOf(origin!),
    origin: origin!,
    path,
    query,
    url,
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
    clientToken: typeof token === 'string' && token ? token : undefined,
  };
}

/**
 * `host[:port]` as fetch will send it. The origin is either the endpoint, which `URL` already lower-cased and
 * stripped of a default port, or `https://` + a service host template with a checked region filled in: slicing
 * gives what `new URL(origin).host` would, without parsing a URL on every call or keeping state between calls.
 */
function hostOf(origin: string): string {
  return origin.slice(origin.indexOf('//') + 2).toLowerCase();
}
