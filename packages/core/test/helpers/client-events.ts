import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { once } from 'node:events';
import type { Socket } from 'node:net';

/**
 * What `node:http`'s client side saw in this process, from Node's own diagnostics channels (nothing is patched):
 * `request(i)` resolves with the socket of the i-th request once it is sent, `headers(i)` with the socket of the
 * i-th response once its headers are parsed (before the client reads its body). Tests await these instead of
 * guessing how long delivery takes. `stop()` unsubscribes.
 */
export function clientEvents() {
  const requests = waitable<Socket>();
  const headers = waitable<Socket>();
  const onRequest = (message: unknown) => {
    const { request } = message as {
      request: { socket: Socket | null; once(e: 'socket', f: (s: Socket) => void): void };
    };
    if (request.socket) requests.push(request.socket);
    else request.once('socket', requests.push);
  };
  const onHeaders = (message: unknown) => headers.push((message as { response: { socket: Socket } }).response.socket);
  subscribe('http.client.request.start', onRequest);
  subscribe('http.client.response.finish', onHeaders);
  return {
    request: requests.at,
    headers: headers.at,
    stop: () => {
      unsubscribe('http.client.request.start', onRequest);
      unsubscribe('http.client.response.finish', onHeaders);
    },
  };
}

/**
 * Runs `send` (which makes the server write to `socket`'s peer) and resolves once the client's socket has read
 * something after it: the bytes reached the client, whatever the load.
 */
export async function deliveredTo(socket: Socket, send: () => Promise<boolean>): Promise<void> {
  const read = once(socket, 'data');
  if (!(await send())) throw new Error('the server could not write: the connection is gone');
  await read;
}

/** Items that arrive over time; `at(i)` resolves with the i-th once it is there. */
export function waitable<T>() {
  const items: T[] = [];
  const waiting = new Map<number, (item: T) => void>();
  return {
    push: (item: T) => {
      waiting.get(items.length)?.(item);
      items.push(item);
    },
    at: (index: number): Promise<T> =>
      index < items.length
        ? Promise.resolve(items[index]!)
        : new Promise((resolve) => {
            waiting.set(index, resolve);
          }),
  };
}
