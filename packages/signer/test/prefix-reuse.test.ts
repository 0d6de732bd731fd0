import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sign, signSync } from '../src/index.ts';

// sign() and signSync() reuse the auth-string prefix for the same credentials object within a second. Whatever
// the order of timestamps (explicit, or "now"), expirations and back ends, each value must be the one computed
// from scratch, independently of the signer's back ends.
const request = { method: 'GET', path: '/v1/peerconn', headers: { host: 'bcc.bj.baidubce.com' } };
const hex = (key: string, data: string) => createHmac('sha256', key).update(data).digest('hex');
const expected = (ak: string, sk: string, second: number, expiration: number) => {
  const time = `${new Date(second * 1000).toISOString().slice(0, 19)}Z`;
  const prefix = `bce-auth-v1/${ak}/${time}/${expiration}`;
  return `${prefix}/host/${hex(hex(sk, prefix), 'GET\n/v1/peerconn\n\nhost:bcc.bj.baidubce.com')}`;
};

const step = fc.record({
  timestamp: fc.oneof(
    fc.constantFrom(1700450281, 1700450282, 1700450281.6),
    fc.constant(new Date(1700450281_400)),
    fc.constant(undefined),
  ),
  expiration: fc.constantFrom(1800, 300),
  sync: fc.boolean(),
  newSecret: fc.boolean(),
});

describe('the auth-string prefix reused within a second', () => {
  it('gives every signature its own correct prefix, for any sequence on one credentials object', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const credentials = { accessKeyId: 'AKIDPREFIX0001', secretAccessKey: 'secret-key-0001' };
        for (const [i, s] of steps.entries()) {
          if (s.newSecret) credentials.secretAccessKey = `secret-key-${i}-rotated`;
          const options = { credentials, timestamp: s.timestamp, expirationInSeconds: s.expiration };
          const value = s.sync ? signSync(request, options) : await sign(request, options);
          if (s.timestamp === undefined) {
            expect(value).toMatch(
              /^bce-auth-v1\/AKIDPREFIX0001\/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\/\d+\/host\/[0-9a-f]{64}$/,
            );
            continue;
          }
          const ms = s.timestamp instanceof Date ? s.timestamp.getTime() : s.timestamp * 1000;
          expect(value).toBe(
            expected(credentials.accessKeyId, credentials.secretAccessKey, Math.floor(ms / 1000), s.expiration),
          );
        }
      }),
      { numRuns: 200 },
    );
  });

  it('still checks what it is given: a bad expiration after a good one in the same second throws', async () => {
    const credentials = { accessKeyId: 'AKIDPREFIX0002', secretAccessKey: 'secret-key-0002' };
    await sign(request, { credentials, timestamp: 1700450281 });
    expect(() => signSync(request, { credentials, timestamp: 1700450281, expirationInSeconds: 0 })).toThrow(
      /expirationInSeconds/,
    );
    credentials.accessKeyId = 'AKID/BAD';
    expect(() => signSync(request, { credentials, timestamp: 1700450281 })).toThrow(/accessKeyId/);
  });
});
