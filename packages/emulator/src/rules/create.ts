import { fail } from '../error-response.ts';
import { randomId } from '../ids.ts';
import { findPeering, insertRecord, issuePeerConnId } from '../state.ts';
import { startTransition } from '../transitions.ts';
import type { EmulatorVpc, PeerConnRecord, Tag } from '../types.ts';
import type { OperationContext, OperationResult } from './context.ts';
import { addMonths, booleanField, positiveIntField, requireObject, reservationField, stringField } from './validate.ts';

function parseTags(value: unknown): Tag[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) fail(400, 'InvalidParameterValue', 'tags must be an array of {tagKey, tagValue}');
  return value.map((tag, i) => {
    const { tagKey, tagValue = '' } = (tag ?? {}) as Record<string, unknown>;
    if (typeof tagKey !== 'string' || !tagKey || typeof tagValue !== 'string') {
      fail(400, 'InvalidParameterValue', `tags[${i}] must be {tagKey: non-empty string, tagValue: string}`);
    }
    return { tagKey, tagValue };
  });
}

function findVpc(ctx: OperationContext, vpcId: string, accountId: string, region: string, what: string): EmulatorVpc {
  const vpc = ctx.state.vpcs.get(vpcId);
  if (!vpc || vpc.accountId !== accountId || vpc.region !== region) {
    fail(404, 'NoSuchVpc', `${what} ${vpcId} does not exist in region ${region} of account ${accountId}`);
  }
  return vpc;
}

const NONE: readonly PeerConnRecord[] = [];

/** The connections with an end in this VPC, in creation order (an index lookup). */
function connectionsOf(ctx: OperationContext, vpcId: string): readonly PeerConnRecord[] {
  return ctx.state.byVpc.get(vpcId) ?? NONE;
}

/**
 * `POST /v1/peerconn`. Rules, in the order checked: body shape; local and peer VPC differ
 * (`SameVpcNotAllowed`); the local VPC is the caller's (and in the endpoint's region when the host names one),
 * the peer VPC is in `peerRegion` and belongs to `peerAccountId` or, without it, to the caller (`NoSuchVpc`);
 * one connection per VPC pair in either direction (`PeerConnAlreadyExists`); at most `quotaPerVpc` per VPC
 * (`QuotaExceeded`); same-region connections are postpaid only (`SameRegionPostpaidOnly`).
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
    fail(400, 'InvalidParameterValue', 'peerIfName is only allowed for same-account connections');
  }
  const billing = (body['billing'] ?? {}) as Record<string, unknown>;
  if (typeof billing !== 'object' || Array.isArray(billing))
    fail(400, 'InvalidParameterValue', 'billing must be an object');
  const paymentTiming = billing['paymentTiming'] ?? 'Postpaid';
  if (paymentTiming !== 'Prepaid' && paymentTiming !== 'Postpaid') {
    fail(400, 'InvalidParameterValue', 'billing.paymentTiming must be "Prepaid" or "Postpaid"');
  }
  const reservation = reservationField(billing['reservation']);
  const tags = parseTags(body['tags']);
  const deleteProtect = booleanField(body, 'deleteProtect') ?? false;

  if (localVpcId === peerVpcId) fail(400, 'SameVpcNotAllowed', 'localVpcId and peerVpcId must be different VPCs');
  const localVpc = ctx.state.vpcs.get(localVpcId);
  const localRegion = ctx.hostRegion ?? localVpc?.region ?? '';
  findVpc(ctx, localVpcId, ctx.accountId, localRegion, 'local VPC');
  findVpc(ctx, peerVpcId, peerAccountId, peerRegion, 'peer VPC');
  const duplicate = findPeering(ctx.state, localVpcId, peerVpcId);
  if (duplicate) {
    fail(
      409,
      'PeerConnAlreadyExists',
      `VPCs ${localVpcId} and ${peerVpcId} are already peered by ${duplicate.peerConnId}`,
    );
  }
  for (const vpcId of [localVpcId, peerVpcId]) {
    if (connectionsOf(ctx, vpcId).length >= ctx.state.quotaPerVpc) {
      fail(400, 'QuotaExceeded', `VPC ${vpcId} already has ${ctx.state.quotaPerVpc} peer connections (the quota)`);
    }
  }
  if (localRegion === peerRegion && paymentTiming === 'Prepaid') {
    fail(400, 'SameRegionPostpaidOnly', 'same-region peer connections are postpaid only');
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
