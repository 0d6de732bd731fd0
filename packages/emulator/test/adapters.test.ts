import { BceNetworkError, createClient } from '@bcekit/core';
import { createEmulator, FIXTURE_ACCOUNTS } from '@bcekit/emulator';
import { createPeerconn, getPeerconn, listPeerconns } from '@bcekit/peerconn';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { timerAt } from '../../../scripts/test-helpers/timers.ts';
import { codeOf, postArrival, type Started, startEmulator } from './helpers.ts';

const [alice] = FIXTURE_ACCOUNTS;
const input = { bandwidthInMbps: 10, localVpcId: 'vpc-alicebj00001', peerVpcId: 'vpc-alicebj00002', peerRegion: 'bj' };
let env: Started | undefined;

/** createPeerconn over listen(), aborted once the server holds the whole request; resolves to the rejection. */
async function giveUpOnArrival(started: Started, arrived: Promise<void>): Promise<unknown> {
  const controller = new AbortController();
  const client = createClient({ endpoint: started.server.url, credentials: alice, retry: 0 });
  const call = createPeerconn(client, input, { signal: controller.signal }).catch((e: unknown) => e);
  await arrived;
  controller.abort(new Error('gave up'));
  return call;
}

afterEach(async () => {
  vi.restoreAllMocks();
  await env?.close();
  env = undefined;
});

describe('fetch adapter', () => {
  it('serves createClient({ fetch: emulator.fetch }) for a regional endpoint', async () => {
    const emulator = createEmulator();
    const client = createClient({
      endpoint: 'https://bcc.bj.baidubce.com',
      fetch: emulator.fetch,
      credentials: alice,
      retry: 0,
    });

    const { peerConnId } = await createPeerconn(client, input);

    expect((await getPeerconn(client, { peerConnId })).localRegion).toBe('bj');
  });

  it('a regional endpoint requires the local VPC in that region: NoSuchVpc', async () => {
    const emulator = createEmulator();
    const client = createClient({
      endpoint: 'https://bcc.gz.baidubce.com',
      fetch: emulator.fetch,
      credentials: alice,
      retry: 0,
    });

    expect(await codeOf(createPeerconn(client, input))).toBe('NoSuchVpc');
  });

  it('a dropped connection rejects like a network failure', async () => {
    const emulator = createEmulator();
    emulator.faults.inject({ drop: 'before' });

    await expect(emulator.fetch('https://bcc.bj.baidubce.com/v1/peerconn')).rejects.toThrow(TypeError);
  });
});

describe('msw resolver', () => {
  it('answers through msw without the emulator importing msw', async () => {
    const emulator = createEmulator();
    const server = setupServer(http.all('https://bcc.bj.baidubce.com/*', emulator.mswResolver));
    server.listen({ onUnhandledRequest: 'error' });
    try {
      const client = createClient({ endpoint: 'https://bcc.bj.baidubce.com', credentials: alice, retry: 0 });

      const page = await listPeerconns(client, {});

      expect(page.peerConns).toEqual([]);
    } finally {
      server.close();
    }
  });
});

