import type { BceClient } from '@bcekit/core';
import { BceError, BceValidationError, createClientToken } from '@bcekit/core';
import { getVpc } from '@bcekit/vpc';
import * as v from 'valibot';
import { parseInput } from '../internal/run-operation.ts';
import { acceptPeerconn } from '../operations/accept-peerconn.ts';
import { createPeerconn } from '../operations/create-peerconn.ts';
import { getPeerconn } from '../operations/get-peerconn.ts';
import { openPeerconnDnsSync } from '../operations/open-peerconn-dns-sync.ts';
import { CreateBillingSchema } from '../schemas/billing.ts';
import { BandwidthSchema, ClientTokenSchema, IdSchema, RegionCodeSchema, TextSchema } from '../schemas/common.ts';
import type { DnsStatus, PeerConn, PeerConnStatus } from '../schemas/peerconn.ts';
import { waitForPeerconn } from '../wait-for-peerconn.ts';
import { cidrsOverlap, parseCidr } from './cidr.ts';
import { findConnection } from './find-connection.ts';
import { ensureRoutes } from './routes.ts';
import {
  ClientSchema,
  type ConnectStep,
  callOptions,
  peerSideClient,
  type Side,
  stepLog,
  stepToken,
  type WorkflowOptions,
  waitSettings,
} from './steps.ts';

const CidrListSchema = v.pipe(
  v.array(
    v.pipe(
      v.string('must be a CIDR block such as "10.1.0.0/16"'),
      v.check((cidr) => parseCidr(cidr) !== undefined, 'must be a CIDR block such as "10.1.0.0/16"'),
    ),
    'must be an array of CIDR blocks',
  ),
  v.minLength(1, 'must list at least one CIDR block (or be false for no route on this side)'),
);

/** Input of {@link connectVpcs}, checked before anything is sent. */
export const ConnectVpcsInputSchema = v.pipe(
  v.object({
    localVpcId: IdSchema,
    peerVpcId: IdSchema,
    peerRegion: RegionCodeSchema,
    bandwidthInMbps: BandwidthSchema,
    peerAccountId: v.optional(TextSchema),
    peerClient: v.optional(ClientSchema),
    routes: v.optional(
      v.union(
        [
          v.literal(false),
          v.object({
            local: v.optional(v.union([v.literal('peer-vpc'), v.literal(false), CidrListSchema]), 'peer-vpc'),
            peer: v.optional(v.union([v.literal('local-vpc'), v.literal(false), CidrListSchema]), 'local-vpc'),
          }),
        ],
        'must be false, or { local?, peer? } with "peer-vpc"/"local-vpc", a list of CIDR blocks, or false',
      ),
      {},
    ),
    dnsSync: v.optional(v.boolean('must be true or false'), false),
    description: v.optional(TextSchema),
    billing: CreateBillingSchema,
    deleteProtect: v.optional(v.boolean('must be true or false')),
    clientToken: v.optional(ClientTokenSchema),
  }),
  v.forward(
    v.check(
      (input) => input.localVpcId !== input.peerVpcId,
      'must differ from localVpcId: a VPC cannot be peered with itself',
    ),
    ['peerVpcId'],
  ),
  v.forward(
    v.check(
      (input) =>
        !input.peerAccountId || input.peerClient !== undefined || !input.routes || input.routes.local !== 'peer-vpc',
      "must list the CIDR blocks to route (or be false) for a cross-account connection without peerClient: the other account's VPC cannot be read with this client",
    ),
    ['routes', 'local'],
  ),
  v.forward(
    v.check(
      (input) =>
        !input.peerAccountId ||
        input.peerClient !== undefined ||
        !input.routes ||
        input.routes.peer === false ||
        input.routes.peer === 'local-vpc',
      'must be false or left out for a cross-account connection without peerClient: the other account routes its own side',
    ),
    ['routes', 'peer'],
  ),
);

/** What {@link connectVpcs} accepts. */
export type ConnectVpcsInput = v.InferInput<typeof ConnectVpcsInputSchema>;

/** Where {@link connectVpcs} left the two VPCs. */
export interface ConnectVpcsOutput {
  peerConnId: string;
  /** The connection's status as last read (from the local side). */
  status: PeerConnStatus;
  /**
   * `connected`: the connection is active and every side this call is responsible for routes to it;
   * `waiting-for-acceptance`: a cross-account connection the other account has yet to accept (call again later).
   */
  state: 'connected' | 'waiting-for-acceptance';
  /** The route rules of the local VPC that point at the connection (found or created). */
  localRouteRuleIds: string[];
  /** The route rules of the peer VPC that point at the connection (found or created); `[]` when not ours to make. */
  peerRouteRuleIds: string[];
  /** DNS sync status of the local side. */
  dnsStatus: DnsStatus;
  /** Every step this call took, in order. */
  steps: ConnectStep[];
}

