import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.ts';
import { STATIC } from '../helpers/credentials.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

// The first answer of each run: its status and its Date header, both chosen by fast-check.
let hostile: { status: number; date: string } | undefined;

/** Answers with `hostile` when set; else as the service does: refuses a date more than 5 minutes off. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  server.script((req, res) => {
    const now = Date.now();
    if (hostile) {
      const { status, date } = hostile;
      const code = status === 400 ? 'RequestExpired' : status === 403 ? 'SignatureDoesNotMatch' : undefined;
      res.writeHead(status, { 'content-type': 'application/json', date });
      res.end(JSON.stringify(code ? { code, message: 'refused' } : {}));
      return;
    }
    const expired = Math.abs(Date.parse(String(req.headers['x-bce-date'])) - now) > 5 * 60_000;
    res.writeHead(expired ? 400 : 200, { 'content-type': 'application/json', date: new Date(now).toUTCString() });
    res.end(expired ? JSON.stringify({ code: 'RequestExpired', message: 'expired' }) : '{}');
  });
});
afterAll(() => server.close());

const year = 365 * 24 * 3600_000;
const anyDate = fc.oneof(
  fc.string({ maxLength: 40 }),
  // Every time a Date can hold (years -271821 to 275760), as a browser or server would print it.
  fc.integer({ min: -8.64e15, max: 8.64e15 }).map((ms) => new Date(ms).toUTCString()),
  // Near now: within and past the 5-minute tolerance, and decades off.
  fc.integer({ min: -80 * year, max: 80 * year }).map((d) => new Date(Date.now() + d).toUTCString()),
  fc.constantFrom('Sat, 01 Jan 10000 00:00:00 GMT', 'Thu, 01 Jan 1970 00:00:00 GMT', '0', '-1', 'Invalid Date'),
);

describe('a response Date header cannot take the clock over', () => {
  it('after one answer with any Date (success, RequestExpired or 403), the next call still succeeds', async () => {
    await fc.assert(
      fc.asyncProperty(anyDate, fc.constantFrom(200, 400, 403), async (date, status) => {
        const client = createClient({ endpoint: server.origin, credentials: STATIC, retry: 0 });
        hostile = { status, date };
        await client.send({ method: 'GET', path: ['v1'] }).catch(() => undefined);
        hostile = undefined;

        // One skew answer at most, then a success: a single retry is enough.
        const result = await client.send({ method: 'GET', path: ['v1'] }, { retry: { limit: 1, baseDelay: 1 } });

        expect(result).toEqual({});
        expect(Number.isFinite(client.clockOffset)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
