/**
 * The bcekit client: credentials, a signed `fetch` transport, safe retries, clock-skew correction, timeouts and
 * typed errors. Service packages such as `@bcekit/peerconn` take the {@link BceClient} made by
 * {@link createClient}.
 *
 * ```sh
 * npm install @bcekit/core
 * ```
 *
 * @module @bcekit/core
 */
export * from '@bcekit/core';