/**
 * Peers two VPCs end to end: finds or creates the connection, accepts it with `peerClient` when the other side is
 * another account, waits until it is active, adds on each side a route rule sending the other VPC's CIDR to the
 * connection (`nexthopType: "peerConn"`, that side's interface `qpif-…`), and opens DNS sync when asked.
 *
 * Safe to call again after any failure: it finds what an earlier call made (the connection of the VPC pair, rules
 * with the same source and destination) and makes only what is missing, and every create carries a clientToken
 * derived from this call's, so a retried request whose answer was lost is not applied twice. Without `peerClient`
 * a cross-account connection ends `waiting-for-acceptance`; call again once the other account accepted.
 *
 * Nothing is created when the two VPC CIDRs overlap (a route to an overlapping block is refused by the service);
 * `routes: false` skips routing, and the check, for users who route by hand.
 *
 * @param client A client of the local VPC's account and region.
 * @param input The two VPCs, the bandwidth, and how to route.
 * @param options `onStep` for progress, waiter settings, and per-request `signal`, `timeout`, `retry`.
 * @throws {BceValidationError} when the input is invalid; nothing is sent.
 * @throws {BceError} when the CIDRs overlap, the pair's connection failed or was rejected, or a route is taken.
 * @example
 * const result = await connectVpcs(client, {
 *   localVpcId: 'vpc-a8n5p6qwxrmq', peerVpcId: 'vpc-ke3h0jajbkdz', peerRegion: 'bj', bandwidthInMbps: 10,
 * }, { onStep: (s) => console.log(s.step) });
 */
export async function connectVpcs(
  client: BceClient,
  input: ConnectVpcsInput,
  options?: WorkflowOptions,
): Promise<ConnectVpcsOutput> {
  const checked = parseInput('connectVpcs', ConnectVpcsInputSchema, input);
  const peerSide = peerSideClient('connectVpcs', client, checked);
  const call = callOptions(options);
  const log = stepLog(options);
  const token = checked.clientToken ?? createClientToken();
  const routes = checked.routes || { local: false as const, peer: false as const };

  // Read both CIDRs and check them before anything is created.
  const localCidr = await vpcCidr(client, checked.localVpcId, routes.local !== false || routes.peer === 'local-vpc');
  const peerCidr = peerSide
    ? await vpcCidr(peerSide, checked.peerVpcId, routes.peer !== false || routes.local === 'peer-vpc')
    : undefined;
  const localDestinations = destinations(routes.local, peerCidr);
  const peerDestinations = peerSide ? destinations(routes.peer, localCidr) : [];
  refuseOverlaps('local', checked.localVpcId, localCidr, localDestinations);
  refuseOverlaps('peer', checked.peerVpcId, peerCidr, peerDestinations);

  let pc = await findConnection(client, checked.localVpcId, checked.peerVpcId, call);
  if (pc) {
    log.record({ step: 'found', peerConnId: pc.peerConnId });
  } else {
    const { peerConnId } = await createPeerconn(
      client,
      {
        localVpcId: checked.localVpcId,
        peerVpcId: checked.peerVpcId,
        peerRegion: checked.peerRegion,
        bandwidthInMbps: checked.bandwidthInMbps,
        ...(checked.peerAccountId ? { peerAccountId: checked.peerAccountId } : {}),
        ...(checked.description ? { description: checked.description } : {}),
        ...(checked.billing ? { billing: checked.billing } : {}),
        ...(checked.deleteProtect === undefined ? {} : { deleteProtect: checked.deleteProtect }),
        clientToken: stepToken(token, 'create'),
      },
      call,
    );
    log.record({ step: 'created', peerConnId });
    pc = await getPeerconn(client, { peerConnId, role: 'initiator' }, call);
  }
  const { peerConnId } = pc;
  const localRole = pc.role === 'acceptor' ? 'acceptor' : 'initiator';
  const otherRole = localRole === 'initiator' ? 'acceptor' : 'initiator';
  // A new cross-account connection may read `creating` before it asks the other account (`consulting`): wait for
  // that, so it is accepted (with peerClient) or reported as waiting, rather than waited on until it is active.
  if (checked.peerAccountId && pc.status === 'creating') {
    pc = await waitForPeerconn(
      client,
      { peerConnId, until: 'consulting', role: localRole, ...waitSettings(options) },
      call,
    );
  }
  const failed = ['consult_failed', 'expired', 'error', 'down'];
  if (failed.includes(pc.status)) {
    throw new BceError(
      `connectVpcs: the connection ${peerConnId} between ${checked.localVpcId} and ${checked.peerVpcId} is "${pc.status}" and will not become active; delete it (deletePeerconn) and call again`,
      { operation: 'connectVpcs' },
    );
  }

  if (pc.status === 'consulting') {
    if (!peerSide) {
      log.record({ step: 'waiting-for-acceptance', peerConnId });
      return result(pc, 'waiting-for-acceptance', [], [], log.steps);
    }
    await acceptPeerconn(peerSide, { peerConnId, clientToken: stepToken(token, 'accept') }, call);
    log.record({ step: 'accepted', peerConnId });
  }
  if (pc.status !== 'active') {
    pc = await waitForPeerconn(
      client,
      { peerConnId, until: 'active', role: localRole, ...waitSettings(options) },
      call,
    );
  }
  log.record({ step: 'active', peerConnId });

  const localRouteRuleIds = await ensureRoutes(
    client,
    {
      side: 'local',
      vpcId: checked.localVpcId,
      interfaceId: interfaceOf(pc),
      destinations: localDestinations,
      peerConnId,
      token,
    },
    call,
    log.record,
  );
  let peerRouteRuleIds: string[] = [];
  const peerView = peerSide ? await getPeerconn(peerSide, { peerConnId, role: otherRole }, call) : undefined;
  if (peerSide && peerView) {
    peerRouteRuleIds = await ensureRoutes(
      peerSide,
      {
        side: 'peer',
        vpcId: checked.peerVpcId,
        interfaceId: interfaceOf(peerView),
        destinations: peerDestinations,
        peerConnId,
        token,
      },
      call,
      log.record,
    );
  }

  if (checked.dnsSync) {
    pc = await openDns(client, pc, 'local', localRole, token, options, log.record);
    if (peerSide && peerView) await openDns(peerSide, peerView, 'peer', otherRole, token, options, log.record);
  }
  return result(pc, 'connected', localRouteRuleIds, peerRouteRuleIds, log.steps);
}

