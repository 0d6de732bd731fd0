import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '../src/index.ts';
import { STATIC } from './helpers/credentials.ts';
import { expectNoSecrets, recordingLogger } from './helpers/secret-scan.ts';
import { bceError, hang, startTestServer, type TestServer } from './helpers/test-server.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

const get = { method: 'GET', path: ['v1', 'peerconn'] } as const;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('abort', () => {
  it('rejects at once with the reason when aborted during an attempt, and sends nothing more', async () => {
    server.script(hang);
    const controller = new AbortController();
    const reason = new Error('user cancelled');
    const client = createClient({
      endpoint: server.origin,
      credentials: STATIC,
      timeout: false,
      retry: { baseDelay: 1 },
    });
    const call = client.send(get, { signal: controller.signal });
    await vi.waitFor(() => expect(server.received).toHaveLength(1), { timeout: 5000, interval: 2 });

    const abortedAt = performance.now();
    controller.abort(reason);
    const error = await call.catch((e) => e);

    expect(error).toBe(reason);
    expect(performance.now() - abortedAt).toBeLessThan(50);
    await sleep(100);
    expect(server.received).toHaveLength(1);
  });

  it('rejects at once when aborted during a backoff wait, and sends nothing more', async () => {
    server.script(bceError(503, 'ServiceUnavailable'));
    const controller = new AbortController();
    const { lines, logger } = recordingLogger();
    const client = createClient({
      endpoint: server.origin,
      credentials: STATIC,
      retry: { baseDelay: 5000, maxDelay: 5000, respectRetryAfter: false },
      logger,
    });
    const call = client.send(get, { signal: controller.signal });
    await vi.waitFor(() => expect(lines.some((line) => line.includes('retrying'))).toBe(true), {
      timeout: 5000,
      interval: 2,
    });

    const abortedAt = performance.now();
    controller.abort();
    const error = await call.catch((e) => e);

    expect(error).toBe(controller.signal.reason);
    expect((error as DOMException).name).toBe('AbortError');
    expect(performance.now() - abortedAt).toBeLessThan(50);
    await sleep(100);
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
    const client = createClient({ endpoint: server.origin, credentials: STATIC });

    const call = client.send(get, { signal: AbortSignal.abort('early') });

    await expect(call).rejects.toBe('early');
    await sleep(20);
    expect(server.received).toHaveLength(0);
  });

  it('stops the loop itself during a backoff wait, not only the promise the caller holds', async () => {
    server.script(bceError(503, 'ServiceUnavailable'));
    const controller = new AbortController();
    const { lines, logger } = recordingLogger();
    const client = createClient({
      endpoint: server.origin,
      credentials: STATIC,
      // A wait far longer than the test's timeout: only an abort that cuts the sleep ends the loop in time.
      retry: { limit: 1, baseDelay: 600_000, maxDelay: 600_000, respectRetryAfter: false },
      logger,
    });
    const call = client.send(get, { signal: controller.signal }).catch((e) => e);
    await vi.waitFor(() => expect(lines.some((line) => line.includes('retrying'))).toBe(true), { interval: 2 });

    controller.abort();

    await vi.waitFor(() => expect(lines.some((line) => line.includes('call aborted'))).toBe(true), { interval: 2 });
    expect(await call).toBe(controller.signal.reason);
    expect(server.received).toHaveLength(1);
  });

  it('sends nothing when the abort comes while a beforeAttempt hook runs', async () => {
    const controller = new AbortController();
    const { lines, logger } = recordingLogger();
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
    await vi.waitFor(() => expect(lines.some((line) => line.includes('call aborted'))).toBe(true), { interval: 2 });
    expect(fetched).toEqual([]);
    expect(server.received).toHaveLength(0);
  });
});
