import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BceServiceError } from '../../src/index.ts';
import { rejection } from '../helpers/secret-scan.ts';
import { json, startTestServer, type TestServer, text } from '../helpers/test-server.ts';
import { hostileClient } from './hostile.ts';

const CREATE = { method: 'POST', path: ['v1', 'peerconn'], query: { clientToken: 'tok-redirect' }, body: {} } as const;

let api: TestServer;
let elsewhere: TestServer;
beforeEach(async () => {
  api = await startTestServer();
  elsewhere = await startTestServer();
  elsewhere.script(json(200, { peerConnId: 'peerconn-stolen' }));
});
afterEach(async () => {
  await api.close();
  await elsewhere.close();
});

describe('redirects', () => {
  it.each([301, 302, 303, 307, 308])('does not follow a %i to another host, nor retry it', async (status) => {
    api.script(text(status, 'Moved', { location: `${elsewhere.origin}/v1/peerconn?clientToken=tok-redirect` }));
    const { client, expectClean } = hostileClient(api.origin, { retry: 2 });

    const error = await rejection(client.send(CREATE));

    expect(error).toBeInstanceOf(BceServiceError);
    expect(error).toMatchObject({ statusCode: status, attempts: 1, clientToken: 'tok-redirect' });
    expect(error.message).toContain(`redirect to ${elsewhere.origin}/v1/peerconn`);
    expect(error.message).toContain('not followed');
    expect(api.received).toHaveLength(1);
    expect(elsewhere.received).toHaveLength(0);
    expectClean(error, api.received);
  });

  it('redacts an authorization value carried in the Location', async () => {
    const location = `${elsewhere.origin}/x?authorization=bce-auth-v1%2FAK%2F2024%2F1800%2F%2F${'ab'.repeat(32)}`;
    api.script(text(302, '', { location }));
    const { client, expectClean } = hostileClient(api.origin);

    const error = await rejection(client.send(CREATE));

    expect(error.message).toContain('authorization=<redacted>');
    expect(error.message).not.toContain('ab'.repeat(32));
    expectClean(error, api.received);
  });

  it('names a long Location by its first 200 characters', async () => {
    const location = `${elsewhere.origin}/${'p'.repeat(300)}`;
    api.script(text(302, '', { location }));
    const { client } = hostileClient(api.origin);

    const error = await rejection(client.send(CREATE));

    expect(error.serviceMessage).toBe(
      `redirect to ${location.slice(0, 200)}… not followed (bcekit never follows redirects); ` +
        'set endpoint to the host that serves the API',
    );
  });

  it('asks a custom fetch not to follow redirects either', async () => {
    const modes: RequestRedirect[] = [];
    const recordingFetch: typeof fetch = async (input, init) => {
      modes.push(new Request(input, init).redirect);
      return new Response('{}', { status: 200 });
    };
    const { client } = hostileClient('https://bcc.bj.baidubce.com', { fetch: recordingFetch });

    await client.send(CREATE);

    expect(modes).toEqual(['manual']);
  });
});
