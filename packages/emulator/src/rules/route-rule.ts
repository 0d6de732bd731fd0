import { fail } from '../error-response.ts';
import { insertRule, type RouteRuleRecord, removeRule, type VpcRecord } from '../network.ts';
import type { PathType } from '../types.ts';
import type { OperationContext, OperationResult } from './context.ts';
import {
  checkAddresses,
  checkIpVersion,
  checkNexthop,
  cidrField,
  descriptionField,
  optionalString,
} from './route-checks.ts';
import { requireObject, stringField } from './validate.ts';
import { ownVpc } from './vpc-read.ts';

/** The caller's user rule with the path's id, or 404 `NoSuchObject`. */
function ownRule(ctx: OperationContext): { rule: RouteRuleRecord; vpc: VpcRecord } {
  const rule = ctx.state.net.routeRules.get(ctx.resourceId);
  if (!rule || rule.accountId !== ctx.accountId)
    fail('NoSuchObject', `no route rule ${ctx.resourceId} in this account`);
  return { rule, vpc: ownVpc(ctx, rule.vpcId) };
}

interface Hop {
  nexthopId: string;
  pathType: Exclude<PathType, 'normal'>;
}

/** `nextHopList`: dedicated-gateway hops, either all `ecmp` or one `ha:active` and one `ha:standby`. */
function parseHops(value: unknown): Hop[] {
  if (!Array.isArray(value))
    fail('InvalidParameterValue', 'nextHopList must be an array of {nexthopId, nexthopType, pathType}');
  const hops = value.map((item, i): Hop => {
    const { nexthopId, nexthopType, pathType } = (item ?? {}) as Record<string, unknown>;
    if (nexthopType !== 'dcGateway') fail('InvalidNexthop', `nextHopList[${i}].nexthopType must be dcGateway`);
    if (typeof nexthopId !== 'string' || !nexthopId) fail('InvalidNexthop', `nextHopList[${i}].nexthopId is required`);
    if (pathType !== 'ecmp' && pathType !== 'ha:active' && pathType !== 'ha:standby') {
      fail('InvalidParameterValue', `nextHopList[${i}].pathType must be ecmp, ha:active or ha:standby`);
    }
    return { nexthopId, pathType };
  });
  const types = hops.map((h) => h.pathType).sort();
  const ecmp = types.every((t) => t === 'ecmp') && hops.length >= 2;
  const ha = types.length === 2 && types[0] === 'ha:active' && types[1] === 'ha:standby';
  if (!ecmp && !ha) {
    fail(
      'InvalidParameterValue',
      'nextHopList must hold two or more ecmp hops, or one ha:active and one ha:standby hop',
    );
  }
  return hops;
}

/**
 * `POST /v1/route/rule?clientToken=`: a single-path rule (`nexthopType` + `nexthopId`, answers `{routeRuleId}`) or
 * a multi-path one (`nextHopList`, one rule per hop, answers `{routeRuleIds}`), never both. Checked: the table is
 * the caller's (`NoSuchObject`), the CIDRs, then {@link checkAddresses} and {@link checkNexthop}.
 * @internal
 */
