import { redact } from '../errors/redact.ts';

/**
 * Filters a text a service package builds from server-supplied strings (a status, a marker) outside an error
 * constructor, for example when it rewrites an error's message: the same filter bcekit errors and log lines go
 * through, removing the secret keys and session tokens of this process's clients, Authorization values and
 * signatures, also when split by tags, cut short or percent-encoded.
 *
 * @example
 * error.message = redactText(`stopped at status "${pc.status}"`);
 */
export function redactText(text: string): string {
  return redact(text);
}
