import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BceError, BceNetworkError, BceValidationError, createClient } from '../src/index.ts';
import { AK, SESSION_TOKEN, SK, STATIC } from './helpers/credentials.ts';
import { expectNoSecrets, recordingLogger, rejection } from './helpers/secret-scan.ts';
import { startTestServer, type TestServer } from './helpers/test-server.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await server.close();
});

const get = { method: 'GET', path: ['v1', 'peerconn'], operation: 'listPeerconns' } as const;

// Each bad value carries a distinctive marker, so the test can see it is never echoed.
const BAD_FIELDS: [string, Record<string, string>, string][] = [
  ['an access key id with "/"', { accessKeyId: `${AK}/MARKER` }, 'credentials.accessKeyId'],
  ['an access key id with a space', { accessKeyId: `${AK} MARKER` }, 'credentials.accessKeyId'],
  ['an access key id with a tab', { accessKeyId: `${AK}\tMARKER` }, 'credentials.accessKeyId'],
  ['an access key id with a control character', { accessKeyId: `${AK}\u0001MARKER` }, 'credentials.accessKeyId'],
  ['a session token with CR', { sessionToken: `${SESSION_TOKEN}\rMARKER` }, 'credentials.sessionToken'],
  ['a session token with LF', { sessionToken: `${SESSION_TOKEN}\nMARKER` }, 'credentials.sessionToken'],
  ['a session token with NUL', { sessionToken: `${SESSION_TOKEN}\0MARKER` }, 'credentials.sessionToken'],
  [
    'a session token with a character above U+00FF',
    { sessionToken: `${SESSION_TOKEN}€MARKER` },
    'credentials.sessionToken',
  ],
];

describe('credential fields are checked where they enter', () => {
  it.each(BAD_FIELDS)('createClient refuses %s, naming the field and not the value', (_name, bad, field) => {
    const error = (() => {
      try {
        createClient({ endpoint: server.origin, credentials: { ...STATIC, ...bad } });
      } catch (e) {
        return e as BceValidationError;
      }
      throw new Error('createClient accepted the credentials');
    })();

    expect(error).toBeInstanceOf(BceValidationError);
    expect(error.issues.map((issue) => issue.path)).toEqual([field]);
    expect(error.message).not.toContain('MARKER');
    expect(JSON.stringify(error)).not.toContain('MARKER');
    expectNoSecrets(error);
  });

  it.each(BAD_FIELDS)(
    'a provider returning %s fails the call with a BceValidationError; nothing is sent',
    async (_n, bad, field) => {
      const { lines, logger } = recordingLogger();
      const client = createClient({ endpoint: server.origin, credentials: () => ({ ...STATIC, ...bad }), logger });

      const error = await rejection(client.send(get));

      expect(error).toBeInstanceOf(BceValidationError);
      expect((error as unknown as BceValidationError).issues.map((issue) => issue.path)).toEqual([field]);
      expect(`${error.message}${JSON.stringify(error)}${lines.join('')}`).not.toContain('MARKER');
      expect(server.received).toHaveLength(0);
      expectNoSecrets(error, lines);
    },
  );

  it('never echoes a provider’s bad expiration value', async () => {
    const client = createClient({
      endpoint: server.origin,
      credentials: () => ({ ...STATIC, expiration: `not a date ${SESSION_TOKEN}` }),
    });

    const error = await rejection(client.send(get));

    expect(error).toBeInstanceOf(BceValidationError);
    expect(error.message).toContain('credentials.expiration');
    expect(error.message).toContain('a string that is not a date');
    expect(error.message).not.toContain(SESSION_TOKEN);
    expect(server.received).toHaveLength(0);
  });

  it('accepts an STS token made of base64 characters (+, / and =)', async () => {
    const client = createClient({
      endpoint: server.origin,
      credentials: { accessKeyId: AK, secretAccessKey: SK, sessionToken: `${SESSION_TOKEN}+/==` },
    });

    await client.send(get);

    expect(server.received[0]!.headers['x-bce-security-token']).toBe(`${SESSION_TOKEN}+/==`);
    expect(server.received[0]!.signatureValid).toBe(true);
  });
});

