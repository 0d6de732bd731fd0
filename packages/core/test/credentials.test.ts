import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BceError, BceValidationError, createClient, fromEnv } from '../src/index.ts';
import { AK, SESSION_TOKEN, SK } from './helpers/credentials.ts';
import { expectNoSecrets, rejection } from './helpers/secret-scan.ts';
import { startTestServer, type TestServer } from './helpers/test-server.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
  await server.close();
});

const get = { method: 'GET', path: ['v1'] } as const;

describe('credential providers', () => {
  it('calls an expiring provider once for 50 concurrent requests, and once more after expiry', async () => {
    let calls = 0;
    // The clock stands still until the test moves it, so a slow batch on a busy machine does not reach the refresh
    // point by itself.
    vi.useFakeTimers({ toFake: ['Date'] });
    // Valid for 5 minutes and 300 ms: usable now, due for refresh in 300 ms.
    const provider = async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 20));
      return {
        accessKeyId: AK,
        secretAccessKey: SK,
        sessionToken: SESSION_TOKEN,
        expiration: new Date(Date.now() + 5 * 60_000 + 300),
      };
    };
    const client = createClient({ endpoint: server.origin, credentials: provider });

    await Promise.all(Array.from({ length: 50 }, () => client.send(get)));
    expect(calls).toBe(1);
    vi.setSystemTime(Date.now() + 350);
    await Promise.all(Array.from({ length: 50 }, () => client.send(get)));

    expect(calls).toBe(2);
    expect(server.received).toHaveLength(100);
    expect(server.received.every((r) => r.signatureValid && r.headers['x-bce-security-token'] === SESSION_TOKEN)).toBe(
      true,
    );
  });

  it('accepts a sync provider without expiration and calls it once', async () => {
    const provider = vi.fn(() => ({ accessKeyId: AK, secretAccessKey: SK }));
    const client = createClient({ endpoint: server.origin, credentials: provider });

    await client.send(get);
    await client.send(get);

    expect(provider).toHaveBeenCalledTimes(1);
    expect(server.received.every((r) => r.signatureValid)).toBe(true);
  });

  it('accepts an ISO-8601 expiration string', async () => {
    let calls = 0;
    const provider = () => {
      calls++;
      return { accessKeyId: AK, secretAccessKey: SK, expiration: new Date(Date.now() + 60_000).toISOString() };
    };
    const client = createClient({ endpoint: server.origin, credentials: provider });

    await client.send(get);
    await client.send(get);

    // Already inside the 5-minute window: every call refreshes.
    expect(calls).toBe(2);
  });

  it('retries the provider after a failure instead of caching it, and never leaks the secret', async () => {
    let calls = 0;
    const provider = () => {
      calls++;
      if (calls === 1) throw new Error(`sts down (secret ${SK})`);
      return { accessKeyId: AK, secretAccessKey: SK };
    };
    const client = createClient({ endpoint: server.origin, credentials: provider });

    const error = await rejection(client.send(get));
    await client.send(get);

    expect(error).toBeInstanceOf(BceError);
    expect(error.message).toContain('credentials provider failed');
    expect(server.received).toHaveLength(1);
    expectNoSecrets(error);
    expect(error.cause.message).toContain('sts down');
  });

  it('rejects a provider result without a secret key', async () => {
    const client = createClient({
      endpoint: server.origin,
      credentials: () => ({ accessKeyId: AK, secretAccessKey: '' }),
    });

    const error = await rejection(client.send(get));

    expect(error.message).toContain('credentials.secretAccessKey must be a non-empty string');
    expect(server.received).toHaveLength(0);
  });

  it('names every unusable field of a provider result in one message', async () => {
    const client = createClient({
      endpoint: server.origin,
      credentials: () => ({ accessKeyId: ' ', secretAccessKey: SK, sessionToken: 7 as unknown as string }),
    });

    const error = await rejection(client.send(get));

    expect(error.message).toBe(
      'credentials provider returned unusable credentials: credentials.accessKeyId must be a non-empty string; ' +
        'credentials.sessionToken must be a string',
    );
    expect(server.received).toHaveLength(0);
  });

  it('rejects a provider result that is not an object', async () => {
    const client = createClient({
      endpoint: server.origin,
      credentials: () => null as unknown as { accessKeyId: string; secretAccessKey: string },
    });

    const error = await rejection(client.send(get));

    expect(error).toBeInstanceOf(BceValidationError);
    expect(error.message).toBe(
      'credentials provider returned unusable credentials: credentials must be an object { accessKeyId, secretAccessKey, sessionToken? }',
    );
    expect(server.received).toHaveLength(0);
  });
});

describe('fromEnv', () => {
  it('reads the three variables', async () => {
    vi.stubEnv('BCE_ACCESS_KEY_ID', AK);
    vi.stubEnv('BCE_SECRET_ACCESS_KEY', SK);
    vi.stubEnv('BCE_SECURITY_TOKEN', SESSION_TOKEN);

    const credentials = await fromEnv()();

    expect(credentials).toEqual({ accessKeyId: AK, secretAccessKey: SK, sessionToken: SESSION_TOKEN });
  });

  it('omits an unset token', async () => {
    vi.stubEnv('BCE_ACCESS_KEY_ID', AK);
    vi.stubEnv('BCE_SECRET_ACCESS_KEY', SK);
    vi.stubEnv('BCE_SECURITY_TOKEN', '');

    expect(await fromEnv()()).toEqual({ accessKeyId: AK, secretAccessKey: SK });
  });

  it('names the missing variable', () => {
    vi.stubEnv('BCE_ACCESS_KEY_ID', '');
    vi.stubEnv('BCE_SECRET_ACCESS_KEY', SK);

    expect(() => fromEnv()).toThrow(
      'fromEnv: BCE_ACCESS_KEY_ID is not set; set it and BCE_SECRET_ACCESS_KEY, or pass credentials to createClient',
    );
  });

  it('reads Deno.env when Deno is there', async () => {
    const env: Record<string, string> = { BCE_ACCESS_KEY_ID: 'deno-ak', BCE_SECRET_ACCESS_KEY: 'deno-sk' };
    vi.stubGlobal('Deno', { env: { get: (name: string) => env[name] } });

    const credentials = await fromEnv()();

    vi.unstubAllGlobals();
    expect(credentials).toEqual({ accessKeyId: 'deno-ak', secretAccessKey: 'deno-sk' });
  });

  it('turns Deno refusing env access (no --allow-env) into a BceError that says what to do', () => {
    class NotCapable extends Error {}
    vi.stubGlobal('Deno', {
      env: {
        get: () => {
          throw new NotCapable('Requires env access to "BCE_ACCESS_KEY_ID", run again with the --allow-env flag');
        },
      },
    });

    let error: unknown;
    try {
      fromEnv();
    } catch (e) {
      error = e;
    }

    vi.unstubAllGlobals();
    expect(error).toBeInstanceOf(BceError);
    expect((error as Error).message).toBe(
      'fromEnv: Deno denied reading BCE_ACCESS_KEY_ID; run with --allow-env (or pass credentials)',
    );
    expect((error as Error).cause).toBeInstanceOf(NotCapable);
  });

  it('fails clearly where there is no environment', () => {
    vi.stubGlobal('process', undefined);

    let error: unknown;
    try {
      fromEnv();
    } catch (e) {
      error = e;
    }

    vi.unstubAllGlobals();
    expect(error).toBeInstanceOf(BceError);
    expect((error as Error).message).toContain('pass credentials to createClient');
  });
});
