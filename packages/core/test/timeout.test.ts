import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { armedTimers, timerAt } from '../../../scripts/test-helpers/timers.ts';
import { BceError, BceTimeoutError, createClient } from '../src/index.ts';
import { STATIC } from './helpers/credentials.ts';
import { expectNoSecrets, recordingLogger, rejection } from './helpers/secret-scan.ts';
import { hang, held, startTestServer, type TestServer } from './helpers/test-server.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => {
  vi.restoreAllMocks();
  return server.close();
});

describe('timeout', () => {
  it('gives BceTimeoutError after the configured attempts, each cut at the timeout', async () => {
    server.script(hang);
    const { lines, logger } = recordingLogger();
    const attemptStarts: number[] = [];
    let sent = 0;
    const client = createClient({
      endpoint: server.origin,
      credentials: STATIC,
      timeout: 100,
      retry: { limit: 2, baseDelay: 1, maxDelay: 1 },
      logger,
      hooks: { beforeAttempt: () => void attemptStarts.push(performance.now()) },
      fetch: (input, init) => {
        sent++;
        return fetch(input, init);
      },
    });
    const armed = armedTimers();
    const started = performance.now();

    const error = await rejection(client.send({ method: 'GET', path: ['v1'], query: { clientToken: 't-1' } }));

    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(BceTimeoutError);
    expect(error).toBeInstanceOf(BceError);
    expect(error).toMatchObject({ name: 'BceTimeoutError', attempts: 3, timeout: 100, clientToken: 't-1' });
    expect(error.message).toContain(`on GET ${server.origin}/v1 after 3 attempts`);
    expect(error.origin).toBe(server.origin);
    // Three requests went out; on a busy machine a timeout may cut one before it reached the server.
    expect(sent).toBe(3);
    expect(server.received.length).toBeGreaterThanOrEqual(1);
    // The server never answers, so only the timeout ends each attempt: not before 100 ms (measured), and each one
    // armed at 100 ms (an upper bound on the clock would fail on a busy machine, not on a wrong timeout).
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(armed.filter((ms) => ms === 100)).toHaveLength(3);
    // Measured where the attempts start, in the client: arrival times at the server also carry each request's
    // own latency (the first one opens the connection), which made a gap look shorter than the timeout.
    expect(attemptStarts).toHaveLength(3);
    const gaps = attemptStarts.slice(1).map((at, i) => at - attemptStarts[i]!);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(95);
    expectNoSecrets(error, lines, server.received);
  });

  it('aborts the fetch when an attempt times out (the server sees the connection close)', async () => {
    const holding = held();
    server.script(holding.responder);
    const client = createClient({ endpoint: server.origin, credentials: STATIC, timeout: 600_001, retry: 0 });
    const timer = timerAt(600_001);

    const call = rejection(client.send({ method: 'GET', path: ['v1'] }));
    await holding.arrived;
    timer.fire();
    const error = await call;

    expect(error).toBeInstanceOf(BceTimeoutError);
    // The server still holds its answer: it sees the connection close only if the client aborted the fetch.
    await holding.closed;
    expect(server.received).toHaveLength(1);
  });

  it('cuts a body that never finishes', async () => {
    server.script((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"partial":');
    });
    let headersIn = () => {};
    const reading = new Promise<void>((resolve) => {
      headersIn = resolve;
    });
    const client = createClient({
      endpoint: server.origin,
      credentials: STATIC,
      timeout: 600_002,
      retry: 0,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        // The real body, watched: the client asking for its reader means it is past the headers, reading the body.
        const body = response.body!;
        const getReader = body.getReader.bind(body);
        body.getReader = (() => {
          headersIn();
          return getReader();
        }) as typeof body.getReader;
        return response;
      },
    });
    const timer = timerAt(600_002);

    // The timeout fires once the client reads the body, so it is the body read that it cuts.
    const call = rejection(client.send({ method: 'GET', path: ['v1'] }));
    await reading;
    timer.fire();
    const error = await call;

    expect(error).toBeInstanceOf(BceTimeoutError);
  });

  it('lets a call override the timeout', async () => {
    server.script(hang);
    // The client's own timeout is longer than the test's: only the call's override can end the call in time.
    const client = createClient({ endpoint: server.origin, credentials: STATIC, timeout: 600_000, retry: 0 });

    const error = await rejection(client.send({ method: 'GET', path: ['v1'] }, { timeout: 60 }));

    expect(error).toBeInstanceOf(BceTimeoutError);
    expect(error.timeout).toBe(60);
  });
});
