import { uriEncode } from '@bcekit/signer';
import type { PreparedRequest } from '../client/prepare-request.ts';
import { resolveOrigin } from '../client/resolve-endpoint.ts';
import { BceValidationError, type ValidationIssue } from '../errors/bce-validation-error.ts';

/** Hosts signedFetch signs for besides the client's own endpoint: Baidu AI Cloud's API and BOS domains. */
const BCE_HOST = /(^|\.)(baidubce|bcebos)\.com$/;

/** The VPC host, where a path goes when the client has a region but no endpoint. */
const DEFAULT_SERVICE_HOST = 'bcc.{region}.baidubce.com';

/** Set by bcekit on every attempt; a caller's value would be wrong by the next retry. */
const OWN_HEADERS = ['host', 'authorization', 'x-bce-date', 'x-bce-security-token'];

/** Sent and signed as BCE expects JSON, when a string body comes without a content type. */
const JSON_CONTENT_TYPE = 'application/json;charset=utf-8';

/** Methods that may be repeated without changing the result (RFC 9110 §9.2.2). */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/** Where a request may go and what the client settings say about paths. @internal */
export interface FetchTarget {
  endpoint: string | undefined;
  region: string | undefined;
}

/**
 * Turns `fetch`-style arguments into the prepared request every attempt shares: the URL checked against the BCE
 * hosts and the client's endpoint, the path and query in the signer's canonical encoding (sent exactly as
 * signed), the headers by lower-case name and the body read once into memory, so that a retry sends it again.
 *
 * @returns the request, and whether it is safe to repeat (an idempotent method, or a `clientToken` in the query).
 * @throws {BceValidationError} naming what is wrong; nothing is sent.
 * @internal
 */
export async function prepareFetch(
  input: string | URL | Request,
  init: RequestInit | undefined,
  target: FetchTarget,
): Promise<{ request: PreparedRequest; repeatable: boolean }> {
  const fail = (path: string, message: string): never => {
    throw new BceValidationError('signedFetch', [{ path, message }]);
  };
  const own = resolveOrigin(target.endpoint, target.region, DEFAULT_SERVICE_HOST);
  const raw = input instanceof Request ? input.url : String(input);
  if (raw.startsWith('/') && !raw.startsWith('//') && !own)
    fail(
      'input',
      'a path needs a client with endpoint or region; pass a full URL such as https://eip.bj.baidubce.com/v1/eip',
    );
  let url: URL;
  try {
    url = new URL(raw, own);
  } catch {
    return fail('input', 'must be a URL on a BCE host, or a path (starting with "/") on the client\'s endpoint');
  }
  const ownOrigin = own && new URL(own).origin;
  if (url.origin !== ownOrigin && !(url.protocol === 'https:' && BCE_HOST.test(url.hostname)))
    fail(
      'input',
      `${url.origin} is neither a BCE host (https://*.baidubce.com, https://*.bcebos.com) nor the client's endpoint; bcekit signs for no other host`,
    );
  if (url.username || url.password) fail('input', 'must not carry user or password');

  let request: Request;
  try {
    // `duplex` lets a stream body through (Node asks for it); the body is read whole below, once.
    request = new Request(input instanceof Request ? input : url, { ...init, duplex: 'half' } as RequestInit);
  } catch (error) {
    return fail('init', (error as Error).message);
  }
  const issues: ValidationIssue[] = [];
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    if (OWN_HEADERS.includes(name))
      issues.push({ path: `init.headers.${name}`, message: 'is set by bcekit; remove it' });
    else if (name !== 'content-length') headers[name] = value;
  });
  // Headers given (init's replace a Request's); a string body without a content type among them goes as JSON.
  const given = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
  const stringBody = typeof init?.body === 'string';
  if (stringBody && !given.has('content-type')) headers['content-type'] = JSON_CONTENT_TYPE;

  const segments = url.pathname.split('/').map((segment, i) => {
    try {
      return uriEncode(decodeURIComponent(segment));
    } catch {
      issues.push({ path: 'input', message: `path segment ${i} has a malformed %-escape` });
      return segment;
    }
  });
  const query: Record<string, string> = {};
  const wire: string[] = [];
  for (const [key, value] of url.searchParams) {
    if (key in query) issues.push({ path: `input.query.${key}`, message: 'appears more than once; give it once' });
    query[key] = value;
    wire.push(value === '' ? uriEncode(key) : `${uriEncode(key)}=${uriEncode(value)}`);
  }
  if (issues.length > 0) throw new BceValidationError('signedFetch', issues);

  const path = segments.join('/');
  const method = request.method.toUpperCase();
  const body = request.body
    ? stringBody
      ? (init!.body as string)
      : new Uint8Array(await request.arrayBuffer())
    : undefined;
  const clientToken = query['clientToken'] || undefined;
  return {
    request: {
      method,
      operation: 'signedFetch',
      host: url.host,
      origin: url.origin,
      path,
      query,
      url: `${url.origin}${path}${wire.length > 0 ? `?${wire.join('&')}` : ''}`,
      body,
      clientToken,
      headers,
    },
    repeatable: IDEMPOTENT.has(method) || clientToken !== undefined,
  };
}
