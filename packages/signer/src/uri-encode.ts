// Strings that need no encoding at all (ids, header names, dates): returned as they are, without a copy.
const UNRESERVED = /^[\w.~-]*$/;
const UNRESERVED_OR_SLASH = /^[\w.~/-]*$/;
// A surrogate without its other half: not valid UTF-16, so encodeURIComponent throws on it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// What encodeURIComponent leaves alone and BCE encodes. Most values that need encoding (dates, content types) have
// none of these: testing first skips a replace with a callback, which costs even when nothing matches.
const SPARED = /[!'()*]/;
const SPARED_ALL = /[!'()*]/g;

/**
 * BCE's UriEncode: every UTF-8 byte except `A-Z a-z 0-9 - _ . ~` becomes `%XX` (upper-case hex).
 * With `keepSlash`, `/` is kept too (for paths). Lone surrogates are encoded as U+FFFD, never thrown on.
 */
export function uriEncode(value: string, keepSlash = false): string {
  if ((keepSlash ? UNRESERVED_OR_SLASH : UNRESERVED).test(value)) return value;
  let encoded: string;
  try {
    encoded = encodeURIComponent(value);
  } catch {
    // As TextEncoder does: each lone surrogate becomes U+FFFD.
    encoded = encodeURIComponent(value.replace(LONE_SURROGATE, '\uFFFD'));
  }
  // encodeURIComponent leaves !'()* alone; BCE encodes them.
  if (SPARED.test(encoded))
    encoded = encoded.replace(SPARED_ALL, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return keepSlash ? encoded.replace(/%2F/g, '/') : encoded;
}