describe('faults over real HTTP', () => {
  it('an injected error is returned for the next N matching requests, then normal service resumes', async () => {
    env = await startEmulator();
    const client = env.client(alice);
    env.emulator.faults.inject({
      match: { operation: 'listPeerconns' },
      times: 2,
      error: { status: 503, code: 'ServiceUnavailable' },
    });

    const codes = [await codeOf(listPeerconns(client, {})), await codeOf(listPeerconns(client, {}))];
    const page = await listPeerconns(client, {});

    expect(codes).toEqual(['ServiceUnavailable', 'ServiceUnavailable']);
    expect(page.peerConns).toEqual([]);
  });

  it('drop after applying: the socket closes but the change is made', async () => {
    env = await startEmulator();
    env.emulator.faults.inject({ match: { operation: 'createPeerconn' }, drop: 'after' });

    const error = await createPeerconn(env.client(alice), input).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(BceNetworkError);
    expect(env.emulator.state().counts.peerConns).toBe(1);
  });

  it('a skewed Date header is sent as asked', async () => {
    env = await startEmulator();
    env.emulator.faults.inject({ dateSkewMs: 10 * 60 * 1000 });

    const response = await fetch(`${env.server.url}/v1/peerconn`);

    expect(Date.parse(response.headers.get('date')!) - Date.now()).toBeGreaterThan(9 * 60 * 1000);
  });

  it('a delay is served, and an aborted request stops waiting', async () => {
    const emulator = createEmulator();
    emulator.faults.inject({ delayMs: 60_000 });
    const controller = new AbortController();

    const pending = emulator.fetch('https://bcc.bj.baidubce.com/v1/peerconn', { signal: controller.signal });
    controller.abort(new Error('gave up'));

    await expect(pending).rejects.toThrow('gave up');
  });

  it('over listen(), a delay ends when the client disconnects: nothing is applied', async () => {
    const post = postArrival();
    env = await startEmulator({}, post.middleware);
    // Longer than the test's timeout: idle() comes back in time only if the disconnect ended the delay.
    env.emulator.faults.inject({ match: { operation: 'createPeerconn' }, delayMs: 600_000 });
    const error = await giveUpOnArrival(env, post.arrived);
    await env.emulator.idle();

    expect((error as Error).message).toBe('gave up');
    expect(env.emulator.state().counts.peerConns).toBe(0);
  });

  it('applyAfterDisconnect: the create lands after the client gave up, and idle() waits for it', async () => {
    // The client gives up once the server holds the whole request (an event, not a timer racing a busy machine):
    // the middleware reads the body before the emulator's delay starts.
    const post = postArrival();
    env = await startEmulator({}, post.middleware);
    const { emulator } = env;
    // The delay ends when the test fires it, after the checks of what held during it (a real 1 s delay could pass
    // before them on a busy machine).
    const delay = timerAt(600_010);
    emulator.faults.inject({ match: { operation: 'createPeerconn' }, delayMs: 600_010, applyAfterDisconnect: true });
    const error = await giveUpOnArrival(env, post.arrived);
    await delay.armed;
    const before = emulator.state().counts.peerConns;
    delay.fire();
    await emulator.idle();

    expect((error as Error).message).toBe('gave up');
    expect(before).toBe(0);
    expect(emulator.state().counts.peerConns).toBe(1);
  });

  it('emulator.fetch rejects at the abort; with applyAfterDisconnect the request is still applied', async () => {
    const emulator = createEmulator();
    const delay = timerAt(600_011);
    emulator.faults.inject({ match: { operation: 'createPeerconn' }, delayMs: 600_011, applyAfterDisconnect: true });
    const controller = new AbortController();
    // The client gives up once the emulator has the request: an event, not a timer racing a busy machine.
    const giveUp: typeof fetch = (request, init) => {
      const pending = emulator.fetch(request, init);
      controller.abort(new Error('gave up'));
      return pending;
    };
    const client = createClient({ endpoint: 'https://bcc.bj.baidubce.com', fetch: giveUp, credentials: alice });

    await expect(createPeerconn(client, input, { signal: controller.signal, retry: 0 })).rejects.toThrow('gave up');
    // Rejected before the delayed request was applied, so at the abort, not at the answer.
    expect(emulator.state().counts.peerConns).toBe(0);
    // The delay is still running (the test ends it; a real 200 ms one could pass before the check above).
    await delay.armed;
    delay.fire();
    await emulator.idle();
    expect(emulator.state().counts.peerConns).toBe(1);
  });

  it('emulator.fetch with an already aborted signal sends nothing', async () => {
    const emulator = createEmulator();

    const call = emulator.fetch('https://bcc.bj.baidubce.com/v1/peerconn', {
      signal: AbortSignal.abort(new Error('no')),
    });

    await expect(call).rejects.toThrow('no');
    expect(emulator.state().counts.requests).toBe(0);
  });

  it('idle() resolves at once when no request is in flight', async () => {
    const emulator = createEmulator();

    await expect(emulator.idle()).resolves.toBeUndefined();
  });

  it('a client learns the emulator clock from Date and recovers from RequestExpired', async () => {
    env = await startEmulator({ now: Date.now() - 60 * 60 * 1000 });
    const client = createClient({ endpoint: env.server.url, credentials: alice, retry: 1 });

    const page = await listPeerconns(client, {});

    expect(page.peerConns).toEqual([]);
  });
});

describe('listen({ middleware })', () => {
  it('answers its own routes and passes the others on to the emulator', async () => {
    const emulator = createEmulator();
    const seen: string[] = [];
    const server = await emulator.listen({
      middleware: (request, next) => {
        const { pathname } = new URL(request.url);
        seen.push(pathname);
        return pathname === '/healthz' ? new Response('ok') : next(request);
      },
    });
    try {
      const health = await fetch(`${server.url}/healthz`);
      const page = await listPeerconns(createClient({ endpoint: server.url, credentials: alice, retry: 0 }), {});

      expect(await health.text()).toBe('ok');
      expect(page.peerConns).toEqual([]);
      expect(seen).toEqual(['/healthz', '/v1/peerconn']);
      expect(emulator.state().counts.requests).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('a middleware that throws closes the connection', async () => {
    const emulator = createEmulator();
    const server = await emulator.listen({
      middleware: () => {
        throw new Error('boom');
      },
    });
    try {
      await expect(fetch(`${server.url}/v1/peerconn`)).rejects.toThrow(TypeError);
    } finally {
      await server.close();
    }
  });
});

describe('CORS', () => {
  it('answers a preflight', async () => {
    env = await startEmulator();

    const response = await fetch(`${env.server.url}/v1/peerconn`, {
      method: 'OPTIONS',
      headers: { origin: 'http://example.test', 'access-control-request-method': 'PUT' },
    });

    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toContain('x-bce-security-token');
    expect(response.headers.get('access-control-allow-methods')).toContain('DELETE');
  });

  it('marks errors readable by any origin, with x-bce-request-id exposed', async () => {
    env = await startEmulator();

    const response = await fetch(`${env.server.url}/v1/peerconn`);
    const body = (await response.json()) as { code: string; requestId: string };

    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toContain('x-bce-request-id');
    expect(response.headers.get('x-bce-request-id')).toBe(body.requestId);
    expect(body.code).toBe('InvalidHTTPAuthHeader');
  });
});
