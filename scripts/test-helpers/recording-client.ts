import type { BceClient, BceRequest, CallOptions } from '@bcekit/core';
import { BceValidationError } from '@bcekit/core';
import { expect } from 'vitest';

/** The `$metadata` of a recorded call (`requestId` is `recorded-<n>` for the n-th request). */
export const RECORDED_METADATA = { requestId: 'recorded-1', httpStatusCode: 200, attempts: 1, totalRetryDelay: 0 };

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
      return (await client.sendWithMetadata<T>(request, callOptions)).body;
    },
    async sendWithMetadata<T>(request: BceRequest, callOptions?: CallOptions) {
      sent.push(request);
      options.push(callOptions);
      const body = (await reply(request, sent.length - 1)) as T | undefined;
      return { body, $metadata: { ...RECORDED_METADATA, requestId: `recorded-${sent.length}` } };
    },
  };
  return { client, sent, options };
}

/** An output without its `$metadata`, for comparing what the service answered. */
export function withoutMetadata(output: unknown): unknown {
  if (typeof output !== 'object' || output === null) return output;
  const { $metadata: _, ...fields } = output as Record<string, unknown>;
  return fields;
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
