import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createClient } from '../src/index.ts';
import { whenAborted } from '../src/retry/sleep.ts';
import { STATIC } from './helpers/credentials.ts';

// One signal handed to a batch of calls (a Promise.all, a Worker request's signal) is ordinary use. Node warns once
// a signal holds more than 10 listeners, so every call on one signal shares a single bcekit listener (counted with
// node:events' getEventListeners).

const get = { method: 'GET', path: ['v1', 'peerconn'] } as const;
const BATCH = 25;

/** A fetch that holds every request until `release()`, and says when `count` requests are held. */
function holdingFetch(count: number) {
  const held: (() => void)[] = [];
  let arrived!: () => void;
  const allArrived = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  const fetch = (_url: RequestInfo | URL, init?: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      init?.signal?.addEventListener('abort', () => reject(init.signal!.reason), { once: true });
      held.push(() => resolve(new Response('{"ok":true}', { status: 200 })));
      if (held.length === count) arrived();
    });
  return {
    fetch,
    allArrived,
    release: () => {
      for (const answer of held) answer();
    },
  };
}

const abortListeners = (signal: AbortSignal) => getEventListeners(signal, 'abort').length;

describe('one signal shared by many calls', () => {
  it(`holds one listener for ${BATCH} calls in flight, and still one once they end`, async () => {
    const { fetch, allArrived, release } = holdingFetch(BATCH);
    const client = createClient({ endpoint: 'http://127.0.0.1:9', credentials: STATIC, fetch, timeout: false });
    const { signal } = new AbortController();

    const calls = Array.from({ length: BATCH }, () => client.send(get, { signal }));
    await allArrived;
    expect(abortListeners(signal)).toBe(1);

    release();
    expect(await Promise.all(calls)).toEqual(Array.from({ length: BATCH }, () => ({ ok: true })));
    // The next batch on this signal shares it too.
    const again = holdingFetch(BATCH);
    const next = createClient({
      endpoint: 'http://127.0.0.1:9',
      credentials: STATIC,
      fetch: again.fetch,
      timeout: false,
    });
    const more = Array.from({ length: BATCH }, () => next.send(get, { signal }));
    await again.allArrived;
    expect(abortListeners(signal)).toBe(1);
    again.release();
    await Promise.all(more);
    expect(abortListeners(signal)).toBe(1);
  });

  it(`rejects all ${BATCH} calls with the reason when the signal aborts, and sends nothing more`, async () => {
    const { fetch, allArrived } = holdingFetch(BATCH);
    let sent = 0;
    const counting: typeof globalThis.fetch = (url, init) => {
      sent++;
      return fetch(url, init);
    };
    const client = createClient({
      endpoint: 'http://127.0.0.1:9',
      credentials: STATIC,
      fetch: counting,
      timeout: false,
    });
    const controller = new AbortController();
    const reason = new Error('batch cancelled');

    const calls = Array.from({ length: BATCH }, () => client.send(get, { signal: controller.signal }).catch((e) => e));
    await allArrived;
    controller.abort(reason);

    expect(await Promise.all(calls)).toEqual(Array.from({ length: BATCH }, () => reason));
    expect(sent).toBe(BATCH);
    expect(abortListeners(controller.signal)).toBe(0);
  });
});

describe('whenAborted', () => {
  it('runs the callbacks still waiting, in order, once', () => {
    const controller = new AbortController();
    const ran: string[] = [];
    whenAborted(controller.signal, () => ran.push('a'));
    const stopB = whenAborted(controller.signal, () => ran.push('b'));
    whenAborted(controller.signal, () => ran.push('c'));
    stopB();
    expect(abortListeners(controller.signal)).toBe(1);

    controller.abort();
    controller.abort();
    expect(ran).toEqual(['a', 'c']);
  });

  it('runs nothing for a waiter that stopped, even when it was the only one', () => {
    const controller = new AbortController();
    let ran = 0;
    whenAborted(controller.signal, () => ran++)();
    const stop = whenAborted(controller.signal, () => ran++);
    stop();
    controller.abort();
    expect(ran).toBe(0);
    expect(abortListeners(controller.signal)).toBe(0);
  });
});
