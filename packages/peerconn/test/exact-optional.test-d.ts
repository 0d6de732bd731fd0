// Compiled by `tsc -p tsconfig.exact.json` (in npm test) against the built .d.ts, with exactOptionalPropertyTypes on,
// as Worker templates set it: optional inputs must take an explicit `undefined` (e.g. `env.BCE_SECURITY_TOKEN`).
import type {
  BceCredentials,
  BceRequest,
  CallOptions,
  ClientOptions,
  Hooks,
  ProvidedCredentials,
  RetryOptions,
} from '@bcekit/core';
import type { CreatePeerconnInput, GetPeerconnInput, ListPeerconnsInput, WaitForPeerconnInput } from '@bcekit/peerconn';

declare const maybe: string | undefined;
declare const maybeNumber: number | undefined;

export const credentials: BceCredentials = { accessKeyId: 'ak', secretAccessKey: 'sk', sessionToken: maybe };
export const provided: ProvidedCredentials = { ...credentials, expiration: undefined };
export const retry: RetryOptions = {
  limit: maybeNumber,
  baseDelay: undefined,
  maxDelay: undefined,
  respectRetryAfter: undefined,
};
export const hooks: Hooks = { beforeAttempt: undefined, afterAttempt: undefined };
export const options: ClientOptions = {
  region: maybe,
  endpoint: maybe,
  credentials,
  retry: undefined,
  timeout: undefined,
  fetch: undefined,
  logger: undefined,
  hooks: undefined,
  userAgent: maybe,
};
export const call: CallOptions = { signal: undefined, timeout: undefined, retry: undefined };
export const request: BceRequest = {
  method: 'GET',
  path: ['v1'],
  query: undefined,
  body: undefined,
  serviceHost: undefined,
  operation: undefined,
};
export const create: CreatePeerconnInput = {
  bandwidthInMbps: 10,
  localVpcId: 'vpc-a',
  peerVpcId: 'vpc-b',
  peerRegion: 'bj',
  description: maybe,
  localIfName: undefined,
  peerAccountId: maybe,
  peerIfName: undefined,
  billing: undefined,
  tags: undefined,
  resourceGroupId: undefined,
  deleteProtect: undefined,
  clientToken: maybe,
};
export const get: GetPeerconnInput = { peerConnId: 'peerconn-a', role: undefined };
export const list: ListPeerconnsInput = { vpcId: maybe, marker: maybe, maxKeys: maybeNumber };
export const wait: WaitForPeerconnInput = {
  peerConnId: 'peerconn-a',
  until: 'active',
  maxWaitTime: 1_000,
  role: undefined,
  minDelay: undefined,
  maxDelay: undefined,
};

// Still strict where it matters: a required field cannot be undefined.
// @ts-expect-error: accessKeyId is required
export const noKey: BceCredentials = { accessKeyId: undefined, secretAccessKey: 'sk' };
// @ts-expect-error: maxWaitTime is required
export const noLimit: WaitForPeerconnInput = { peerConnId: 'peerconn-a', until: 'active', maxWaitTime: undefined };
