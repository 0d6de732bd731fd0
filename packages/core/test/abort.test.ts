import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '../src/index.ts';
import { STATIC } from './helpers/credentials.ts';
import { expectNoSecrets, recordingLogger } from './helpers/secret-scan.ts';
import { bceError, held, startTestServer, type TestServer } from './helpers/test-server.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

const get = { method: 'GET', path: ['v1', 'peerconn'] } as const;
// No clock in these tests: the server holds its answer until the test ends, and a backoff wait is longer than the
// test's timeout, so only the abort can settle a call; the log line 'call aborted' says the loop itself stopped.
// A machine under load makes them slower, never red.

describe('abort', () => {
  it('rejects with the reason when aborted during an attempt, cuts the request, and sends nothing more', async () => {
    const holding = held();
    server.script(holding.responder);
    const controller = new AbortController();
    const reason = new Error('user cancelled');
    const { logged, logger } = recordingLogger();
    const client = createClient({
      endpoint: server.origin,
      credentials: STATIC,
      timeout: false,
      retry: { baseDelay: 1 },
      logger,
    });
    const call = client.send(get, { signal: controller.signal });
    await holding.arrived;

    controller.abort(reason);
    const error = await call.catch((e) => e);

    // Settled while the server still holds its answer: the call did not wait for the response.
    expect(error).toBe(reason);
    // The fetch itself was aborted (the server sees the connection close), and the loop ended without a retry.
    await holding.closed;
    await logged('bcekit: call aborted');
    expect(server.received).toHaveLength(1);
  });

  it('rejects at once when aborted during a backoff wait, and sends nothing more', async () => {
    server.script(bceError(503, 'ServiceUnavailable'));
    const controller = new AbortController();
    const { lines, logged, logger } = recordingLogger();
    const client = createClient({
      endpoint: server.origin,
      credentials: STATIC,
      // A wait far longer than the test's timeout: a call that settles at all was not kept waiting by it.
      retry: { baseDelay: 600_000, maxDelay: 600_000, respectRetryAfter: false },
      logger,
    });
    const call = client.send(get, { signal: controller.signal });
    await logged('bcekit: retrying');

    controller.abort();
    const error = await call.catch((e) => e);

    expect(error).toBe(controller.signal.reason);
    expect((error as DOMException).name).toBe('AbortError');
    await logged('bcekit: call aborted');
    expect(server.received).toHaveLength(1);
    expectNoSecrets(error, lines, server.received);
  });

  it('rejects with the reason while the credentials provider is still pending', async () => {
    const controller = new AbortController();
    const client = createClient({ endpoint: server.origin, credentials: () => new Promise(() => {}) });
    const call = client.send(get, { signal: controller.signal });

    controller.abort('stop');

    await expect(call).rejects.toBe('stop');
    expect(server.received).toHaveLength(0);
  });

  it('sends nothing for a signal aborted before the call', async () => {
    const fetched: string[] = [];
    const credentials = vi.fn(() => STATIC);
    const recording: typeof fetch = (input, init) => {
      fetched.push(String(input));
      return fetch(input, init);
    };
    const client = createClient({ endpoint: server.origin, credentials, fetch: recording });

    const call = client.send(get, { signal: AbortSignal.abort('early') });

    await expect(call).rejects.toBe('early');
    // Refused before the loop started: no credentials asked for, nothing fetched. A later call of the same client is
    // the first request the server sees.
    expect(credentials).not.toHaveBeenCalled();
    await client.send(get);
    expect(fetched).toHaveLength(1);
    expect(server.received).toHaveLength(1);
  });

  it('stops the loop itself during a backoff wait, not only the promise the caller holds', async () => {
    server.script(bceError(503, 'ServiceUnavailable'));
    const controller = new AbortController();
    const { logged, logger } = recordingLogger();
    const client = createClient({
      endpoint: server.origin,
      credentials: STATIC,
      // A wait far longer than the test's timeout: only an abort that cuts the sleep ends the loop in time.
      retry: { limit: 1, baseDelay: 600_000, maxDelay: 600_000, respectRetryAfter: false },
      logger,
    });
    const call = client.send(get, { signal: controller.signal }).catch((e) => e);
    await logged('bcekit: retrying');

    controller.abort();

    await logged('bcekit: call aborted');
    expect(await call).toBe(controller.signal.reason);
    expect(server.received).toHaveLength(1);
  });

  it("aborts the signal the fetch was given with the caller's reason, attempt after attempt", async () => {
    const given: AbortSignal[] = [];
    let secondSent!: () => void;
    const second = new Promise<void>((resolve) => {
      secondSent = resolve;
    });
    // A fetch that answers 503 at once to the first attempt and holds the second until its signal aborts.
    const holding: typeof fetch = (_input, init) => {
      given.push(init!.signal!);
      if (given.length === 1) return Promise.resolve(new Response('', { status: 503 }));
      secondSent();
      return new Promise((_, reject) => init!.signal!.addEventListener('abort', () => reject(init!.signal!.reason)));
    };
    const controller = new AbortController();
    const reason = new Error('user cancelled');
    const client = createClient({
      endpoint: server.origin,
      credentials: STATIC,
      fetch: holding,
      retry: { limit: 1, baseDelay: 0, maxDelay: 0 },
    });
    const call = client.send(get, { signal: controller.signal }).catch((e) => e);
    await second;

    controller.abort(reason);

    expect(await call).toBe(reason);
    expect(given).toHaveLength(2);
    // The first attempt had ended: its signal is left alone; the one in flight ends with the caller's reason.
    expect(given[0]!.aborted).toBe(false);
    expect(given[1]!.aborted).toBe(true);
    expect(given[1]!.reason).toBe(reason);
  });

  it('sends nothing when the abort comes while a beforeAttempt hook runs', async () => {
    const controller = new AbortController();
    const { logged, logger } = recordingLogger();
    const fetched: string[] = [];
    // A fetch that would send even with an aborted signal, as some wrappers do: only the client can stop it.
    const deaf: typeof fetch = (input, init) => {
      fetched.push(String(input));
      return fetch(input, { ...init, signal: null });
    };
    const client = createClient({
      endpoint: server.origin,
      credentials: STATIC,
      fetch: deaf,
      logger,
      hooks: { beforeAttempt: () => controller.abort(new Error('stop')) },
    });

    const error = await client.send(get, { signal: controller.signal }).catch((e) => e);

    expect(error).toBe(controller.signal.reason);
    await logged('bcekit: call aborted');
    expect(fetched).toEqual([]);
    expect(server.received).toHaveLength(0);
  });
});
