import { BceError } from '../errors/bce-error.ts';
import type { ValidationIssue } from '../errors/bce-validation-error.ts';
import type { CredentialProvider } from '../types/credentials.ts';
import { defaultCredentials } from './default-credentials.ts';

/** `BCE_REGION` where the runtime has an environment (Node, Deno, Bun); `when-missing-none.ts` has none. @internal */
export { regionFromEnv as regionWhenMissing } from '../client/env-region.ts';

/**
 * What `createClient` signs with when given no `credentials`: {@link defaultCredentials} (Node, Deno, Bun). When it
 * finds none, the reason becomes an issue of `createClient`'s validation error (the provider returned then only
 * throws, and is never called). Browser and Worker builds get `when-missing-none.ts` instead (package.json `imports`,
 * `#credentials-when-missing`), which carries none of the file-reading code.
 *
 * @internal
 */
export function credentialsWhenMissing(issues: ValidationIssue[]): CredentialProvider | undefined {
  try {
    return defaultCredentials();
  } catch (error) {
    if (!(error instanceof BceError)) throw error;
    issues.push({ path: 'credentials', message: `is required (${error.message})` });
    return () => {
      throw error;
    };
  }
}
