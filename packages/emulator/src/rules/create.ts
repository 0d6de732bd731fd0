import { fail } from '../error-response.ts';
import { randomId } from '../ids.ts';
import { type EmulatorState, findPeering, insertRecord, issuePeerConnId } from '../state.ts';
import { startTransition } from '../transitions.ts';
import type { EmulatorVpc, PeerConnRecord, Tag } from '../types.ts';
import type { OperationContext, OperationResult } from './context.ts';
import { addMonths, booleanField, positiveIntField, requireObject, reservationField, stringField } from './validate.ts';

function parseTags(value: unknown): Tag[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) fail('InvalidParameterValue', 'tags must be an array of {tagKey, tagValue}');
  return value.map((tag, i) => {
    const { tagKey, tagValue = '' } = (tag ?? {}) as Record<string, unknown>;
    if (typeof tagKey !== 'string' || !tagKey || typeof tagValue !== 'string') {
      fail('InvalidParameterValue', `tags[${i}] must be {tagKey: non-empty string, tagValue: string}`);
    }
    return { tagKey, tagValue };
  });
}

function findVpc(ctx: OperationContext, vpcId: string, accountId: string, region: string, what: string): EmulatorVpc {
  const vpc = ctx.state.vpcs.get(vpcId);
  if (!vpc || vpc.accountId !== accountId || vpc.region !== region) {
    fail('NoSuchVpc', `${what} ${vpcId} does not exist in region ${region} of account ${accountId}`);
  }
  return vpc;
}

/** Connections stored by `seedPeerConns` before the batch is committed, so that it is checked as a whole. @internal */
export interface PendingPeerings {
  pairs: Set<string>;
  added: Map<string, number>;
}

/**
 * The create rules about the two VPCs, for `createPeerconn` and `seedPeerConns` alike: they differ
 * (`SameVpcNotAllowed`); they are not peered yet in either direction (`PeerConnAlreadyExists`); neither has
 * `quotaPerVpc` connections (`QuotaExceeded`); a same-region connection is postpaid (`SameRegionPostpaidOnly`).
 * With `pending`, the batch's earlier connections count too, and this one joins them.
 * @internal
 */
export function checkPeering(
  state: EmulatorState,
  local: EmulatorVpc,
  peer: EmulatorVpc,
  paymentTiming: 'Prepaid' | 'Postpaid',
  pending?: PendingPeerings,
): void {
  if (local.vpcId === peer.vpcId) fail('SameVpcNotAllowed', 'localVpcId and peerVpcId must be different VPCs');
  const pair = local.vpcId < peer.vpcId ? `${local.vpcId} ${peer.vpcId}` : `${peer.vpcId} ${local.vpcId}`;
  const existing = findPeering(state, local.vpcId, peer.vpcId);
  if (existing || pending?.pairs.has(pair)) {
    const by = existing ? ` by ${existing.peerConnId}` : '';
    fail('PeerConnAlreadyExists', `VPCs ${local.vpcId} and ${peer.vpcId} are already peered${by}`);
  }
  for (const vpcId of [local.vpcId, peer.vpcId]) {
    const count = (state.byVpc.get(vpcId)?.length ?? 0) + (pending?.added.get(vpcId) ?? 0);
    if (count >= state.quotaPerVpc) {
      fail('QuotaExceeded', `VPC ${vpcId} already has ${state.quotaPerVpc} peer connections (the quota)`);
    }
  }
  if (local.region === peer.region && paymentTiming === 'Prepaid') {
    fail('SameRegionPostpaidOnly', 'same-region peer connections are postpaid only');
  }
  if (!pending) return;
  pending.pairs.add(pair);
  for (const vpcId of [local.vpcId, peer.vpcId]) pending.added.set(vpcId, (pending.added.get(vpcId) ?? 0) + 1);
}

/**
 * `POST /v1/peerconn`. Rules, in the order checked: body shape; local and peer VPC differ
 * (`SameVpcNotAllowed`); the local VPC is the caller's (and in the endpoint's region when the host names one),
 * the peer VPC is in `peerRegion` and belongs to `peerAccountId` or, without it, to the caller (`NoSuchVpc`);
 * one connection per VPC pair in either direction (`PeerConnAlreadyExists`); at most `quotaPerVpc` per VPC
 * (`QuotaExceeded`); same-region connections are postpaid only (`SameRegionPostpaidOnly`); at most
 * `quotaPerUser` per account, the accounts of both ends checked (`QuotaExceeded`).
 * Same-account connections go `creating` → `active`; cross-account ones wait in `consulting`.
 * @internal
 */
