import type { ValidationIssue } from '../errors/bce-validation-error.ts';
import type { CredentialProvider } from '../types/credentials.ts';

/**
 * `when-missing.ts` as browser and Worker builds get it (the `browser`, `worker` and `workerd` conditions):
 * there is no environment or file to look in, so missing credentials stay missing and `createClient` says so, and
 * no `BCE_REGION` is read (a provider's `region`, as `fromEnv()` gives where `process.env` exists, still counts).
 *
 * @internal
 */
export function credentialsWhenMissing(_issues: ValidationIssue[]): CredentialProvider | undefined {
  return undefined;
}

/** No environment to read `BCE_REGION` from. @internal */
export function regionWhenMissing(): string | undefined {
  return undefined;
}
