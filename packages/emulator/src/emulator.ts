import { type Clock, createClock } from './clock.ts';
import { createFaults, type Faults } from './faults.ts';
import { FIXTURE_ACCOUNTS } from './fixtures.ts';
import { handleRequest } from './handle-request.ts';
import { randomId } from './ids.ts';
import {
  type AddSubnetInput,
  type AddVpcInput,
  publicSubnet,
  publicVpc,
  putSubnet,
  putVpc,
  type VpcRecord,
} from './network.ts';
import { routeTableView } from './network-views.ts';
import { type EmulatorServer, type ListenOptions, listen } from './node-server.ts';
import { type SeedOptions, type SeedPeerConn, seedPeerConns } from './seed.ts';
import { createState, putAccount, settleDue } from './state.ts';
import { DEFAULT_TRANSITIONS } from './transitions.ts';
import type {
  EmulatorAccount,
  EmulatorSubnet,
  EmulatorVpc,
  KnownPeerConnStatus,
  PeerConnEnd,
  PeerConnRecord,
  PeerConnRoutesPolicy,
  PeerConnSide,
  PeerConnState,
  RouteTableView,
  TransitionDurations,
} from './types.ts';
import { markInProcess } from './verify-signature.ts';

/** Options of {@link createEmulator}. */
export interface EmulatorOptions {
  /** Start time of the clock, ms since the epoch. @default Date.now() */
  now?: number;
  /** Service time follows real time (plus `clock.advance`); `false` moves it only by `advance`. @default true */
  realTime?: boolean;
  /** Start with {@link FIXTURE_ACCOUNTS} and their VPCs. @default true */
  seed?: boolean;
  /** Durations of the time-driven states; missing ones take the defaults. */
  transitions?: Partial<TransitionDurations>;
  /** Peer connections allowed per VPC (either end). @default 10 */
  quotaPerVpc?: number;
  /**
   * Peer connections allowed per account (either end), checked on create for both accounts; `seedPeerConns`
   * ignores it, so you can load thousands. @default 10
   */
  quotaPerUser?: number;
  /**
   * What deleting or refunding a peer connection does to the route rules through it (undocumented by the
   * service; an assumption of the emulator): `refuse` (409 `PeerConnInUse` until the rules are gone), `remove`
   * them, or `keep` them dangling. @default 'refuse'
   */
  peerConnRoutes?: PeerConnRoutesPolicy;
}

/** A plain, detached copy of the emulator's state (no secrets). */
export interface EmulatorSnapshot {
  /** Service time, ISO 8601. */
  now: string;
  accounts: { accountId: string; accessKeyIds: string[] }[];
  vpcs: EmulatorVpc[];
  subnets: EmulatorSubnet[];
  /** Every VPC's route table with all its rules (`sys` rules first, with an empty `routeRuleId`). */
  routeTables: RouteTableView[];
  /** Every existing peer connection with both ends, in creation order. Times are ms since the epoch. */
  peerConns: PeerConnState[];
  counts: {
    /** Existing peer connections (deleted ones are gone; `deleting` ones still count). */
    peerConns: number;
    /** Route rules made by users (`sys` rules not counted). */
    routeRules: number;
    byStatus: Partial<Record<KnownPeerConnStatus, number>>;
    /** Connections ever created / removed after deletion or refund. */
    created: number;
    deleted: number;
    /** Requests received (preflights excluded) / answered with an error. */
    requests: number;
    rejected: number;
  };
}

