import { DEFAULT_HEADERS_TO_SIGN, sign } from '@bcekit/signer';
import type { Clock } from './clock.ts';
import { fail } from './error-response.ts';
import { md5Base64 } from './md5.ts';
import { parseQuery } from './route-parts.ts';
import type { EmulatorState } from './state.ts';

/** Who signed a request. @internal */
export interface Caller {
  accountId: string;
  accessKeyId: string;
}

// Requests handed over in process (the emulator's fetch, an msw resolver): no network added their Content-Length.
const inProcess = new WeakSet<Request>();

/** Marks a request that reached the emulator without a network, so that it is read with the length a network would add. @internal */
export function markInProcess(request: Request): Request {
  inProcess.add(request);
  return request;
}

const AUTH_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
const SKEW_MS = 15 * 60 * 1000;

function parseAuthorization(value: string) {
  const parts = value.trim().split('/');
  const [version, accessKeyId, timestamp, expiration, signedHeaders, signature] = parts;
  if (
    parts.length !== 6 ||
    version !== 'bce-auth-v1' ||
    !accessKeyId ||
    !AUTH_TIME.test(timestamp!) ||
    !/^[1-9]\d{0,9}$/.test(expiration!) ||
    !/^[0-9a-f]{64}$/.test(signature!)
  ) {
    fail('InvalidHTTPAuthHeader', 'Authorization must be bce-auth-v1/{ak}/{timestamp}/{expiration}/{headers}/{sig}');
  }
  return {
    accessKeyId,
    time: Date.parse(timestamp!),
    expirationInSeconds: Number(expiration),
    signedHeaders: signedHeaders!,
    signature: signature!,
  };
}

/** Names to canonicalise: the listed ones, or (empty segment) the default set plus every `x-bce-*` present. */
function namesToSign(segment: string, headers: Headers): string[] {
  if (segment.trim()) {
    return segment
      .split(';')
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean);
  }
  const names = [...DEFAULT_HEADERS_TO_SIGN];
  for (const [name] of headers) if (name.startsWith('x-bce-')) names.push(name);
  return names;
}

/**
 * Checks BCE auth v1 on a request, in this order: Authorization present and well-formed (400
 * `InvalidHTTPAuthHeader`; the `authorization` query parameter of a presigned URL also works); known access
 * key (403 `InvalidAccessKeyId`); its timestamp no more than 15 minutes ahead of the clock's request time and
 * not older than its expiration (400 `RequestExpired`); a temporary key's session token sent as a signed
 * `x-bce-security-token` (403 `InvalidSecurityToken`); the signature over exactly the headers named in the
 * signed-headers segment, or for an empty segment the default set (host, content-length, content-type,
 * content-md5) plus every `x-bce-*` (403 `SignatureDoesNotMatch`). `host` is the Host header when the request
 * has one, else the URL's host (with a non-default port).
 *
 * The signature covers what it names and nothing more: a body is protected only through a signed
 * `content-length` (a body of another length → 403 `SignatureDoesNotMatch`) or a `Content-MD5` header
 * (mismatch → 400 `BadDigest`). The bcekit client signs `content-length` for every request with a body. A
 * request handed over in process (see {@link markInProcess}) has no Content-Length: its body's length is used, as
 * a network would carry it. `query` is `url.search` as `parseQuery` reads it (`+` a literal plus). `readBody` is
 * called only once the signature over the headers holds (or, in process, for that length), so a refused
 * network request's body is never read.
 * @internal
 */
export async function verifySignature(
  request: Request,
  url: URL,
  query: Record<string, string>,
  readBody: () => Promise<Uint8Array>,
  state: EmulatorState,
  clock: Clock,
): Promise<Caller> {
  const header = request.headers.get('authorization') ?? query['authorization'];
  if (!header) fail('InvalidHTTPAuthHeader', 'missing Authorization header');
  const auth = parseAuthorization(header);
  const credential = state.credentials.get(auth.accessKeyId);
  if (!credential) fail('InvalidAccessKeyId', `access key ${auth.accessKeyId} does not exist`);
  const now = clock.requestTime();
  if (auth.time > now + SKEW_MS || now > auth.time + auth.expirationInSeconds * 1000) {
    fail(
      'RequestExpired',
      `request signed at ${new Date(auth.time).toISOString()} is expired or too far from ${new Date(now).toISOString()}`,
    );
  }
  const names = namesToSign(auth.signedHeaders, request.headers);
  const token = request.headers.get('x-bce-security-token');
  if ((credential.sessionToken ?? null) !== token || (token !== null && !names.includes('x-bce-security-token'))) {
    fail('InvalidSecurityToken', 'x-bce-security-token is missing, unsigned or does not match this access key');
  }
  const headers: Record<string, string> = {};
  for (const name of names) {
    const value =
      name === 'host' ? (request.headers.get('host') ?? url.host) : await headerAsSent(request, name, readBody);
    if (value !== null) headers[name] = utf8HeaderText(value);
  }
  const expected = async (plusAsSpace: boolean) => {
    const signed = await sign(
      {
        method: request.method,
        path: url.pathname,
        query: plusAsSpace ? parseQuery(url.search, true) : query,
        headers,
      },
      {
        credentials: { accessKeyId: auth.accessKeyId, secretAccessKey: credential.secretAccessKey },
        timestamp: auth.time / 1000,
        expirationInSeconds: auth.expirationInSeconds,
        headersToSign: names,
      },
    ).catch(() => '');
    return signed.slice(signed.lastIndexOf('/') + 1);
  };
  // `+` in a query is a literal plus per RFC 3986, but URLSearchParams writes spaces as `+`: accept either.
  let matches = (await expected(false)) === auth.signature;
  if (!matches && url.search.includes('+')) matches = (await expected(true)) === auth.signature;
  if (!matches) fail('SignatureDoesNotMatch', 'the request signature we calculated does not match yours');
  checkBody(request, names, await readBody());
  return { accountId: credential.accountId, accessKeyId: auth.accessKeyId };
}

// What the header would read after a network: fetch sends a fixed body's byte length as Content-Length, but a
// request that never left the process has none (browsers do not even let a script set it).
async function headerAsSent(
  request: Request,
  name: string,
  readBody: () => Promise<Uint8Array>,
): Promise<string | null> {
  const value = request.headers.get(name);
  if (value !== null || name !== 'content-length' || !inProcess.has(request)) return value;
  return request.method === 'GET' || request.method === 'HEAD' ? null : String((await readBody()).length);
}

/**
 * HTTP carries header bytes; fetch and node:http hand them over as Latin-1 text. Clients sign the UTF-8 text,
 * so bytes that form valid UTF-8 are read back as such before canonicalising.
 */
function utf8HeaderText(value: string): string {
  const codes = Array.from(value, (c) => c.charCodeAt(0));
  if (!codes.some((code) => code >= 0x80) || codes.some((code) => code > 0xff)) return value;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(codes));
  } catch {
    return value;
  }
}

function checkBody(request: Request, names: string[], body: Uint8Array): void {
  const length = request.headers.get('content-length');
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  if (hasBody && length !== null && names.includes('content-length') && Number(length.trim()) !== body.length) {
    fail('SignatureDoesNotMatch', `body has ${body.length} bytes but the signed content-length is ${length}`);
  }
  const md5 = request.headers.get('content-md5');
  if (md5 !== null && md5.trim() !== '' && md5.trim() !== md5Base64(body)) {
    fail('BadDigest', 'the Content-MD5 you specified did not match the body received');
  }
}
