import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redact, redactValue } from '../src/errors/redact.ts';

const AUTH = `bce-auth-v1/AKexample/2014-06-13T05:57:36Z/1800/host;x-bce-date/${'ab12'.repeat(16)}`;

describe('redact', () => {
  it('removes a full Authorization value', () => {
    expect(redact(`sent ${AUTH} ok`)).toBe('sent bce-auth-v1/<redacted> ok');
  });

  it('removes authorization query values', () => {
    expect(redact('https://h/x?a=1&authorization=bce-xyz%2F123&b=2')).toBe(
      'https://h/x?a=1&authorization=<redacted>&b=2',
    );
  });

  it('removes security tokens and 64-hex signing keys', () => {
    const out = redact(`x-bce-security-token: tok123456 key ${'f'.repeat(64)}`);

    expect(out).toBe('x-bce-security-token: <redacted> key <redacted>');
  });

  it('removes every known secret wherever it appears', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string({ minLength: 8 }).filter((s) => !s.includes('<redacted>')),
        fc.string(),
        (a, secret, b) => {
          expect(redact(`${a}${secret}${b}`, [secret])).not.toContain(secret);
        },
      ),
    );
  });

  it('clears secret-named keys in structured data', () => {
    expect(redactValue({ authorization: 'x', nested: { sessionToken: 'y', ok: AUTH }, list: ['z'] })).toEqual({
      authorization: '<redacted>',
      nested: { sessionToken: '<redacted>', ok: 'bce-auth-v1/<redacted>' },
      list: ['z'],
    });
  });

  it('leaves ordinary text alone', () => {
    const text =
      'AccessDenied (403) on PUT /v1/peerconn/peerconn-9td54fmx143e after 1 attempt, requestId c4abab14-0000';

    expect(redact(text)).toBe(text);
  });
});
