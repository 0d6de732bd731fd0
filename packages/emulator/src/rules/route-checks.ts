import { type Cidr, cidrContains, cidrOverlaps, isDefaultRoute, parseCidr } from '../cidr.ts';
import { fail } from '../error-response.ts';
import type { RouteRuleRecord, VpcRecord } from '../network.ts';
import type { NexthopType } from '../types.ts';
import type { OperationContext } from './context.ts';
import { stringField } from './validate.ts';

/** Next-hop types a user rule may have: every type but `sys`, which only the service makes. @internal */
export const USER_NEXTHOP_TYPES: ReadonlySet<string> = new Set<Exclude<NexthopType, 'sys'>>([
  'custom',
  'vpn',
  'nat',
  'dcGateway',
  'peerConn',
  'ipv6gateway',
  'enic',
  'havip',
  'defaultGateway',
]);

/** A CIDR field (400 `InvalidParameterValue` naming the field when it is no IPv4/IPv6 block). @internal */
export function cidrField(value: string, key: string): Cidr {
  const cidr = parseCidr(value);
  if (!cidr) {
    fail(
      'InvalidParameterValue',
      `${key} must be an IPv4 or IPv6 CIDR block such as 192.168.0.0/16 (got ${JSON.stringify(value)})`,
    );
  }
  return cidr;
}

/** `ipVersion` as 4, 6, "4" or "6" (Python sends a string), checked against the addresses' version. @internal */
export function checkIpVersion(body: Record<string, unknown>, source: Cidr, destination: Cidr): void {
  const value = body['ipVersion'];
  if (value === undefined || value === null) {
    if (source.version !== destination.version) {
      fail('InvalidParameterValue', 'sourceAddress and destinationAddress must be of the same IP version');
    }
    return;
  }
  const version = Number(value);
  if ((typeof value !== 'number' && typeof value !== 'string') || (version !== 4 && version !== 6)) {
    fail('InvalidParameterValue', `ipVersion must be 4 or 6 (got ${JSON.stringify(value)})`);
  }
  if (source.version !== version || destination.version !== version) {
    fail(
      'InvalidParameterValue',
      `sourceAddress and destinationAddress must be IPv${version} blocks (ipVersion ${version})`,
    );
  }
}

/**
 * The rules every route rule obeys in its table: the source is `0.0.0.0/0` (`::/0`) or lies inside a subnet of
 * the VPC (`RouteSourceNotInSubnet`); the destination does not overlap the VPC's CIDR unless it is `0.0.0.0/0`
 * (`RouteDestinationOverlapsVpc`); no other rule of the table has the same source and destination
 * (`RouteRuleAlreadyExists`; the rules of one multi-path route share theirs).
 * @internal
 */
export function checkAddresses(
  ctx: OperationContext,
  vpc: VpcRecord,
  source: Cidr,
  destination: Cidr,
  except: ReadonlySet<RouteRuleRecord> = new Set(),
): void {
  if (!isDefaultRoute(source)) {
    const subnets = ctx.state.net.subnetsByVpc.get(vpc.vpcId) ?? [];
    if (!subnets.some((subnet) => cidrContains(parseCidr(subnet.cidr)!, source))) {
      fail(
        'RouteSourceNotInSubnet',
        `sourceAddress must be 0.0.0.0/0 or lie inside a subnet of VPC ${vpc.vpcId} (${subnets.map((s) => s.cidr).join(', ') || 'it has no subnet'})`,
      );
    }
  }
  const vpcCidr = parseCidr(vpc.cidr)!;
  if (!isDefaultRoute(destination) && !isDefaultRoute(vpcCidr) && cidrOverlaps(vpcCidr, destination)) {
    fail('RouteDestinationOverlapsVpc', `destinationAddress must not overlap the CIDR ${vpc.cidr} of VPC ${vpc.vpcId}`);
  }
  for (const rule of ctx.state.net.rulesByTable.get(vpc.routeTableId) ?? []) {
    if (except.has(rule)) continue;
    const [s, d] = [parseCidr(rule.sourceAddress)!, parseCidr(rule.destinationAddress)!];
    if (
      s.start === source.start &&
      s.prefix === source.prefix &&
      d.start === destination.start &&
      d.prefix === destination.prefix &&
      s.version === source.version &&
      d.version === destination.version
    ) {
      fail(
        'RouteRuleAlreadyExists',
        `route rule ${rule.routeRuleId} already has this sourceAddress and destinationAddress`,
      );
    }
  }
}

/**
 * A single-path next hop: a user type (`InvalidNexthop` for `sys` or an unknown one); an id unless the type is
 * `defaultGateway`; for `peerConn`, the interface id (`localIfId`, `qpif-…`) of a peer connection with an end in
 * this VPC, the end that belongs to it.
 * @internal
 */
export function checkNexthop(ctx: OperationContext, vpc: VpcRecord, type: string, id: string): void {
  if (!USER_NEXTHOP_TYPES.has(type)) {
    fail(
      'InvalidNexthop',
      type === 'sys'
        ? 'nexthopType sys is kept for the rules the service makes for subnets; they cannot be added or changed'
        : `nexthopType must be one of ${[...USER_NEXTHOP_TYPES].join(', ')} (got ${JSON.stringify(type)})`,
    );
  }
  if (!id && type !== 'defaultGateway') fail('InvalidNexthop', `nexthopId is required for nexthopType ${type}`);
  if (type !== 'peerConn') return;
  for (const record of ctx.state.byVpc.get(vpc.vpcId) ?? []) {
    const side = record.initiator.vpcId === vpc.vpcId ? record.initiator : record.acceptor;
    if (side.ifId === id) return;
    const other = side === record.initiator ? record.acceptor : record.initiator;
    if (other.ifId === id) {
      fail(
        'InvalidNexthop',
        `nexthopId ${id} is the other end's interface of ${record.peerConnId}; use this VPC's end (its localIfId)`,
      );
    }
  }
  fail(
    'InvalidNexthop',
    `nexthopId ${id} is not the interface id (localIfId, qpif-…) of a peer connection of VPC ${vpc.vpcId}`,
  );
}

/** `description`: a string of at most 200 characters (`''` when absent). @internal */
export function descriptionField(body: Record<string, unknown>): string | undefined {
  const value = body['description'];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.length > 200) {
    fail('InvalidParameterValue', 'description must be a string of at most 200 characters');
  }
  return value;
}

/** A string field that may be `''` (a `defaultGateway` next hop has no id). @internal */
export function optionalString(body: Record<string, unknown>, key: string): string | undefined {
  return body[key] === '' ? '' : stringField(body, key);
}
