import { BceValidationError } from '../errors/bce-validation-error.ts';
import { VPC_HOST_TEMPLATE } from '../regions.ts';
import type { BceRequest, CallOptions } from '../types/request.ts';
import { type BceClient, clientContexts } from './create-client.ts';
import { checkRegion, resolveOrigin } from './resolve-endpoint.ts';
import { send } from './send.ts';

/**
 * The same client aimed at another region: the same credentials (and their cache), retry, timeout, hooks, logger,
 * transport and clock, with requests going to that region's host. Used where one job spans two regions, such as
 * the two ends of a cross-region peer connection.
 *
 * A client made for one fixed `endpoint` cannot be re-aimed, because the endpoint names a host, not a region: make a
 * second client for the other region instead.
 *
 * @throws {BceValidationError} when the client has a fixed endpoint, or the region is not a known region code.
 * @example
 * const gz = withRegion(client, 'gz');
 */
export function withRegion(client: BceClient, region: string): BceClient {
  if (client.region === region) return client;
  const ctx = clientContexts.get(client);
  if (!ctx) {
    throw new BceValidationError('withRegion', [
      { path: 'client', message: 'must be a client from createClient of @bcekit/core' },
    ]);
  }
  if (ctx.options.endpoint !== undefined) {
    throw new BceValidationError('withRegion', [
      {
        path: 'client',
        message: `was made for the fixed endpoint ${ctx.options.endpoint} and cannot be aimed at region "${region}": create a client for that region and pass it instead`,
      },
    ]);
  }
  const problem = checkRegion(region, false);
  if (problem) throw new BceValidationError('withRegion', [{ ...problem, path: 'region' }]);
  const derived = { ...ctx, options: { ...ctx.options, region } };
  const regional: BceClient = {
    region,
    config: Object.freeze({ ...client.config, region, endpoint: resolveOrigin(undefined, region, VPC_HOST_TEMPLATE) }),
    get clockOffset() {
      return derived.clock.offset;
    },
    send: <T>(request: BceRequest, callOptions?: CallOptions) =>
      send<T>(derived, request, callOptions).then((result) => result.body),
    sendWithMetadata: <T>(request: BceRequest, callOptions?: CallOptions) => send<T>(derived, request, callOptions),
  };
  clientContexts.set(regional, derived);
  return regional;
}
