/**
 * Baidu AI Cloud VPCs, subnets, route tables and route rules: one function per operation, each
 * `(client, input, options?)`, plus paginators ({@link paginateVpcs}, {@link paginateSubnets},
 * {@link paginateRouteRules}).
 *
 * ```sh
 * npm install @bcekit/core @bcekit/vpc
 * ```
 *
 * @module @bcekit/vpc
 */
export * from '@bcekit/vpc';