export function createRouteRule(ctx: OperationContext): OperationResult {
  const body = requireObject(ctx.body, 'createRouteRule');
  const routeTableId = stringField(body, 'routeTableId', true)!;
  const source = cidrField(stringField(body, 'sourceAddress', true)!, 'sourceAddress');
  const destination = cidrField(stringField(body, 'destinationAddress', true)!, 'destinationAddress');
  checkIpVersion(body, source, destination);
  const description = descriptionField(body) ?? '';
  const nexthopType = stringField(body, 'nexthopType');
  const nexthopId = optionalString(body, 'nexthopId');
  const list = body['nextHopList'];
  const multi = list !== undefined && list !== null && !(Array.isArray(list) && list.length === 0);
  const single = nexthopType !== undefined || nexthopId !== undefined;
  if (multi === single) {
    fail(
      'InvalidParameterValue',
      'give either nexthopType and nexthopId (single path) or a non-empty nextHopList, not both',
    );
  }
  const vpc = ctx.state.net.routeTables.get(routeTableId);
  if (!vpc || vpc.accountId !== ctx.accountId) fail('NoSuchObject', `no route table ${routeTableId} in this account`);
  ownVpc(ctx, vpc.vpcId);
  checkAddresses(ctx, vpc, source, destination);
  const addresses = {
    sourceAddress: stringField(body, 'sourceAddress')!,
    destinationAddress: stringField(body, 'destinationAddress')!,
    description,
  };
  if (single) {
    if (nexthopType === undefined) fail('InappropriateJSON', 'nexthopType is required with nexthopId');
    checkNexthop(ctx, vpc, nexthopType, nexthopId ?? '');
    const rule = insertRule(ctx.state, vpc, {
      ...addresses,
      nexthopType: nexthopType as RouteRuleRecord['nexthopType'],
      nexthopId: nexthopId ?? '',
      pathType: 'normal',
    });
    return { routeRuleId: rule.routeRuleId };
  }
  const hops = parseHops(list);
  const ids = hops.map(
    (hop) =>
      insertRule(ctx.state, vpc, {
        ...addresses,
        nexthopType: 'dcGateway',
        nexthopId: hop.nexthopId,
        pathType: hop.pathType,
      }).routeRuleId,
  );
  return { routeRuleIds: ids };
}

/**
 * `PUT /v1/route/rule/{id}?clientToken=`: changes a single-path rule (`MultiPathRuleNotUpdatable` for a multi-path
 * one or a `nextHopList`). Every field is optional; an empty `sourceAddress`/`destinationAddress` (as Go sends)
 * keeps the old one, `description` is taken as given. The result obeys the same rules as create.
 * @internal
 */
export function updateRouteRule(ctx: OperationContext): OperationResult {
  const body = ctx.body === undefined ? {} : requireObject(ctx.body, 'updateRouteRule');
  const { rule, vpc } = ownRule(ctx);
  if (rule.pathType !== 'normal' || (body['nextHopList'] !== undefined && body['nextHopList'] !== null)) {
    fail('MultiPathRuleNotUpdatable', `only single-path rules can be updated; ${rule.routeRuleId} is ${rule.pathType}`);
  }
  const sourceAddress = stringField(body, 'sourceAddress') ?? rule.sourceAddress;
  const destinationAddress = stringField(body, 'destinationAddress') ?? rule.destinationAddress;
  const source = cidrField(sourceAddress, 'sourceAddress');
  const destination = cidrField(destinationAddress, 'destinationAddress');
  checkIpVersion(body, source, destination);
  const nexthopType = stringField(body, 'nexthopType') ?? rule.nexthopType;
  const nexthopId = optionalString(body, 'nexthopId') ?? rule.nexthopId;
  const description = descriptionField(body) ?? rule.description;
  checkAddresses(ctx, vpc, source, destination, new Set([rule]));
  checkNexthop(ctx, vpc, nexthopType, nexthopId);
  Object.assign(rule, {
    sourceAddress,
    destinationAddress,
    nexthopType,
    nexthopId,
    description,
  });
  return {};
}

/** `DELETE /v1/route/rule/{id}?clientToken=`: removes one of the caller's rules. @internal */
export function deleteRouteRule(ctx: OperationContext): OperationResult {
  removeRule(ctx.state, ownRule(ctx).rule);
  return {};
}

/**
 * `PUT /v1/route/rule/{id}?switchRouteHA&clientToken=`: the rule must be the `ha:active` rule of an active/standby
 * route (`RouteRuleNotHaActive`); its standby becomes active and it becomes the standby.
 * @internal
 */
export function switchRouteRuleHa(ctx: OperationContext): OperationResult {
  const { rule } = ownRule(ctx);
  if (rule.pathType !== 'ha:active') {
    fail(
      'RouteRuleNotHaActive',
      `route rule ${rule.routeRuleId} is ${rule.pathType}, not the ha:active rule of an active/standby route`,
    );
  }
  const standby = (ctx.state.net.rulesByTable.get(rule.routeTableId) ?? []).find(
    (r) =>
      r.pathType === 'ha:standby' &&
      r.sourceAddress === rule.sourceAddress &&
      r.destinationAddress === rule.destinationAddress,
  );
  if (standby) standby.pathType = 'ha:active';
  rule.pathType = 'ha:standby';
  return {};
}
