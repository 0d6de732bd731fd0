import type { BceClient, BceRequest, CallOptions } from '@bcekit/core';
import { BceValidationError } from '@bcekit/core';
import { expect } from 'vitest';

/**
 * A client that sends nothing: it records each request handed to `send` and answers with `reply` (default: no
 * body). For "nothing is sent" checks and for tests of request shapes without a network, in every service package.
 */
export function createRecordingClient(reply: (request: BceRequest, index: number) => unknown = () => undefined) {
  const sent: BceRequest[] = [];
  const options: (CallOptions | undefined)[] = [];
  const client: BceClient = {
    region: undefined,
    clockOffset: 0,
    config: {
      region: undefined,
      endpoint: 'http://127.0.0.1:9',
      retry: { limit: 0, baseDelay: 300, maxDelay: 20_000, respectRetryAfter: true },
      timeout: false,
      userAgent: 'bcekit-test',
    },
    async send<T>(request: BceRequest, callOptions?: CallOptions) {
      sent.push(request);
      options.push(callOptions);
      return (await reply(request, sent.length - 1)) as T | undefined;
    },
  };
  return { client, sent, options };
}

/** Asserts that `call` rejects with a BceValidationError naming `path`, and returns the error. */
export async function expectValidationError(call: Promise<unknown>, path: string): Promise<BceValidationError> {
  const error = await call.then(
    () => expect.unreachable('the call should have been rejected'),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(BceValidationError);
  const issues = (error as BceValidationError).issues;
  expect(issues.map((issue) => issue.path)).toContain(path);
  return error as BceValidationError;
}

/** UUID v4, as `crypto.randomUUID()` makes them. */
export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
