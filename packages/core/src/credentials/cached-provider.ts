import type { BceCredentials } from '@bcekit/signer';
import { BceError } from '../errors/bce-error.ts';
import { BceValidationError } from '../errors/bce-validation-error.ts';
import { rememberSecrets } from '../errors/redact.ts';
import type { CredentialProvider, ProvidedCredentials } from '../types/credentials.ts';
import { checkCredentialFields } from './check-credential-fields.ts';

/** Credentials are refreshed this long before they expire, so no request is signed with a dying key. */
const REFRESH_BEFORE_EXPIRY_MS = 5 * 60 * 1000;

/** Resolves the credentials to sign the next attempt with. @internal */
export type CredentialSource = () => Promise<BceCredentials>;

/**
 * Wraps static credentials or a provider into one async getter. A provider's result is cached until
 * {@link REFRESH_BEFORE_EXPIRY_MS} before its `expiration` (forever without one); callers arriving while a
 * refresh runs share it, so 50 concurrent calls make one provider call. Failures are not cached.
 *
 * @internal
 */
export function cachedCredentials(
  source: BceCredentials | CredentialProvider,
  now: () => number = Date.now,
): CredentialSource {
  // Static credentials are a cache entry that never expires.
  let cached: { credentials: BceCredentials; refreshAt: number } | undefined =
    typeof source === 'function' ? undefined : { credentials: pick(source), refreshAt: Infinity };
  let pending: Promise<BceCredentials> | undefined;
  const refresh = async (): Promise<BceCredentials> => {
    let provided: ProvidedCredentials;
    try {
      provided = await (source as CredentialProvider)();
    } catch (cause) {
      // The provider's own message is left to `cause`: it is the caller's text and may hold what we cannot redact.
      const kind = cause instanceof Error ? ` (${cause.name})` : '';
      throw new BceError(`credentials provider failed${kind}; see cause`, { cause });
    }
    const issues = checkCredentialFields(
      provided,
      'credentials',
      'must be an object { accessKeyId, secretAccessKey, sessionToken? }',
    );
    if (issues.length > 0) throw new BceValidationError('credentials provider returned unusable credentials', issues);
    const expiresAt = parseExpiration(provided.expiration);
    const credentials = pick(provided);
    cached = { credentials, refreshAt: expiresAt === undefined ? Infinity : expiresAt - REFRESH_BEFORE_EXPIRY_MS };
    return credentials;
  };
  return () => {
    if (cached && now() < cached.refreshAt) {
      // Kept among the newest, so that many clients made later cannot push this one's secrets out of the list.
      rememberSecrets(cached.credentials.secretAccessKey, cached.credentials.sessionToken);
      return Promise.resolve(cached.credentials);
    }
    pending ??= refresh().finally(() => {
      pending = undefined;
    });
    return pending;
  };
}

// Copy only the three fields, so nothing else the caller put on the object travels further. Their secrets join
// the list every error and log line is filtered with.
function pick(credentials: BceCredentials): BceCredentials {
  const { accessKeyId, secretAccessKey, sessionToken } = credentials;
  rememberSecrets(secretAccessKey, sessionToken);
  return sessionToken ? { accessKeyId, secretAccessKey, sessionToken } : { accessKeyId, secretAccessKey };
}

function parseExpiration(expiration: ProvidedCredentials['expiration']): number | undefined {
  if (expiration === undefined || expiration === null) return undefined;
  const ms =
    expiration instanceof Date
      ? expiration.getTime()
      : typeof expiration === 'number'
        ? expiration
        : Date.parse(expiration);
  // Only the kind of value: a provider's odd field may hold anything, a token included.
  if (!Number.isFinite(ms))
    throw new BceValidationError('credentials provider returned unusable credentials', [
      {
        path: 'credentials.expiration',
        message: `must be a Date, epoch ms or an ISO-8601 string (got ${kindOf(expiration)})`,
      },
    ]);
  return ms;
}

function kindOf(value: unknown): string {
  if (value instanceof Date) return 'an invalid Date';
  if (typeof value === 'string') return 'a string that is not a date';
  return typeof value === 'number' ? 'a number that is not finite' : `a ${typeof value}`;
}