describe('a failure while signing', () => {
  it('is a BceError with the operation and attempt, reaches hooks and logs, and is not retried', async () => {
    // A local clock past year 9999 cannot be signed with; no response has corrected it yet.
    vi.spyOn(Date, 'now').mockReturnValue(300_000_000_000_000);
    const { lines, logger } = recordingLogger();
    const seen: unknown[] = [];
    const client = createClient({
      endpoint: server.origin,
      credentials: STATIC,
      retry: { limit: 3, baseDelay: 1 },
      logger,
      hooks: { afterAttempt: (state) => void seen.push(state.error) },
    });

    const error = await rejection(client.send(get));

    expect(error).toBeInstanceOf(BceError);
    expect(error).not.toBeInstanceOf(BceNetworkError);
    expect(error).toMatchObject({ operation: 'listPeerconns', attempts: 1 });
    expect(error.message).toMatch(/^listPeerconns: attempt 1 could not be signed; nothing was sent: timestamp/);
    expect(seen).toEqual([error]);
    expect(lines.filter((line) => line.includes('call failed'))).toHaveLength(1);
    expect(lines.some((line) => line.includes('retrying'))).toBe(false);
    expect(server.received).toHaveLength(0);
  });
});

describe('a header value fetch would refuse', () => {
  it.each([
    ['NUL', `v\0${SESSION_TOKEN}`],
    ['a character above U+00FF', `v€${SESSION_TOKEN}`],
  ])(
    '(%s, from a hook) is a local BceError naming the header: not a network error, not retried, nothing sent',
    async (_n, value) => {
      const { lines, logger } = recordingLogger();
      const seen: unknown[] = [];
      const client = createClient({
        endpoint: server.origin,
        credentials: STATIC,
        retry: { limit: 3, baseDelay: 1 },
        logger,
        hooks: { beforeAttempt: () => ({ 'x-trace': value }), afterAttempt: (state) => void seen.push(state.error) },
      });

      const error = await rejection(client.send(get));

      expect(error).toBeInstanceOf(BceError);
      expect(error).not.toBeInstanceOf(BceNetworkError);
      // The signer refuses NUL in any header it sees; fetch's own rules catch the rest before anything is sent.
      expect(error.message).toMatch(
        /^listPeerconns: attempt 1 (could not be signed|has a header fetch would refuse); nothing was sent: headers?[. ]x-trace/,
      );
      expect(seen).toEqual([error]);
      expect(server.received).toHaveLength(0);
      expect(`${error.message}${JSON.stringify(error)}${lines.join('')}`).not.toContain(SESSION_TOKEN);
    },
  );
});

describe('an endpoint with secrets in it', () => {
  it.each([
    ['userinfo', 'https://user:pa55word-SECRET@bcc.bj.baidubce.com', 'must not carry credentials'],
    ['userinfo without a scheme', 'user:pa55word-SECRET@bcc.bj.baidubce.com', 'must be a URL'],
    ['query', 'https://bcc.bj.baidubce.com/?token=pa55word-SECRET', 'must be an origin'],
    ['fragment', 'https://bcc.bj.baidubce.com#pa55word-SECRET', 'must be an origin'],
  ])('is refused without echoing its %s', (_name, endpoint, why) => {
    const error = (() => {
      try {
        createClient({ endpoint, credentials: STATIC });
      } catch (e) {
        return e as BceValidationError;
      }
      throw new Error('createClient accepted the endpoint');
    })();

    expect(error).toBeInstanceOf(BceValidationError);
    expect(error.message).toContain(`endpoint ${why}`);
    expect(`${error.message}${JSON.stringify(error)}${error.stack}`).not.toMatch(/pa55word|SECRET/);
  });
});
