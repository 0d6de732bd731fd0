/**
 * `@bcekit/peerconn/testing`: the emulator moved to its own package, `@bcekit/emulator`, which serves the whole VPC
 * host. This entry re-exports it unchanged for one release; import from `@bcekit/emulator` instead.
 *
 * @deprecated Import from `@bcekit/emulator`; this entry point goes away in the next minor release.
 * @module
 */
export * from '@bcekit/emulator';
