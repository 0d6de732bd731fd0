import { BceSigningError } from './errors.ts';
import type { BceCredentials, SignOptions } from './types.ts';

/** `YYYY-MM-DDTHH:MM:SSZ` (UTC, no fractional seconds) for a Date or Unix seconds. */
export function canonicalTime(timestamp: Date | number = new Date()): string {
  const ms = typeof timestamp === 'number' ? timestamp * 1000 : timestamp?.getTime?.();
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0 || ms > 253402300799000) {
    throw new BceSigningError('timestamp', 'must be a valid Date or Unix seconds between 1970 and 9999');
  }
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** Checks credentials without ever echoing the secret. */
function checkCredentials(credentials: BceCredentials | undefined): BceCredentials {
  if (!credentials || typeof credentials !== 'object') {
    throw new BceSigningError('credentials', 'missing; pass { accessKeyId, secretAccessKey }');
  }
  for (const field of ['accessKeyId', 'secretAccessKey'] as const) {
    const value = credentials[field];
    if (typeof value !== 'string' || value.trim() === '') {
      throw new BceSigningError(`credentials.${field}`, 'must be a non-empty string');
    }
  }
  return credentials;
}

/** `bce-auth-v1/{accessKeyId}/{timestamp}/{expirationInSeconds}` after checking every input. */
export function authStringPrefix(options: SignOptions): string {
  const { accessKeyId } = checkCredentials(options.credentials);
  const expiration = options.expirationInSeconds ?? 1800;
  if (!Number.isInteger(expiration) || expiration <= 0) {
    throw new BceSigningError('expirationInSeconds', `must be a positive integer (got ${String(expiration)})`);
  }
  if (/[/\s]/.test(accessKeyId)) {
    throw new BceSigningError('credentials.accessKeyId', 'must not contain "/" or whitespace');
  }
  return `bce-auth-v1/${accessKeyId}/${canonicalTime(options.timestamp)}/${expiration}`;
}
