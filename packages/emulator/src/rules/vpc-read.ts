import { fail } from '../error-response.ts';
import type { SubnetRecord, VpcRecord } from '../network.ts';
import { subnetView, vpcDetailView, vpcView } from '../network-views.ts';
import type { OperationContext, OperationResult } from './context.ts';
import { page } from './page.ts';

/** The caller's VPC with this id, or 404 `NoSuchObject` (another account's VPC is not found either). @internal */
export function ownVpc(ctx: OperationContext, vpcId: string): VpcRecord {
  const vpc = ctx.state.vpcs.get(vpcId) as VpcRecord | undefined;
  if (!vpc || vpc.accountId !== ctx.accountId || !inHostRegion(ctx, vpc)) {
    fail('NoSuchObject', `no VPC ${vpcId} in this account${ctx.hostRegion ? ` and region ${ctx.hostRegion}` : ''}`);
  }
  return vpc;
}

/** A host `bcc.{region}.baidubce.com` serves that region only; other hosts (127.0.0.1) serve every region. */
function inHostRegion(ctx: OperationContext, item: { region: string }): boolean {
  return ctx.hostRegion === undefined || item.region === ctx.hostRegion;
}

function idList(value: string | undefined): Set<string> | undefined {
  if (value === undefined || value === '') return undefined;
  return new Set(value.split(',').map((id) => id.trim()));
}

/**
 * `GET /v1/vpc?marker=&maxKeys=&isDefault=&vpcIds=`: the caller's VPCs in creation order. `isDefault` is `true` or
 * `false` in any case (Python sends `True`), `vpcIds` a comma-separated list.
 * @internal
 */
export function listVpcs(ctx: OperationContext): OperationResult {
  const isDefaultText = ctx.query['isDefault'];
  let isDefault: boolean | undefined;
  if (isDefaultText !== undefined && isDefaultText !== '') {
    const lower = isDefaultText.toLowerCase();
    if (lower !== 'true' && lower !== 'false') {
      fail('InvalidParameterValue', `isDefault must be true or false (got ${JSON.stringify(isDefaultText)})`);
    }
    isDefault = lower === 'true';
  }
  const ids = idList(ctx.query['vpcIds']);
  const list = ctx.state.net.vpcsByAccount.get(ctx.accountId) ?? [];
  return page(
    ctx,
    list,
    'vpc',
    'vpcs',
    (v) => v.vpcId,
    vpcView,
    (vpc) => {
      if (!inHostRegion(ctx, vpc)) return false;
      if (isDefault !== undefined && vpc.isDefault !== isDefault) return false;
      return ids === undefined || ids.has(vpc.vpcId);
    },
  );
}

/** `GET /v1/vpc/{vpcId}`: `{vpc}` with `relay` and the VPC's subnets. @internal */
export function getVpc(ctx: OperationContext): OperationResult {
  return { vpc: vpcDetailView(ctx.state, ownVpc(ctx, ctx.resourceId)) };
}

/**
 * `GET /v1/subnet?marker=&maxKeys=&vpcId=&zoneName=&subnetType=&subnetIds=`: the caller's subnets in creation
 * order, filtered by every parameter given (a VPC of another account filters everything out).
 * @internal
 */
export function listSubnets(ctx: OperationContext): OperationResult {
  const { vpcId, zoneName, subnetType } = ctx.query;
  const ids = idList(ctx.query['subnetIds']);
  const list = ctx.state.net.subnetsByAccount.get(ctx.accountId) ?? [];
  return page(
    ctx,
    list,
    'subnet',
    'subnets',
    (s) => s.subnetId,
    subnetView,
    (subnet) => {
      if (vpcId && subnet.vpcId !== vpcId) return false;
      if (zoneName && subnet.zoneName !== zoneName) return false;
      if (subnetType && subnet.subnetType !== subnetType) return false;
      if (ids && !ids.has(subnet.subnetId)) return false;
      return inHostRegion(ctx, ctx.state.vpcs.get(subnet.vpcId)!);
    },
  );
}

/** `GET /v1/subnet/{subnetId}`: `{subnet}`; another account's subnet is 404 `NoSuchObject`. @internal */
export function getSubnet(ctx: OperationContext): OperationResult {
  const subnet = ctx.state.net.subnets.get(ctx.resourceId) as SubnetRecord | undefined;
  if (!subnet || subnet.accountId !== ctx.accountId || !inHostRegion(ctx, ctx.state.vpcs.get(subnet.vpcId)!)) {
    fail('NoSuchObject', `no subnet ${ctx.resourceId} in this account`);
  }
  return { subnet: subnetView(subnet) };
}
