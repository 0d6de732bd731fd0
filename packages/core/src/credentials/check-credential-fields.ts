import type { ValidationIssue } from '../errors/bce-validation-error.ts';

/**
 * Checks the fields of a credentials object (static, or as a provider returned it) without echoing any value.
 *
 * @internal
 */
export function checkCredentialFields(credentials: Record<string, unknown>, path: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const field of ['accessKeyId', 'secretAccessKey'] as const) {
    const value = credentials[field];
    if (typeof value !== 'string' || value.trim() === '')
      issues.push({ path: `${path}.${field}`, message: 'must be a non-empty string' });
  }
  const token = credentials['sessionToken'];
  if (token !== undefined && typeof token !== 'string')
    issues.push({ path: `${path}.sessionToken`, message: 'must be a string' });
  return issues;
}