/** An in-memory BCE VPC host (`bcc.{region}.baidubce.com`): VPCs, subnets, route tables, peer connections. */
export interface Emulator {
  /** The core: answers one standard `Request`. A dropped connection (fault) is `Response.error()`. */
  handle(request: Request): Promise<Response>;
  /**
   * A `fetch` served by the emulator, for `createClient({ fetch: emulator.fetch, endpoint })`. Any host works;
   * `bcc.{region}.baidubce.com` also tells create which region the local VPC must be in. A dropped
   * connection rejects with `TypeError`, like a real network failure.
   */
  fetch: typeof fetch;
  /**
   * An msw resolver, so the emulator needs no msw import of its own:
   * `setupServer(http.all('https://bcc.bj.baidubce.com/*', emulator.mswResolver))`.
   */
  mswResolver(info: { request: Request }): Promise<Response>;
  /** Adds an account (ids and keys are generated when omitted); returns it with its secret. */
  addAccount(input?: Partial<EmulatorAccount>): EmulatorAccount;
  /** A new STS-style key of an account: requests must send `sessionToken` as a signed `x-bce-security-token`. */
  issueTemporaryCredentials(
    accountId: string,
  ): Required<Pick<EmulatorAccount, 'accessKeyId' | 'secretAccessKey' | 'sessionToken'>>;
  /** Adds a VPC (and its default route table) to an existing account; without `cidr` it gets the next `10.x.y.0/24`. */
  addVpc(input: AddVpcInput): EmulatorVpc;
  /**
   * Adds a subnet to a VPC: its CIDR lies inside the VPC's and overlaps no other subnet of it. The VPC's route
   * table gains the subnet's `sys` rule, and route rules may then use sources inside it.
   * @example
   * const vpc = emulator.addVpc({ accountId: alice.accountId, region: 'bj', cidr: '10.8.0.0/16' });
   * emulator.addSubnet({ vpcId: vpc.vpcId, cidr: '10.8.1.0/24', zoneName: 'cn-bj-a' });
   */
  addSubnet(input: AddSubnetInput): EmulatorSubnet;
  /**
   * Loads peer connections straight into the state, as if they had been created earlier, e.g. thousands for
   * your own pagination tests; much faster than creating them through the API. A number makes that many
   * `active` postpaid same-account connections, each between two new VPCs of `options.accountId` (default:
   * alice) in `options.region` (default `bj`). Each input is checked as create checks a request (VPCs exist and
   * differ, one connection per VPC pair, `quotaPerVpc`, same-region postpaid only; not `quotaPerUser`); when one
   * is wrong it throws and loads none. Returns the new ids in creation order, the order lists return them in.
   * @example
   * const ids = emulator.seedPeerConns(2_500); // alice now has 2,500 connections: 3 pages at maxKeys 1000
   * emulator.seedPeerConns([{ localVpcId: 'vpc-alicebj00001', peerVpcId: 'vpc-bobgz000001', status: 'consulting' }]);
   */
  seedPeerConns(input: number | readonly SeedPeerConn[], options?: SeedOptions): string[];
  /** The clock; `clock.advance(ms)` fast-forwards transitional states and the 7-day consultation. */
  clock: Clock;
  /** Fault injection. */
  faults: Faults;
  /** A snapshot of the state after applying every transition due now. */
  state(): EmulatorSnapshot;
  /**
   * Resolves when no request is being handled (at once when none is), including requests that arrive
   * meanwhile: e.g. let requests whose clients gave up during an `applyAfterDisconnect` delay land before
   * reading `state()`, instead of waiting a fixed time.
   */
  idle(): Promise<void>;
  /**
   * Serves the emulator over node:http (Node, Bun, Deno) on 127.0.0.1 by default. A client that disconnects
   * before its response is sent aborts the request's signal (ending an injected delay).
   */
  listen(options?: ListenOptions): Promise<EmulatorServer>;
}

