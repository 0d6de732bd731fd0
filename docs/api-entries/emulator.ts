/**
 * An offline emulator of the Baidu AI Cloud VPC host (peer connections today), for demos and your own tests. One core answers standard
 * `Request`s: pass `emulator.fetch` to `createClient`, hand `emulator.mswResolver` to msw, or serve it over
 * `node:http` with `emulator.listen()`.
 *
 * ```ts
 * import { createClient } from '@bcekit/core';
 * import { createEmulator, FIXTURE_ACCOUNTS } from '@bcekit/emulator';
 *
 * const emulator = createEmulator();
 * const client = createClient({ region: 'bj', fetch: emulator.fetch, credentials: FIXTURE_ACCOUNTS[0] });
 * ```
 *
 * @module @bcekit/emulator
 */
export * from '@bcekit/emulator';
