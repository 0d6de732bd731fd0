import { createHmac } from 'node:crypto';
import { expect } from 'vitest';
import type { BceNetworkError, BceServiceError, BceTimeoutError } from '../../src/index.ts';
import { SESSION_TOKEN, SK } from './credentials.ts';
import type { Received } from './test-server.ts';

/**
 * A logger that keeps every line as JSON text, for assertions and the secret scan. `logged(text)` resolves once a
 * line containing `text` is written (at once if one was): a test waits for the event, not for a clock.
 */
export function recordingLogger() {
  const lines: string[] = [];
  const waiting: { text: string; resolve: () => void }[] = [];
  const at = (level: string) => (message: string, data?: Record<string, unknown>) => {
    const line = JSON.stringify({ level, message, data });
    lines.push(line);
    for (const w of waiting) if (line.includes(w.text)) w.resolve();
  };
  const logged = (text: string) =>
    new Promise<void>((resolve) => {
      if (lines.some((line) => line.includes(text))) resolve();
      else waiting.push({ text, resolve });
    });
  return { lines, logged, logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') } };
}

/**
 * Asserts that no text a user can see holds a secret: the secret key, the session token, any signing key derived
 * for the requests the server saw, or any full Authorization value that was sent.
 */
export function expectNoSecrets(
  error: unknown,
  logLines: readonly string[] = [],
  received: readonly Received[] = [],
): void {
  const secrets = [SK, SESSION_TOKEN];
  for (const r of received) {
    const authorization = r.headers.authorization;
    if (!authorization) continue;
    secrets.push(authorization, authorization.slice(authorization.lastIndexOf('/') + 1));
    const prefix = authorization.split('/').slice(0, 4).join('/');
    secrets.push(createHmac('sha256', SK).update(prefix).digest('hex'));
  }
  const e = error as Error;
  const texts = [e?.message, String(error), JSON.stringify(error), e?.stack ?? '', ...logLines];
  for (const t of texts) {
    for (const secret of secrets) expect(t ?? '').not.toContain(secret);
  }
}

/** Any bcekit error, for reading fields in assertions without narrowing first. */
export type AnyBceError = BceServiceError & BceNetworkError & BceTimeoutError & { cause: Error & { message: string } };

/** `.catch(asError)`: keeps the rejection as the value of the promise, typed for assertions. */
export const asError = (error: unknown): AnyBceError => error as AnyBceError;

/** Awaits a call that must fail and returns its error, typed for assertions; fails the test if it succeeds. */
export function rejection(call: Promise<unknown>): Promise<AnyBceError> {
  return call.then(() => {
    throw new Error('expected the call to fail, but it succeeded');
  }, asError);
}
