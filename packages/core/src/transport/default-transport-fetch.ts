/**
 * The transport of a client in browsers, Workers and every runtime without the `node` condition (package.json
 * `imports`, `#default-transport`): the caller's `fetch`, else the runtime's. No `node:http` code.
 *
 * @internal
 */
export { createFetchTransport as createTransport } from './fetch-transport.ts';
