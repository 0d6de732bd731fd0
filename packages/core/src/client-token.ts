/**
 * A fresh idempotency token (UUID v4). Make it once per call and keep it across retries so the service can
 * recognise a repeated request.
 *
 * @example
 * const clientToken = createClientToken(); // 'be31b98c-5e41-4838-9d30-9be700de5a20'
 */
export function createClientToken(): string {
  return globalThis.crypto.randomUUID();
}
