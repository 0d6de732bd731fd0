/** What replaces anything secret. */
const REDACTED = '<redacted>';

// Each pattern targets a secret whose shape we know even when we do not know its value:
// a full Authorization value (its signature is the secret part), an `authorization` query value (presigned URLs),
// a security-token header or field echoed back, and 64-hex runs (signing keys and signatures).
const PATTERNS: readonly [RegExp, string][] = [
  [/bce-auth-v1\/[^\s"',]*/gi, `bce-auth-v1/${REDACTED}`],
  [/(authorization["']?\s*[=:]\s*["']?)(?!bce-auth-v1\/<)[^\s"'&,]+/gi, `$1${REDACTED}`],
  [/(x-bce-security-token["']?\s*[=:]\s*["']?)[^\s"'&,]+/gi, `$1${REDACTED}`],
  [/(sessionToken["']?\s*[=:]\s*["']?)[^\s"'&,]+/gi, `$1${REDACTED}`],
  [/(secretAccessKey["']?\s*[=:]\s*["']?)[^\s"'&,]+/gi, `$1${REDACTED}`],
  [/\b[0-9a-f]{64}\b/gi, REDACTED],
];

/**
 * The single filter between secrets and anything a user can read: error messages, `toJSON`, log lines.
 * Removes Authorization values, `authorization` query values, security tokens, 64-hex signing keys, and every
 * string in `secrets` (the caller's secret key and session token).
 *
 * @internal
 */
export function redact(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text;
  for (const secret of secrets) {
    // Very short strings would blank out ordinary words; real keys and tokens are long.
    if (secret && secret.length >= 8) out = out.split(secret).join(REDACTED);
  }
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/**
 * {@link redact} for text that was cut short (a capped body): a cut may leave the start of a secret at the very
 * end, which no whole-value match can see, so that tail is removed too.
 *
 * @internal
 */
export function redactCut(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = redact(text, secrets);
  for (const secret of secrets) {
    if (!secret || secret.length < 8) continue;
    for (let k = Math.min(secret.length - 1, out.length); k >= 4; k--) {
      if (out.endsWith(secret.slice(0, k))) {
        out = `${out.slice(0, out.length - k)}${REDACTED}`;
        break;
      }
    }
  }
  return out;
}

/**
 * {@link redact} applied to every string inside a JSON-like value (log data, `toJSON` output).
 * Keys that name a secret lose their value whatever it looks like.
 *
 * @internal
 */
export function redactValue(value: unknown, secrets: readonly (string | undefined)[] = [], depth = 0): unknown {
  if (typeof value === 'string') return redact(value, secrets);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 8) return '[…]';
  if (value instanceof Error) return redact(String(value), secrets);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) ? REDACTED : redactValue(item, secrets, depth + 1);
  }
  return out;
}

const SECRET_KEY = /^(authorization|x-bce-security-token|sessiontoken|secretaccesskey|signingkey)$/i;
