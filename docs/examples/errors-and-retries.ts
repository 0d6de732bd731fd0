// Samples of docs/errors-and-retries.md.
import {
  BceError,
  BceNetworkError,
  BceServiceError,
  BceTimeoutError,
  BceValidationError,
  createClient,
  createClientToken,
  fromEnv,
} from '@bcekit/core';
import { type CreatePeerconnInput, createPeerconn, getPeerconn, resizePeerconn } from '@bcekit/peerconn';

const client = createClient({
  region: 'bj',
  credentials: fromEnv(),
  retry: { limit: 3, baseDelay: 300, maxDelay: 20_000, respectRetryAfter: true }, // the defaults
  timeout: 30_000, // per attempt, body included; `false` for none
  hooks: {
    afterAttempt: ({ attempt, operation, status, delay }) => {
      if (delay !== undefined)
        console.warn(`${operation} attempt ${attempt} got ${status ?? 'no response'}; retrying in ${delay} ms`);
    },
  },
});

export async function describeFailure(peerConnId: string): Promise<string> {
  try {
    const pc = await getPeerconn(client, { peerConnId });
    return pc.status;
  } catch (error) {
    if (error instanceof BceValidationError) {
      // Nothing was sent. One issue per problem, each { path, message }.
      return error.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    }
    if (error instanceof BceServiceError) {
      // The service answered with an error (after retries, for 429/5xx).
      return `${error.code} (HTTP ${error.statusCode}, request ${error.requestId}) after ${error.attempts} attempt(s)`;
    }
    if (error instanceof BceTimeoutError) return `every attempt timed out (${error.timeout} ms each)`;
    if (error instanceof BceNetworkError) return `network failure: ${String(error.cause)}`;
    if (error instanceof BceError) return error.message; // e.g. a paginator loop, a waiter giving up
    throw error; // an abort rejects with your signal's reason
  }
}

// Per call: a deadline for the whole call (retries and backoff included) and different retry settings.
export async function resizeQuickly(peerConnId: string): Promise<void> {
  await resizePeerconn(
    client,
    { peerConnId, newBandwidthInMbps: 20 },
    { signal: AbortSignal.timeout(10_000), timeout: 3_000, retry: 1 },
  );
}

// Safe create: reuse the same clientToken when you retry yourself, so the service makes one connection only.
export async function createOnce(input: CreatePeerconnInput): Promise<string> {
  const clientToken = input.clientToken ?? createClientToken();
  for (let round = 1; ; round++) {
    try {
      const { peerConnId } = await createPeerconn(client, { ...input, clientToken });
      return peerConnId;
    } catch (error) {
      const transient = error instanceof BceNetworkError || error instanceof BceTimeoutError;
      if (!transient || round === 3) throw error;
      // error.clientToken === clientToken: the same token goes out again
    }
  }
}

// Structured logs: errors serialise without secrets (no key, token, signature).
export function logError(error: unknown): void {
  if (error instanceof BceError) console.error(JSON.stringify(error));
}
