import type { ValidationIssue } from '../errors/bce-validation-error.ts';

// The access key id goes verbatim into the Authorization value, between `/` separators.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
const BAD_ACCESS_KEY_ID = /[/\s\0-\x1f\x7f]/;
// The session token is sent as a header value: fetch refuses these, quoting the value in its error.
const BAD_SESSION_TOKEN = /[\0\n\r\u0100-\uffff]/;

/**
 * Checks a credentials object (static, or as a provider returned it) without echoing any value: every issue names
 * the field and the rule, never what the field holds. Anything but an object is one issue, saying `notAnObject`.
 *
 * @internal
 */
export function checkCredentialFields(credentials: unknown, path: string, notAnObject: string): ValidationIssue[] {
  if (!credentials || typeof credentials !== 'object') return [{ path, message: notAnObject }];
  const issues: ValidationIssue[] = [];
  for (const field of ['accessKeyId', 'secretAccessKey'] as const) {
    const value = (credentials as Record<string, unknown>)[field];
    if (typeof value !== 'string' || value.trim() === '')
      issues.push({ path: `${path}.${field}`, message: 'must be a non-empty string' });
    else if (field === 'accessKeyId' && BAD_ACCESS_KEY_ID.test(value))
      issues.push({ path: `${path}.${field}`, message: 'must not contain "/", whitespace or control characters' });
  }
  const token = (credentials as Record<string, unknown>)['sessionToken'];
  if (token !== undefined && typeof token !== 'string')
    issues.push({ path: `${path}.sessionToken`, message: 'must be a string' });
  else if (typeof token === 'string' && BAD_SESSION_TOKEN.test(token))
    issues.push({
      path: `${path}.sessionToken`,
      message: 'must not contain CR, LF, NUL or characters above U+00FF (it is sent as a header)',
    });
  return issues;
}
