// Client

export type { BceCredentials } from '@bcekit/signer';
export { type BceClient, createClient } from './client/create-client.ts';
export { withRegion } from './client/with-region.ts';
export { createClientToken } from './client-token.ts';

// Credentials
export { defaultCredentials } from './credentials/default-credentials.ts';
export { type BceCliCredentialProvider, type BceCliOptions, fromBceCli } from './credentials/from-bce-cli.ts';
export { type EnvCredentialProvider, fromEnv } from './credentials/from-env.ts';

// Errors
export { BceError, type BceErrorOptions } from './errors/bce-error.ts';
export { BceNetworkError, type BceNetworkErrorDetails } from './errors/bce-network-error.ts';
export { BceServiceError, type BceServiceErrorDetails } from './errors/bce-service-error.ts';
export { BceTimeoutError, type BceTimeoutErrorDetails } from './errors/bce-timeout-error.ts';
export { BceValidationError, type ValidationIssue } from './errors/bce-validation-error.ts';
export { BceWaitTimeoutError, type BceWaitTimeoutErrorDetails } from './errors/bce-wait-timeout-error.ts';
// Any BCE API
export { type SignedFetchInit, signedFetch } from './fetch/signed-fetch.ts';
export { BCE_REGIONS, type BceRegion } from './regions.ts';
// Types
export type { CredentialProvider, ProvidedCredentials } from './types/credentials.ts';
export type { AfterAttemptHook, AttemptHeaders, AttemptState, BeforeAttemptHook, Hooks } from './types/hooks.ts';
export type { Logger } from './types/logger.ts';
export type { MetadataBearer, ResponseMetadata, SendResult } from './types/metadata.ts';
export type { ClientOptions, NormalizedRetryOptions, ResolvedClientConfig, RetryOptions } from './types/options.ts';
export type { BceRequest, CallOptions, QueryValue } from './types/request.ts';
export { VERSION } from './version.ts';
