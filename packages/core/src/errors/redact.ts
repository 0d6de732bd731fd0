/** What replaces anything secret. */
const REDACTED = '<redacted>';

// Each pattern targets a secret whose shape we know even when we do not know its value:
// a full Authorization value (its signature is the secret part), an `authorization` query value (presigned URLs),
// a security-token header or field echoed back, and runs of 64 hex digits or more (signing keys and signatures,
// also when an encoded separator such as `%2F` runs into them).
const PATTERNS: readonly [RegExp, string][] = [
  [/bce-auth-v1\/[^\s"',]*/gi, `bce-auth-v1/${REDACTED}`],
  [/(authorization["']?\s*[=:]\s*["']?)(?!bce-auth-v1\/<)[^\s"'&,]+/gi, `$1${REDACTED}`],
  [/((?:x-bce-security-token|sessionToken|secretAccessKey)["']?\s*[=:]\s*["']?)[^\s"'&,]+/gi, `$1${REDACTED}`],
  [/[0-9a-f]{64,}/gi, REDACTED],
];

// Very short strings would blank out ordinary words; real keys and tokens are long.
const MIN_SECRET = 8;
// The shortest start of a secret removed where text was cut (at the end, or before the `…` of an excerpt).
const MIN_FRAGMENT = 4;
// Secrets of the clients made in this process, newest last. Bounded: a secret rotated out this long ago is expired.
const KNOWN_LIMIT = 256;
const known = new Map<string, RegExp>();

/**
 * Adds secrets (a secret key, a session token) to the list every redaction removes. Clients call it with the
 * credentials they sign with, so that any error or log line, wherever it is built, is cleaned of them.
 *
 * @internal
 */
export function rememberSecrets(...secrets: readonly (string | undefined)[]): void {
  for (const secret of secrets) {
    if (!secret || secret.length < MIN_SECRET) continue;
    // Every call of a client comes here: move the secret to the newest end, compiling its pattern only once.
    const pattern = known.get(secret) ?? spread(secret);
    known.delete(secret);
    known.set(secret, pattern);
    if (known.size > KNOWN_LIMIT) known.delete(known.keys().next().value!);
  }
}

/**
 * The single filter between secrets and anything a user can read: error messages and fields, `toJSON`, log
 * lines and hook payloads. Removes every known secret (see {@link rememberSecrets}) and every string in
 * `secrets`, even split by tags or whitespace or cut short at the end; Authorization values, `authorization`
 * query values, security tokens and 64-hex signing keys; and the same again in percent- or JSON-decoded form.
 *
 * @internal
 */
export function redact(text: string): string {
  const out = filter(text);
  // An echo may be encoded (`%2F` before a signature, a token in a query): look at the decoded text too.
  const decoded = decode(out);
  if (decoded === out) return out;
  const clean = filter(decoded);
  return clean === decoded ? out : clean;
}

function filter(text: string): string {
  let out = text;
  for (const pattern of known.values()) out = out.replace(pattern, REDACTED);
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  for (const secret of known.keys()) out = cutTail(out, secret);
  return out;
}

// The secret with any tags or whitespace allowed between its characters: `secr<wbr>et` and a wrapped line match.
function spread(secret: string): RegExp {
  const chars = [...secret].map((c) => c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'));
  return new RegExp(chars.join('(?:<[^<>]{0,64}>|\\s)*'), 'g');
}

// Where a text was cut (its end, or the `…` of an excerpt), the start of a secret may be left; no whole-value
// match can see it. Every piece before a `…`, and the last one, ends at such a cut.
function cutTail(text: string, secret: string): string {
  const pieces = text.split('…').map((piece) => {
    for (let k = Math.min(secret.length - 1, piece.length); k >= MIN_FRAGMENT; k--)
      if (piece.endsWith(secret.slice(0, k))) return `${piece.slice(0, -k)}${REDACTED}`;
    return piece;
  });
  return pieces.join('…');
}

function decode(text: string): string {
  let out = text;
  // Up to three layers: a value encoded twice (`%252F`) by a proxy is still readable to a person.
  for (let layer = 0; layer < 3; layer++) {
    const next = out
      .replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
        try {
          return decodeURIComponent(run);
        } catch {
          return run;
        }
      })
      .replace(/\\u([0-9A-Fa-f]{4})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
      .replace(/\\\//g, '/');
    if (next === out) break;
    out = next;
  }
  return out;
}

/**
 * {@link redact} applied to every string inside a JSON-like value (log data, `toJSON` output, hook payloads).
 * Keys that name a secret lose their value whatever it looks like.
 *
 * @internal
 */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redact(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 8) return '[…]';
  if (value instanceof Error) return redact(String(value));
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) ? REDACTED : redactValue(item, depth + 1);
  }
  return out;
}

const SECRET_KEY = /^(authorization|x-bce-security-token|sessiontoken|secretaccesskey|signingkey)$/i;

/**
 * A cause safe to keep on an error: the same object when nothing in its message, stack or own cause changes
 * under {@link redact}, else a plain copy (same name and code) with the text redacted.
 *
 * @internal
 */
export function redactCause(cause: unknown, depth = 0): unknown {
  if (typeof cause === 'string') return redact(cause);
  if (!(cause instanceof Error) || depth > 4) return cause;
  const message = redact(cause.message);
  const stack = cause.stack && redact(cause.stack);
  const inner = redactCause(cause.cause, depth + 1);
  if (message === cause.message && stack === cause.stack && inner === cause.cause) return cause;
  const copy = new Error(message, inner === undefined ? undefined : { cause: inner });
  copy.name = cause.name;
  copy.stack = stack;
  const code = (cause as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') Object.assign(copy, { code: redactValue(code) });
  return copy;
}
