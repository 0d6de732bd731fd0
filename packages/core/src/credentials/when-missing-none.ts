import type { ValidationIssue } from '../errors/bce-validation-error.ts';
import type { CredentialProvider } from '../types/credentials.ts';

/**
 * `when-missing.ts` as browser and Worker builds get it (the `browser`, `worker` and `workerd` conditions):
 * there is no environment or file to look in, so missing credentials stay missing and `createClient` says so.
 *
 * @internal
 */
export function credentialsWhenMissing(_issues: ValidationIssue[]): CredentialProvider | undefined {
  return undefined;
}
