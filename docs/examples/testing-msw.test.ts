import { createClient } from '@bcekit/core';
import { createEmulator, FIXTURE_ACCOUNTS } from '@bcekit/emulator';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { connectVpcs } from './peerconn-service.ts';

const emulator = createEmulator({ transitions: { creating: 50 } });
const server = setupServer(http.all('https://bcc.bj.baidubce.com/*', emulator.mswResolver));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

// No fetch option: the client sends as usual (node:http in Node, fetch elsewhere); msw intercepts both.
const client = createClient({ region: 'bj', credentials: FIXTURE_ACCOUNTS[0], retry: 0 });

test('works against the emulator through msw', async () => {
  const id = await connectVpcs(client, 'vpc-alicebj00001', 'vpc-alicebj00002');
  expect(id).toMatch(/^peerconn-/);
});

test('one handler can override the emulator for a single case', async () => {
  server.use(
    http.post('https://bcc.bj.baidubce.com/v1/peerconn', () =>
      HttpResponse.json({ code: 'QuotaExceeded', message: 'quota', requestId: 'r-1' }, { status: 400 }),
    ),
  );
  await expect(connectVpcs(client, 'vpc-alicebj00001', 'vpc-alicegz00001')).rejects.toMatchObject({
    code: 'QuotaExceeded',
    statusCode: 400,
    requestId: 'r-1',
  });
});
