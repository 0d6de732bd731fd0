/**
 * Baidu AI Cloud VPC peer connections: one function per operation, each `(client, input, options?)`, plus a
 * paginator ({@link paginatePeerconns}) and a waiter ({@link waitForPeerconn}).
 *
 * ```sh
 * npm install @bcekit/core @bcekit/peerconn
 * ```
 *
 * @module @bcekit/peerconn
 */
export * from '@bcekit/peerconn';
