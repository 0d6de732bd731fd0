import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BceError, BceTimeoutError, createClient } from '../src/index.ts';
import { STATIC } from './helpers/credentials.ts';
import { expectNoSecrets, recordingLogger, rejection } from './helpers/secret-scan.ts';
import { hang, startTestServer, type TestServer } from './helpers/test-server.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

describe('timeout', () => {
  it('gives BceTimeoutError after the configured attempts, each cut at the timeout', async () => {
    server.script(hang);
    const { lines, logger } = recordingLogger();
    const attemptStarts: number[] = [];
    const client = createClient({
      endpoint: server.origin,
      credentials: STATIC,
      timeout: 100,
      retry: { limit: 2, baseDelay: 1, maxDelay: 1 },
      logger,
      hooks: { beforeAttempt: () => void attemptStarts.push(performance.now()) },
    });
    const started = performance.now();

    const error = await rejection(client.send({ method: 'GET', path: ['v1'], query: { clientToken: 't-1' } }));

    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(BceTimeoutError);
    expect(error).toBeInstanceOf(BceError);
    expect(error).toMatchObject({ name: 'BceTimeoutError', attempts: 3, timeout: 100, clientToken: 't-1' });
    expect(error.message).toContain(`on GET ${server.origin}/v1 after 3 attempts`);
    expect(error.origin).toBe(server.origin);
    expect(server.received).toHaveLength(3);
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(1000);
    // Measured where the attempts start, in the client: arrival times at the server also carry each request's
    // own latency (the first one opens the connection), which made a gap look shorter than the timeout.
    expect(attemptStarts).toHaveLength(3);
    const gaps = attemptStarts.slice(1).map((at, i) => at - attemptStarts[i]!);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(95);
    expectNoSecrets(error, lines, server.received);
  });

  it('aborts the fetch when an attempt times out (the server sees the connection close)', async () => {
    let closed = 0;
    server.script((req) => {
      req.socket.on('close', () => {
        closed++;
      });
    });
    const client = createClient({ endpoint: server.origin, credentials: STATIC, timeout: 50, retry: 0 });

    await client.send({ method: 'GET', path: ['v1'] }).catch(() => {});
    await new Promise((r) => setTimeout(r, 50));

    expect(closed).toBe(1);
  });

  it('cuts a body that never finishes', async () => {
    server.script((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"partial":');
    });
    const client = createClient({ endpoint: server.origin, credentials: STATIC, timeout: 100, retry: 0 });

    const error = await rejection(client.send({ method: 'GET', path: ['v1'] }));

    expect(error).toBeInstanceOf(BceTimeoutError);
  });

  it('lets a call override the timeout', async () => {
    server.script(hang);
    const client = createClient({ endpoint: server.origin, credentials: STATIC, timeout: 10_000, retry: 0 });
    const started = performance.now();

    const error = await rejection(client.send({ method: 'GET', path: ['v1'] }, { timeout: 60 }));

    expect(error).toBeInstanceOf(BceTimeoutError);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
