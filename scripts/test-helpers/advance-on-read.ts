import type { Emulator } from '@bcekit/emulator';

/** A read of one connection (`GET /v1/peerconn/{id}`): what a status check or a waiter's poll sends. */
const READ_ONE = /^\/v1\/peerconn\/[^/]+$/;

/**
 * For an emulator created with `realTime: false`: answers `request`, then, if it read one connection, moves service
 * time on by `step` ms. A transitional state read right after the call that started it is then still there however
 * slow the machine, and a waiter sees the next state at its next poll instead of after real seconds.
 */
export async function advanceOnRead(
  emulator: Emulator,
  step: number,
  request: Request,
  next: (request: Request) => Promise<Response>,
): Promise<Response> {
  const response = await next(request);
  if (request.method === 'GET' && READ_ONE.test(new URL(request.url).pathname)) emulator.clock.advance(step);
  return response;
}
