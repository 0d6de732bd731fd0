import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '../src/index.ts';
import { STATIC } from './helpers/credentials.ts';
import { bceError, json, type Responder, startTestServer, type TestServer } from './helpers/test-server.ts';

const HOUR = 3600_000;

// The real time, whatever a test makes Date.now() say.
const realNow = () => performance.timeOrigin + performance.now();

/** A server whose clock is `skew` ms ahead: it says so in `Date` and refuses dates more than 5 minutes off. */
function skewedServer(skew: number): Responder {
  return (req, res) => {
    const serverNow = realNow() + skew;
    const sent = Date.parse(String(req.headers['x-bce-date']));
    const date = new Date(serverNow).toUTCString();
    if (Math.abs(serverNow - sent) > 5 * 60_000) {
      res.writeHead(400, { 'content-type': 'application/json', date });
      res.end(JSON.stringify({ code: 'RequestExpired', message: 'request has expired', requestId: 'r-exp' }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', date });
    res.end('{}');
  };
}

let skewed: TestServer;
let normal: TestServer;
beforeEach(async () => {
  skewed = await startTestServer();
  normal = await startTestServer();
  skewed.script(skewedServer(HOUR));
  normal.script(skewedServer(0));
});
afterEach(async () => {
  await skewed.close();
  await normal.close();
});

describe('clock skew', () => {
  it('corrects the clock after RequestExpired and succeeds on the next attempt', async () => {
    const client = createClient({ endpoint: skewed.origin, credentials: STATIC, retry: { baseDelay: 5000 } });

    const { $metadata } = await client.sendWithMetadata({ method: 'GET', path: ['v1'], query: { clientToken: 'tok' } });

    expect(skewed.received).toHaveLength(2);
    const second = Date.parse(String(skewed.received[1]!.headers['x-bce-date']));
    expect(Math.abs(second - (Date.now() + HOUR))).toBeLessThan(5000);
    expect(skewed.received[1]!.signatureValid).toBe(true);
    expect(client.clockOffset).toBeGreaterThan(HOUR - 5000);
    // A clock fix needs no backoff.
    expect($metadata).toMatchObject({ attempts: 2, totalRetryDelay: 0 });
  });

  it('keeps the learned offset for later calls of the same client', async () => {
    const client = createClient({ endpoint: skewed.origin, credentials: STATIC, retry: { baseDelay: 5 } });
    await client.send({ method: 'GET', path: ['v1'] });

    await client.send({ method: 'GET', path: ['v1'] });

    expect(skewed.received).toHaveLength(3);
  });

  it('keeps each client its own offset', async () => {
    const a = createClient({ endpoint: skewed.origin, credentials: STATIC, retry: { baseDelay: 5 } });
    const b = createClient({ endpoint: normal.origin, credentials: STATIC, retry: { baseDelay: 5 } });
    await a.send({ method: 'GET', path: ['v1'] });

    await b.send({ method: 'GET', path: ['v1'] });

    expect(normal.received).toHaveLength(1);
    expect(Math.abs(Date.parse(String(normal.received[0]!.headers['x-bce-date'])) - Date.now())).toBeLessThan(5000);
    expect(b.clockOffset).toBe(0);
    expect(a.clockOffset).toBeGreaterThan(HOUR - 5000);
  });

  it('treats an auth failure with a far-off Date as skew and retries', async () => {
    let calls = 0;
    skewed.script((req, res) => {
      calls++;
      if (calls === 1) {
        res.writeHead(403, { 'content-type': 'application/json', date: new Date(Date.now() + HOUR).toUTCString() });
        res.end(JSON.stringify({ code: 'SignatureDoesNotMatch', message: 'bad' }));
      } else json(200, {})(req, res, skewed.received[1]!);
    });
    const client = createClient({ endpoint: skewed.origin, credentials: STATIC, retry: { baseDelay: 5 } });

    await client.send({ method: 'GET', path: ['v1'] });

    expect(skewed.received).toHaveLength(2);
  });

  it('does not retry RequestExpired with retry: 0', async () => {
    const client = createClient({ endpoint: skewed.origin, credentials: STATIC, retry: 0 });

    const error = await client.send({ method: 'GET', path: ['v1'] }).catch((e) => e);

    expect(error).toMatchObject({ code: 'RequestExpired', statusCode: 400, attempts: 1 });
  });
});

describe('clock skew: what the offset is learned from', () => {
  afterEach(() => vi.restoreAllMocks());

  /** Makes the client's local clock read `at(real time)`. */
  const localClock = (at: (real: number) => number) => vi.spyOn(Date, 'now').mockImplementation(() => at(realNow()));

  it.each([
    ['5 years behind', (t: number) => t - 5 * 365 * 24 * HOUR],
    ['5 years ahead', (t: number) => t + 5 * 365 * 24 * HOUR],
    ['a board booted at 1970', (t: number) => 60_000 + (t % 1000)],
  ])('a client whose clock is %s succeeds after one RequestExpired', async (_name, at) => {
    localClock(at);
    const client = createClient({ endpoint: normal.origin, credentials: STATIC, retry: { limit: 1, baseDelay: 5000 } });

    await client.send({ method: 'GET', path: ['v1'] });

    expect(normal.received).toHaveLength(2);
    expect(normal.received[1]!.signatureValid).toBe(true);
    expect(Math.abs(Date.parse(String(normal.received[1]!.headers['x-bce-date'])) - realNow())).toBeLessThan(5000);
    // Later calls sign right at once.
    await client.send({ method: 'GET', path: ['v1'] });
    expect(normal.received).toHaveLength(3);
  });

  it('learns from a Date more than 5 minutes off even on a success, and ignores one within 5 minutes', async () => {
    const client = createClient({ endpoint: skewed.origin, credentials: STATIC, retry: 0 });
    skewed.script(skewedServer(4 * 60_000));
    await client.send({ method: 'GET', path: ['v1'] });
    expect(client.clockOffset).toBe(0);

    skewed.script(json(200, {}, { date: new Date(realNow() + 6 * 60_000).toUTCString() }));
    await client.send({ method: 'GET', path: ['v1'] });

    expect(client.clockOffset).toBeGreaterThan(5 * 60_000);
    expect(client.clockOffset).toBeLessThan(7 * 60_000);
  });

  it('resets the offset once the server agrees with the local clock again', async () => {
    const client = createClient({ endpoint: skewed.origin, credentials: STATIC, retry: { limit: 1, baseDelay: 1 } });
    await client.send({ method: 'GET', path: ['v1'] });
    expect(client.clockOffset).toBeGreaterThan(HOUR - 5000);

    // A server that accepts any date, and whose own Date now agrees with the local clock.
    skewed.script((req, res, r) => json(200, {}, { date: new Date(realNow()).toUTCString() })(req, res, r));
    await client.send({ method: 'GET', path: ['v1'] });
    expect(client.clockOffset).toBe(0);

    await client.send({ method: 'GET', path: ['v1'] });
    const last = skewed.received.at(-1)!;
    expect(Math.abs(Date.parse(String(last.headers['x-bce-date'])) - realNow())).toBeLessThan(5000);
  });

  it('counts a 403 as clock skew once its Date is more than 5 minutes off (not only past 30)', async () => {
    const tenMinutes = 10 * 60_000;
    skewed.script(
      bceError(403, 'SignatureDoesNotMatch', 'bad', 'r-1', { date: new Date(realNow() + tenMinutes).toUTCString() }),
      skewedServer(tenMinutes),
    );
    const client = createClient({
      endpoint: skewed.origin,
      credentials: STATIC,
      retry: { limit: 1, baseDelay: 60_000 },
    });

    await client.send({ method: 'GET', path: ['v1'] });

    expect(skewed.received).toHaveLength(2);
    expect(client.clockOffset).toBeGreaterThan(tenMinutes - 5000);
  });

  it('does not count a 403 as skew when its Date is within 5 minutes', async () => {
    skewed.script(bceError(403, 'AccessDenied', 'no', 'r-1', { date: new Date(realNow() + 4 * 60_000).toUTCString() }));
    const client = createClient({ endpoint: skewed.origin, credentials: STATIC, retry: { limit: 3, baseDelay: 1 } });

    const error = await client.send({ method: 'GET', path: ['v1'] }).catch((e) => e);

    expect(error).toMatchObject({ code: 'AccessDenied', attempts: 1 });
    expect(client.clockOffset).toBe(0);
  });
});
