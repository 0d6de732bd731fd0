/**
 * An offline emulator of the VPC peer connection API, for demos and your own tests. One core answers standard
 * `Request`s: pass `emulator.fetch` to `createClient`, hand `emulator.mswResolver` to msw, or serve it over
 * `node:http` with `emulator.listen()`.
 *
 * ```ts
 * import { createClient } from '@bcekit/core';
 * import { createEmulator, FIXTURE_ACCOUNTS } from '@bcekit/peerconn/testing';
 *
 * const emulator = createEmulator();
 * const client = createClient({ region: 'bj', fetch: emulator.fetch, credentials: FIXTURE_ACCOUNTS[0] });
 * ```
 *
 * @module @bcekit/peerconn/testing
 */
export * from '@bcekit/peerconn/testing';