export function createPeerconn(ctx: OperationContext): OperationResult {
  const body = requireObject(ctx.body, 'createPeerconn');
  const bandwidthInMbps = positiveIntField(body, 'bandwidthInMbps');
  const localVpcId = stringField(body, 'localVpcId', true)!;
  const peerVpcId = stringField(body, 'peerVpcId', true)!;
  const peerRegion = stringField(body, 'peerRegion', true)!;
  const peerAccountId = stringField(body, 'peerAccountId') ?? ctx.accountId;
  const crossAccount = peerAccountId !== ctx.accountId;
  const peerIfName = stringField(body, 'peerIfName');
  if (crossAccount && peerIfName !== undefined) {
    fail('InvalidParameterValue', 'peerIfName is only allowed for same-account connections');
  }
  const billing = (body['billing'] ?? {}) as Record<string, unknown>;
  if (typeof billing !== 'object' || Array.isArray(billing)) fail('InvalidParameterValue', 'billing must be an object');
  const paymentTiming = billing['paymentTiming'] ?? 'Postpaid';
  if (paymentTiming !== 'Prepaid' && paymentTiming !== 'Postpaid') {
    fail('InvalidParameterValue', 'billing.paymentTiming must be "Prepaid" or "Postpaid"');
  }
  const reservation = reservationField(billing['reservation']);
  const tags = parseTags(body['tags']);
  const deleteProtect = booleanField(body, 'deleteProtect') ?? false;

  if (localVpcId === peerVpcId) fail('SameVpcNotAllowed', 'localVpcId and peerVpcId must be different VPCs');
  const localVpc = ctx.state.vpcs.get(localVpcId);
  const localRegion = ctx.hostRegion ?? localVpc?.region ?? '';
  findVpc(ctx, localVpcId, ctx.accountId, localRegion, 'local VPC');
  findVpc(ctx, peerVpcId, peerAccountId, peerRegion, 'peer VPC');
  checkPeering(ctx.state, localVpc!, ctx.state.vpcs.get(peerVpcId)!, paymentTiming);
  // Per account as well as per VPC (seedPeerConns does not check this one, so one account can hold thousands).
  for (const accountId of new Set([ctx.accountId, peerAccountId])) {
    if ((ctx.state.byAccount.get(accountId)?.length ?? 0) >= ctx.state.quotaPerUser) {
      fail(
        'QuotaExceeded',
        `account ${accountId} already has ${ctx.state.quotaPerUser} peer connections (the quota per user)`,
      );
    }
  }

  const { peerConnId, seq } = issuePeerConnId(ctx.state);
  const record: PeerConnRecord = {
    peerConnId,
    seq,
    crossAccount,
    initiator: {
      accountId: ctx.accountId,
      vpcId: localVpcId,
      region: localRegion,
      ifId: randomId('qpif-'),
      ifName: stringField(body, 'localIfName') ?? '',
      description: stringField(body, 'description') ?? '',
      dnsStatus: 'close',
    },
    acceptor: {
      accountId: peerAccountId,
      vpcId: peerVpcId,
      region: peerRegion,
      ifId: randomId('qpif-'),
      ifName: peerIfName ?? '',
      description: '',
      dnsStatus: 'close',
    },
    status: 'consulting',
    bandwidthInMbps,
    paymentTiming,
    createdTime: ctx.now,
    tags,
    deleteProtect,
  };
  const resourceGroupId = stringField(body, 'resourceGroupId');
  if (resourceGroupId) record.resourceGroupId = resourceGroupId;
  if (paymentTiming === 'Prepaid') record.expiredTime = addMonths(ctx.now, reservation.reservationLength);
  if (crossAccount) record.consultDeadline = ctx.now + ctx.state.durations.consultTimeout;
  else startTransition(record, 'creating', 'active', ctx.now, ctx.state.durations.creating);
  insertRecord(ctx.state, record);
  ctx.state.counters.created++;
  return { peerConnId };
}
