import type { BceClient, CallOptions } from '@bcekit/core';
import { BceValidationError, withRegion } from '@bcekit/core';
import * as v from 'valibot';

/** A client from `createClient` (the other side's, for `peerClient`). @internal */
export const ClientSchema = v.custom<BceClient>(
  (value) => typeof (value as BceClient | undefined)?.send === 'function',
  'must be a client from createClient of @bcekit/core',
);

/** Which end of the connection a step concerns: the caller's VPC (`local`) or the other one (`peer`). */
export type Side = 'local' | 'peer';

/**
 * One step of {@link connectVpcs} or {@link disconnectVpcs}, as `onStep` receives it and `steps` lists it.
 * - `found`: the VPC pair already had this connection; `created`: it was created now;
 * - `accepted`: the other side accepted it; `waiting-for-acceptance`: the other account has yet to accept;
 * - `active`: the connection is active;
 * - `route-found` / `route-added` / `route-removed`: a route rule to the connection on one side;
 * - `dns-opened` / `dns-closed`: DNS sync of one side; `deleted`: the connection was deleted.
 */
export interface ConnectStep {
  step:
    | 'found'
    | 'created'
    | 'accepted'
    | 'waiting-for-acceptance'
    | 'active'
    | 'route-found'
    | 'route-added'
    | 'route-removed'
    | 'dns-opened'
    | 'dns-closed'
    | 'deleted';
  peerConnId: string;
  /** The side a route or DNS step concerns. */
  side?: Side;
  /** The route rule a route step concerns. */
  routeRuleId?: string;
  /** The destination CIDR of a route step. */
  destination?: string;
}

/** Options of {@link connectVpcs} and {@link disconnectVpcs}: per-call options plus progress and polling. */
export interface WorkflowOptions extends CallOptions {
  /** Receives each step as it is done (e.g. to show progress); an exception thrown here stops the workflow. */
  onStep?: ((step: ConnectStep) => void) | undefined;
  /** How long to wait for the connection (and DNS sync) to settle, in ms. @default 600000 (10 minutes) */
  maxWaitTime?: number | undefined;
  /** First delay between status polls in ms. @default 2000 */
  minDelay?: number | undefined;
  /** Longest delay between status polls in ms. @default 30000 */
  maxDelay?: number | undefined;
}

/** The log of a workflow run: every step, in order, also passed to `onStep`. @internal */
export function stepLog(options: WorkflowOptions | undefined) {
  const steps: ConnectStep[] = [];
  return {
    steps,
    record(step: ConnectStep) {
      steps.push(step);
      options?.onStep?.(step);
    },
  };
}

/** The per-call options each request of a workflow gets (the workflow's own keys left out). @internal */
export function callOptions(options: WorkflowOptions | undefined): CallOptions {
  return { signal: options?.signal, timeout: options?.timeout, retry: options?.retry } as CallOptions;
}

/** The waiter settings of a workflow, with its defaults. @internal */
export function waitSettings(options: WorkflowOptions | undefined) {
  return {
    maxWaitTime: options?.maxWaitTime ?? 600_000,
    ...(options?.minDelay === undefined ? {} : { minDelay: options.minDelay }),
    ...(options?.maxDelay === undefined ? {} : { maxDelay: options.maxDelay }),
  };
}

/**
 * The client that reaches the other VPC: the one given, else (same account) `client` itself or, across regions,
 * `client` aimed at `peerRegion`. `undefined` for a cross-account connection without `peerClient`.
 * @internal
 */
export function peerSideClient(
  operation: string,
  client: BceClient,
  input: { peerClient?: BceClient | undefined; peerAccountId?: string | undefined; peerRegion: string },
): BceClient | undefined {
  if (input.peerClient) return input.peerClient;
  if (input.peerAccountId) return undefined;
  if (client.region === input.peerRegion) return client;
  try {
    return withRegion(client, input.peerRegion);
  } catch (error) {
    if (!(error instanceof BceValidationError)) throw error;
    throw new BceValidationError(operation, [
      {
        path: 'peerClient',
        message: `is required: the client cannot reach region "${input.peerRegion}" by itself (${error.issues[0]?.message ?? 'it has a fixed endpoint'})`,
      },
    ]);
  }
}

/**
 * A clientToken for one step of a workflow, derived from the call's token, so that the same call made again
 * sends the same token for the same step (a create whose answer was lost is then not made twice), and always
 * within the service's 64 characters.
 * @internal
 */
export function stepToken(base: string, step: string): string {
  return `${base.slice(0, 63 - step.length)}-${step}`;
}

/** A short stable hash (FNV-1a, 32 bits, hex) to name a step by its parameters. @internal */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