/**
 * Creates an offline emulator of the BCE VPC host: VPCs, subnets, route tables and rules, peer connections, with
 * signature checks, idempotency, the service's rules, time-driven states, pagination, BCE-shaped errors and CORS. See the package README for the rules
 * and error codes.
 *
 * @example
 * import { createEmulator, FIXTURE_ACCOUNTS } from '@bcekit/emulator';
 * const emulator = createEmulator();
 * const server = await emulator.listen({ port: 8080 });
 * const client = createClient({ endpoint: server.url, credentials: FIXTURE_ACCOUNTS[0] });
 */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const clockOptions: { now?: number; realTime?: boolean } = {};
  if (options.now !== undefined) clockOptions.now = options.now;
  if (options.realTime !== undefined) clockOptions.realTime = options.realTime;
  const clock = createClock(clockOptions);
  const state = createState(
    { ...DEFAULT_TRANSITIONS, ...options.transitions },
    options.quotaPerVpc ?? 10,
    options.quotaPerUser ?? 10,
    options.peerConnRoutes ?? 'refuse',
  );
  const faults = createFaults();
  if (options.seed ?? true) {
    for (const { name: _name, vpcs, ...account } of FIXTURE_ACCOUNTS) {
      putAccount(state, account);
      for (const { subnets, ...vpc } of vpcs) {
        putVpc(state, vpc, clock.now());
        for (const subnet of subnets) putSubnet(state, { vpcId: vpc.vpcId, ...subnet }, clock.now());
      }
    }
  }
  let inFlight = 0;
  let idleWaiters: (() => void)[] = [];
  const track = async <T>(work: () => Promise<T>): Promise<T> => {
    inFlight++;
    try {
      return await work();
    } finally {
      if (--inFlight === 0) {
        const waiters = idleWaiters;
        idleWaiters = [];
        for (const resolve of waiters) resolve();
      }
    }
  };
  const handle = (request: Request) => track(() => handleRequest({ state, clock, faults }, request));
  const emulatorFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    // Like a real fetch: an aborted signal sends nothing, and an abort rejects at once (the emulator may still
    // finish the request, as a server would).
    if (request.signal.aborted) throw request.signal.reason;
    const response = await untilAborted(handle(markInProcess(request)), request.signal);
    if (response.type === 'error') throw new TypeError('fetch failed: connection dropped (emulator fault)');
    return response;
  };
  return {
    handle,
    fetch: emulatorFetch as typeof fetch,
    mswResolver: ({ request }) => handle(markInProcess(request)),
    addAccount: (input = {}) => putAccount(state, input),
    issueTemporaryCredentials(accountId) {
      if (!state.accounts.has(accountId)) throw new Error(`issueTemporaryCredentials: no account ${accountId}`);
      const sessionToken = randomId('sts-', 40);
      const { accessKeyId, secretAccessKey } = putAccount(state, { accountId, sessionToken });
      return { accessKeyId, secretAccessKey, sessionToken };
    },
    addVpc: (input) => putVpc(state, input, clock.now()),
    addSubnet: (input) => putSubnet(state, input, clock.now()),
    seedPeerConns: (input, seedOptions) => seedPeerConns(state, clock.now(), input, seedOptions),
    clock,
    faults,
    state: () => snapshot(state, clock),
    idle: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve))),
    listen: (listenOptions) => listen(handle, listenOptions, track),
  };
}

/** `work`, or a rejection with the signal's reason as soon as it aborts. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function snapshot(state: ReturnType<typeof createState>, clock: Clock): EmulatorSnapshot {
  settleDue(state, clock.now());
  const keys = new Map<string, string[]>();
  for (const [accessKeyId, { accountId }] of state.credentials)
    keys.set(accountId, [...(keys.get(accountId) ?? []), accessKeyId]);
  const peerConns = [...state.peerConns.values()].sort((a, b) => a.seq - b.seq).map(publicPeerConn);
  const byStatus: Partial<Record<KnownPeerConnStatus, number>> = {};
  for (const record of peerConns) byStatus[record.status] = (byStatus[record.status] ?? 0) + 1;
  return {
    now: new Date(clock.now()).toISOString(),
    accounts: [...state.accounts.keys()].map((accountId) => ({ accountId, accessKeyIds: keys.get(accountId) ?? [] })),
    vpcs: [...state.vpcs.values()].map(publicVpc),
    subnets: [...state.net.subnets.values()].map(publicSubnet),
    routeTables: [...state.vpcs.values()].map((vpc: VpcRecord) => routeTableView(state, vpc)),
    peerConns,
    counts: { peerConns: peerConns.length, routeRules: state.net.routeRules.size, byStatus, ...state.counters },
  };
}

function publicEnd({ dnsSettlesAt: _at, ...end }: PeerConnSide): PeerConnEnd {
  return end;
}

/** A detached copy of a record without the emulator's bookkeeping (creation order, pending transitions). */
function publicPeerConn(record: PeerConnRecord): PeerConnState {
  const {
    seq: _seq,
    statusSettlesAt: _s,
    nextStatus: _n,
    consultDeadline: _c,
    initiator,
    acceptor,
    tags,
    ...rest
  } = record;
  return {
    ...rest,
    initiator: publicEnd(initiator),
    acceptor: publicEnd(acceptor),
    tags: tags.map((tag) => ({ ...tag })),
  };
}