function result(
  pc: PeerConn,
  state: ConnectVpcsOutput['state'],
  localRouteRuleIds: string[],
  peerRouteRuleIds: string[],
  steps: ConnectStep[],
): ConnectVpcsOutput {
  return {
    peerConnId: pc.peerConnId,
    status: pc.status,
    state,
    localRouteRuleIds,
    peerRouteRuleIds,
    dnsStatus: pc.dnsStatus,
    steps,
  };
}

async function vpcCidr(client: BceClient, vpcId: string, needed: boolean): Promise<string | undefined> {
  if (!needed) return undefined;
  return (await getVpc(client, { vpcId })).cidr;
}

function destinations(route: readonly string[] | string | false, otherCidr: string | undefined): string[] {
  if (route === false) return [];
  if (typeof route === 'string') return otherCidr ? [otherCidr] : [];
  return [...route];
}

function refuseOverlaps(side: Side, vpcId: string, own: string | undefined, targets: readonly string[]) {
  const clash = own ? targets.find((cidr) => cidrsOverlap(own, cidr)) : undefined;
  if (own && clash) {
    throw new BceValidationError('connectVpcs', [
      {
        path: `routes.${side}`,
        message: `${clash} overlaps ${vpcId}'s own CIDR ${own}, so no route to it can be added on that side; peer VPCs whose CIDRs do not overlap, or pass routes: false to route by hand`,
      },
    ]);
  }
}

function interfaceOf(pc: PeerConn): string {
  if (pc.localIfId) return pc.localIfId;
  throw new BceError(`connectVpcs: the service gave no interface id (localIfId) for ${pc.peerConnId} (${pc.role})`, {
    operation: 'connectVpcs',
  });
}

async function openDns(
  client: BceClient,
  pc: PeerConn,
  side: Side,
  role: 'initiator' | 'acceptor',
  token: string,
  options: WorkflowOptions | undefined,
  record: (step: ConnectStep) => void,
): Promise<PeerConn> {
  const call = callOptions(options);
  const { peerConnId } = pc;
  if (pc.dnsStatus === 'close') {
    await openPeerconnDnsSync(client, { peerConnId, role, clientToken: stepToken(token, `dns-${role[0]}`) }, call);
  }
  if (pc.dnsStatus !== 'open') {
    pc = await waitForPeerconn(
      client,
      { peerConnId, until: { dnsStatus: 'open' }, role, ...waitSettings(options) },
      call,
    );
  }
  record({ step: 'dns-opened', peerConnId, side });
  return pc;
}
