import type { BceCredentials } from '@bcekit/signer';

/** Credentials as a provider returns them; `expiration` makes the client refresh them 5 minutes before it. */
export interface ProvidedCredentials extends BceCredentials {
  /** When the credentials stop working: a `Date`, epoch milliseconds, or an ISO-8601 string (as STS returns). */
  expiration?: Date | number | string | undefined;
}

/**
 * Supplies credentials on demand, synchronously or not (e.g. from STS). The client caches the result until
 * 5 minutes before its `expiration` (forever without one), and concurrent callers share one refresh.
 */
export type CredentialProvider = () => ProvidedCredentials | Promise<ProvidedCredentials>;
