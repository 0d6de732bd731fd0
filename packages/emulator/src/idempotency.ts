import { CLIENT_TOKEN_PATTERN } from '@bcekit/core/operation';
import { fail } from './error-response.ts';
import type { EmulatorState, IdempotentResult } from './state.ts';

function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) sorted[key] = stable((value as Record<string, unknown>)[key]);
    return sorted;
  }
  return value;
}

/**
 * What makes two calls "the same parameters": path id, query without clientToken, and the JSON body with
 * keys sorted (so whitespace and key order, e.g. Python's `json.dumps` vs compact JSON, do not matter).
 * @internal
 */
export function fingerprint(resourceId: string, query: Record<string, string>, body: unknown): string {
  const { clientToken: _token, ...rest } = query;
  return JSON.stringify(stable({ resourceId, query: rest, body: body ?? null }));
}

/**
 * The remembered result for this account + operation + clientToken, or undefined when the token is new.
 * Same token with other parameters → 409 `IdempotentParameterMismatch`. Only successes are remembered, so
 * a retry after a refusal is evaluated again. A token must be printable ASCII, at most 64 characters
 * (400 `InvalidParameterValue`).
 * @internal
 */
export function recall(state: EmulatorState, key: string, token: string, print: string): IdempotentResult | undefined {
  if (!CLIENT_TOKEN_PATTERN.test(token)) {
    fail('InvalidParameterValue', 'clientToken must be 1-64 printable ASCII characters');
  }
  const seen = state.idempotency.get(key);
  if (seen && seen.fingerprint !== print) {
    fail('IdempotentParameterMismatch', `clientToken ${token} was already used with different parameters`);
  }
  return seen;
}
