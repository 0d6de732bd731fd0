// The bcekit client signs content-length for every request with a body, so a captured request cannot be
// replayed with another body. The emulator checks it over listen() (real HTTP) and through its in-process fetch,
// where no network adds a Content-Length and the body's own length stands in for it.
import { createClient } from '@bcekit/core';
import { createEmulator, FIXTURE_ACCOUNTS } from '@bcekit/emulator';
import { afterEach, describe, expect, it } from 'vitest';

const [alice] = FIXTURE_ACCOUNTS;

/** A create call as the client sends it, with what it sent captured. */
async function captureCreate(endpoint: string, fetchImpl: typeof fetch) {
  const sent: { url: string; init: RequestInit }[] = [];
  const capturing: typeof fetch = (input, init) => {
    sent.push({ url: String(input), init: init! });
    return fetchImpl(input, init);
  };
  const client = createClient({ endpoint, credentials: alice!, fetch: capturing, retry: 0 });
  const body = { bandwidthInMbps: 10, description: 'a', localVpcId: 'vpc-x', peerVpcId: 'vpc-y', peerRegion: 'bj' };
  await client
    .send({ method: 'POST', path: ['v1', 'peerconn'], query: { clientToken: crypto.randomUUID() }, body })
    .catch(() => undefined);
  return sent[0]!;
}

const stop: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of stop.splice(0)) await close();
});

describe('the signed content-length binds the body', () => {
  it.each([
    ['a longer body', (body: string) => body.replace('"a"', '"a-much-longer-description"')],
    ['a shorter body', (body: string) => body.replace(',"description":"a"', '')],
  ])('in process: a captured request replayed with %s is refused (403 SignatureDoesNotMatch)', async (_n, change) => {
    const emulator = createEmulator();
    const { url, init } = await captureCreate('https://bcc.bj.baidubce.com', emulator.fetch);

    expect(String(new Headers(init.headers).get('authorization'))).toContain('/content-length;');
    const original = await emulator.fetch(url, { ...init, signal: null });
    const replayed = await emulator.fetch(url, { ...init, body: change(String(init.body)), signal: null });

    // The original is judged on its merits (a 4xx for the made-up VPC ids, never a signature failure).
    expect(((await original.json()) as { code: string }).code).not.toBe('SignatureDoesNotMatch');
    expect(replayed.status).toBe(403);
    expect(((await replayed.json()) as { code: string }).code).toBe('SignatureDoesNotMatch');
  });

  it('over listen(): a captured request replayed with another body is refused', async () => {
    const emulator = createEmulator();
    const server = await emulator.listen({ port: 0 });
    stop.push(() => server.close());
    const { url, init } = await captureCreate(server.url, fetch);

    const replayed = await fetch(url, { ...init, body: String(init.body).replace('"a"', '"abc"'), signal: null });

    expect(replayed.status).toBe(403);
    expect(((await replayed.json()) as { code: string }).code).toBe('SignatureDoesNotMatch');
  });
});
