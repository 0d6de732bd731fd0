import { FIXTURE_ACCOUNTS } from './fixtures.ts';
import { randomId } from './ids.ts';
import { putVpc } from './network.ts';
import { checkPeering, type PendingPeerings } from './rules/create.ts';
import { addMonths } from './rules/validate.ts';
import { type EmulatorState, insertRecord, issuePeerConnId } from './state.ts';
import type { EmulatorVpc, KnownPeerConnStatus, PeerConnRecord, PeerConnSide, Tag } from './types.ts';

/** A peer connection for `emulator.seedPeerConns()`, stored as if it had been created (and accepted) earlier. */
export interface SeedPeerConn {
  /** The initiator's VPC (it must exist); its account is the initiator. */
  localVpcId: string;
  /** The acceptor's VPC (it must exist); a VPC of another account makes a cross-account connection. */
  peerVpcId: string;
  /** A stable status; `consulting` only for cross-account connections (it fails `consultTimeout` after `createdTime`). @default 'active' */
  status?: Extract<KnownPeerConnStatus, 'active' | 'consulting' | 'consult_failed' | 'down' | 'error'>;
  /** @default 10 */
  bandwidthInMbps?: number;
  /** `Prepaid` needs VPCs in different regions, as for create. @default 'Postpaid' */
  paymentTiming?: 'Prepaid' | 'Postpaid';
  /** End of a prepaid term, ms since the epoch (in the past: the connection turns `expired`). @default one month after `createdTime` */
  expiredTime?: number;
  /** Creation time, ms since the epoch. @default the emulator's service time */
  createdTime?: number;
  /** The initiator side's description and interface name. @default '' */
  description?: string;
  localIfName?: string;
  tags?: readonly Tag[];
  /** @default false */
  deleteProtect?: boolean;
  resourceGroupId?: string;
}

/** Options of `emulator.seedPeerConns(count, options)`. */
export interface SeedOptions {
  /** Account that owns the new VPCs and connections. @default the fixture account alice */
  accountId?: string;
  /** Region of the new VPCs. @default 'bj' */
  region?: string;
}

const SEED_STATUSES: ReadonlySet<string> = new Set(['active', 'consulting', 'consult_failed', 'down', 'error']);

function side(vpc: EmulatorVpc, ifName: string, description: string): PeerConnSide {
  return {
    accountId: vpc.accountId,
    vpcId: vpc.vpcId,
    region: vpc.region,
    ifId: randomId('qpif-'),
    ifName,
    description,
    dnsStatus: 'close',
  };
}

/** Pairs `count` times two new VPCs of one account: the input of a numeric `seedPeerConns`. */
function generate(state: EmulatorState, now: number, count: number, options: SeedOptions): SeedPeerConn[] {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`seedPeerConns: count must be an integer >= 0 (got ${count})`);
  }
  const accountId = options.accountId ?? FIXTURE_ACCOUNTS[0].accountId;
  if (!state.accounts.has(accountId)) {
    throw new Error(`seedPeerConns: no account ${accountId}; pass options.accountId of an added account`);
  }
  const region = options.region ?? 'bj';
  const out: SeedPeerConn[] = [];
  for (let i = 0; i < count; i++) {
    const [local, peer] = [putVpc(state, { accountId, region }, now), putVpc(state, { accountId, region }, now)];
    out.push({ localVpcId: local.vpcId, peerVpcId: peer.vpcId });
  }
  return out;
}

/**
 * Checks every input like create checks a request (VPCs exist and differ, one connection per VPC pair, the
 * quota, same-region postpaid), then stores them all in creation order. Throws before storing any when one is
 * wrong. Returns the new ids. @internal
 */
export function seedPeerConns(
  state: EmulatorState,
  now: number,
  input: number | readonly SeedPeerConn[],
  options: SeedOptions = {},
): string[] {
  const items = typeof input === 'number' ? generate(state, now, input, options) : input;
  const pending: PendingPeerings = { pairs: new Set(), added: new Map() };
  const checked = items.map((item, i) => {
    const problem = (text: string): never => {
      throw new Error(`seedPeerConns: [${i}] ${text}`);
    };
    const vpc = (vpcId: string) =>
      state.vpcs.get(vpcId) ?? problem(`no VPC ${JSON.stringify(vpcId)}; add it with addVpc first`);
    const local = vpc(item.localVpcId);
    const peer = vpc(item.peerVpcId);
    const status = item.status ?? 'active';
    if (!SEED_STATUSES.has(status)) problem(`status must be one of ${[...SEED_STATUSES].join(', ')}`);
    const crossAccount = local.accountId !== peer.accountId;
    if (status === 'consulting' && !crossAccount) problem('only cross-account connections can be consulting');
    const paymentTiming = item.paymentTiming ?? 'Postpaid';
    if (paymentTiming !== 'Prepaid' && paymentTiming !== 'Postpaid') {
      problem('paymentTiming must be "Prepaid" or "Postpaid"');
    }
    try {
      checkPeering(state, local, peer, paymentTiming, pending);
    } catch (error) {
      problem((error as Error).message);
    }
    const bandwidthInMbps = item.bandwidthInMbps ?? 10;
    if (!Number.isInteger(bandwidthInMbps) || bandwidthInMbps < 1) problem('bandwidthInMbps must be an integer >= 1');
    return { item, local, peer, status, crossAccount, paymentTiming, bandwidthInMbps };
  });

  return checked.map(({ item, local, peer, status, crossAccount, paymentTiming, bandwidthInMbps }) => {
    const { peerConnId, seq } = issuePeerConnId(state);
    const createdTime = item.createdTime ?? now;
    const record: PeerConnRecord = {
      peerConnId,
      seq,
      crossAccount,
      initiator: side(local, item.localIfName ?? '', item.description ?? ''),
      acceptor: side(peer, '', ''),
      status,
      bandwidthInMbps,
      paymentTiming,
      createdTime,
      tags: (item.tags ?? []).map(({ tagKey, tagValue }) => ({ tagKey, tagValue })),
      deleteProtect: item.deleteProtect ?? false,
    };
    if (item.resourceGroupId) record.resourceGroupId = item.resourceGroupId;
    if (paymentTiming === 'Prepaid') record.expiredTime = item.expiredTime ?? addMonths(createdTime, 1);
    if (status === 'consulting') record.consultDeadline = createdTime + state.durations.consultTimeout;
    insertRecord(state, record);
    state.counters.created++;
    return peerConnId;
  });
}
