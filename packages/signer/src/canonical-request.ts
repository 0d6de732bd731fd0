import { BceSigningError } from './errors.ts';
import type { SignableHeaders, SignableQuery, SignableRequest, SignOptions } from './types.ts';
import { uriEncode } from './uri-encode.ts';

/** Headers signed when no `headersToSign` is given (plus every `x-bce-*`), as in Baidu's SDKs. */
export const DEFAULT_HEADERS_TO_SIGN: readonly string[] = ['host', 'content-length', 'content-type', 'content-md5'];

// Python's bytes.strip(): space, tab, LF, VT, FF, CR; not the wider Unicode set String#trim removes.
const OUTER_ASCII_WHITESPACE = /^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g;
const CR_LF_NUL = /[\0\n\r]/;

/** The canonical request and the pieces a `SignatureDoesNotMatch` investigation needs. No secrets. */
export interface CanonicalParts {
  canonicalUri: string;
  canonicalQueryString: string;
  canonicalHeaders: string;
  /** Sorted lower-case names of the headers that were signed. */
  signedHeaders: string[];
  canonicalRequest: string;
}

/** Path -> canonical URI: keeps `/` and existing `%XX` escapes (upper-cased), encodes everything else once. */
export function canonicalUri(path: string): string {
  if (!path) return '/';
  const parts = path.split(/(%[0-9A-Fa-f]{2})/);
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    out += i % 2 === 1 ? part.toUpperCase() : uriEncode(part, true);
  }
  return out.startsWith('/') ? out : `/${out}`;
}

/** Sorted `key=value` pairs, both encoded; null/undefined/'' give `key=`; `authorization` (any case) dropped. */
export function canonicalQueryString(query: SignableQuery | undefined): string {
  if (!query) return '';
  const pairs: string[] = [];
  for (const key of Object.keys(query)) {
    if (key.toLowerCase() === 'authorization') continue;
    const value = query[key];
    pairs.push(`${uriEncode(key)}=${value === null || value === undefined ? '' : uriEncode(String(value))}`);
  }
  return pairs.sort().join('&');
}

/** Canonical header lines and the sorted names signed: `headersToSign` (default set when empty) + every `x-bce-*`. */
export function canonicalHeaders(
  headers: SignableHeaders | undefined,
  headersToSign?: readonly string[],
  exact = false,
): { canonicalHeaders: string; signedHeaders: string[] } {
  // An empty list means the default set, as in the official SDKs and the server ("//" in the auth string).
  const names = headersToSign?.length ? headersToSign : DEFAULT_HEADERS_TO_SIGN;
  // Arrays, not Sets: a handful of names, looked up a few times per request.
  const wanted = names.map((h) => h.trim().toLowerCase());
  const lines: string[] = [];
  const signed: string[] = [];
  // Value first, as `Headers#forEach` calls it.
  const add = (rawValue: string, rawName: string): void => {
    const name = rawName.trim().toLowerCase();
    // Outer ASCII whitespace (CR and LF included) goes, as the official signer strips it and fetch drops it.
    // (Most values have none: trim() finds that faster than the pattern.)
    const value = rawValue.trim() === rawValue ? rawValue : rawValue.replace(OUTER_ASCII_WHITESPACE, '');
    if (CR_LF_NUL.test(value)) {
      throw new BceSigningError(`headers.${name}`, 'value contains CR, LF or NUL; remove them from header values');
    }
    if (!value || !(wanted.includes(name) || (!exact && name.startsWith('x-bce-')))) return;
    lines.push(`${uriEncode(name)}:${uriEncode(value)}`);
    if (!signed.includes(name)) signed.push(name);
  };
  // A `Headers` (or one from another realm) is told by its `entries` method, not `instanceof Headers`: in Node 20
  // merely reading the global `Headers` loads undici (~15 ms of a fresh process), and a record's values are never
  // functions. Either is read in place, without an array of its entries (part of 3-4% of a call in Node 20).
  if (typeof headers?.entries === 'function') (headers as Headers).forEach(add);
  else if (headers)
    for (const name of Object.keys(headers)) {
      const value = (headers as Record<string, string | number | undefined>)[name];
      if (value !== undefined) add(String(value), name);
    }
  return { canonicalHeaders: lines.sort().join('\n'), signedHeaders: signed.sort() };
}

/** Builds the canonical request of BCE auth v1 (method, URI, query, headers, joined by newlines). */
export function canonicalize(
  request: SignableRequest,
  options: Pick<SignOptions, 'headersToSign' | 'exactHeaders'> = {},
): CanonicalParts {
  const uri = canonicalUri(request.path);
  const query = canonicalQueryString(request.query);
  const headers = canonicalHeaders(request.headers, options.headersToSign, options.exactHeaders);
  return {
    canonicalUri: uri,
    canonicalQueryString: query,
    canonicalHeaders: headers.canonicalHeaders,
    signedHeaders: headers.signedHeaders,
    canonicalRequest: `${request.method.toUpperCase()}\n${uri}\n${query}\n${headers.canonicalHeaders}`,
  };
}
