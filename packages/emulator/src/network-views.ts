import { cidrSize, parseCidr } from './cidr.ts';
import { isoTime } from './ids.ts';
import type { RouteRuleRecord, SubnetRecord, VpcRecord } from './network.ts';
import type { EmulatorState } from './state.ts';
import type { RouteRuleView, RouteTableView } from './types.ts';

/** A VPC as `GET /v1/vpc` lists it. @internal */
export function vpcView(vpc: VpcRecord): Record<string, unknown> {
  return {
    vpcId: vpc.vpcId,
    name: vpc.name,
    cidr: vpc.cidr,
    ipv6Cidr: '',
    description: vpc.description,
    isDefault: vpc.isDefault,
    secondaryCidr: [],
    tags: [],
    createdTime: isoTime(vpc.createdTime),
  };
}

/** A VPC as `GET /v1/vpc/{vpcId}` shows it: the list fields plus `relay` and its subnets. @internal */
export function vpcDetailView(state: EmulatorState, vpc: VpcRecord): Record<string, unknown> {
  const subnets = (state.net.subnetsByVpc.get(vpc.vpcId) ?? []).map(subnetView);
  return { ...vpcView(vpc), relay: false, subnets };
}

/**
 * A subnet as `GET /v1/subnet` and `GET /v1/subnet/{id}` show it. No instances run in the emulator, so every
 * address is free but the 6 the service keeps in each block (network, gateway, broadcast and 3 reserved).
 * @internal
 */
export function subnetView(subnet: SubnetRecord): Record<string, unknown> {
  const free = Math.max(0, Number(cidrSize(parseCidr(subnet.cidr)!)) - 6);
  return {
    subnetId: subnet.subnetId,
    name: subnet.name,
    zoneName: subnet.zoneName,
    cidr: subnet.cidr,
    ipv6Cidr: '',
    vpcId: subnet.vpcId,
    subnetType: subnet.subnetType,
    description: subnet.description,
    createdTime: isoTime(subnet.createdTime),
    availableIp: free,
    availableUnreservedIp: free,
    tags: [],
  };
}

/** A user rule as the route table and the rule list show it. @internal */
export function ruleView(rule: RouteRuleRecord): RouteRuleView {
  return {
    routeRuleId: rule.routeRuleId,
    routeTableId: rule.routeTableId,
    sourceAddress: rule.sourceAddress,
    destinationAddress: rule.destinationAddress,
    nexthopId: rule.nexthopId,
    nexthopType: rule.nexthopType,
    description: rule.description,
    pathType: rule.pathType,
  };
}

/**
 * The `sys` rule the service keeps for a subnet: no id, not editable. Its exact values are not documented; the
 * emulator writes the subnet's block as source and destination, with an empty next hop.
 * @internal
 */
export function sysRuleView(subnet: SubnetRecord, routeTableId: string): RouteRuleView {
  return {
    routeRuleId: '',
    routeTableId,
    sourceAddress: subnet.cidr,
    destinationAddress: subnet.cidr,
    nexthopId: '',
    nexthopType: 'sys',
    description: 'default',
    pathType: 'normal',
  };
}

/** A VPC's route table: one `sys` rule per subnet, then the user rules in creation order. @internal */
export function routeTableView(state: EmulatorState, vpc: VpcRecord): RouteTableView {
  const sys = (state.net.subnetsByVpc.get(vpc.vpcId) ?? []).map((s) => sysRuleView(s, vpc.routeTableId));
  const own = (state.net.rulesByTable.get(vpc.routeTableId) ?? []).map(ruleView);
  return { routeTableId: vpc.routeTableId, name: 'default', vpcId: vpc.vpcId, routeRules: [...sys, ...own] };
}
