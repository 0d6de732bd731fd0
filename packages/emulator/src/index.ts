/**
 * `@bcekit/emulator`: an offline emulator of Baidu AI Cloud's VPC host (VPCs, subnets, route tables and rules,
 * peer connections), for demos,
 * examples and your own tests. One core answers standard `Request`s; use it as `fetch`, from msw, or over
 * node:http with `listen()`.
 *
 * @example
 * import { createClient } from '@bcekit/core';
 * import { createEmulator, FIXTURE_ACCOUNTS } from '@bcekit/emulator';
 * const emulator = createEmulator();
 * const client = createClient({ endpoint: 'https://bcc.bj.baidubce.com', fetch: emulator.fetch, credentials: FIXTURE_ACCOUNTS[0] });
 *
 * @module
 */
export type { Clock } from './clock.ts';
export type { Emulator, EmulatorOptions, EmulatorSnapshot } from './emulator.ts';
export { createEmulator } from './emulator.ts';
export { ERROR_CODES, type ErrorCode } from './error-codes.ts';
export type { FaultMatch, FaultSpec, Faults, InjectedFault } from './faults.ts';
export type { FixtureAccount, FixtureSubnet, FixtureVpc } from './fixtures.ts';
export { FIXTURE_ACCOUNTS } from './fixtures.ts';
export type { AddSubnetInput, AddVpcInput } from './network.ts';
export type { EmulatorServer, ListenOptions } from './node-server.ts';
export type { SeedOptions, SeedPeerConn } from './seed.ts';
export { DEFAULT_TRANSITIONS } from './transitions.ts';
export type {
  EmulatorAccount,
  EmulatorSubnet,
  EmulatorVpc,
  KnownDnsStatus,
  KnownPeerConnStatus,
  NexthopType,
  OperationName,
  PathType,
  PeerConnEnd,
  PeerConnRole,
  PeerConnRoutesPolicy,
  PeerConnState,
  PeerConnView,
  Reservation,
  RouteRuleView,
  RouteTableView,
  Tag,
  TransitionDurations,
} from './types.ts';
