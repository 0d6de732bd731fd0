/**
 * BCE auth v1 request signing (the `Authorization` header and presigned URLs) for every JavaScript runtime.
 * Web Crypto by default, `@noble/hashes` where `crypto.subtle` is missing and for {@link signSync}.
 *
 * ```sh
 * npm install @bcekit/signer
 * ```
 *
 * @module @bcekit/signer
 */
export * from '@bcekit/signer';
