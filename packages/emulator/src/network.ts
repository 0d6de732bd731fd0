import { cidrContains, cidrOverlaps, parseCidr } from './cidr.ts';
import { randomId } from './ids.ts';
import type { EmulatorState } from './state.ts';
import type { EmulatorSubnet, EmulatorVpc, NexthopType, PathType } from './types.ts';

/** A VPC as stored: creation order added. @internal */
export interface VpcRecord extends EmulatorVpc {
  seq: number;
}

/** A subnet as stored. @internal */
export interface SubnetRecord extends EmulatorSubnet {
  seq: number;
}

/** A route rule made by a user (never a `sys` rule: those are derived from the subnets). @internal */
export interface RouteRuleRecord {
  routeRuleId: string;
  routeTableId: string;
  vpcId: string;
  accountId: string;
  sourceAddress: string;
  destinationAddress: string;
  nexthopType: Exclude<NexthopType, 'sys'>;
  nexthopId: string;
  description: string;
  pathType: PathType;
  seq: number;
}

/** VPCs, subnets, route tables and rules, indexed for lists in creation order. @internal */
export interface NetworkState {
  vpcsByAccount: Map<string, VpcRecord[]>;
  subnets: Map<string, SubnetRecord>;
  subnetsByVpc: Map<string, SubnetRecord[]>;
  subnetsByAccount: Map<string, SubnetRecord[]>;
  /** Route table id → its VPC. */
  routeTables: Map<string, VpcRecord>;
  routeRules: Map<string, RouteRuleRecord>;
  rulesByTable: Map<string, RouteRuleRecord[]>;
  /** Every VPC, subnet and rule id ever issued: its creation order and account, so markers outlive their item. */
  issued: Map<string, { seq: number; accountId: string; kind: 'vpc' | 'subnet' | 'rule' }>;
  /** How many VPCs got an automatic CIDR. */
  autoCidrs: number;
}

/** @internal */
export function createNetworkState(): NetworkState {
  return {
    vpcsByAccount: new Map(),
    subnets: new Map(),
    subnetsByVpc: new Map(),
    subnetsByAccount: new Map(),
    routeTables: new Map(),
    routeRules: new Map(),
    rulesByTable: new Map(),
    issued: new Map(),
    autoCidrs: 0,
  };
}

function push<T>(index: Map<string, T[]>, key: string, item: T): void {
  const list = index.get(key);
  if (list) list.push(item);
  else index.set(key, [item]);
}

function unusedId(state: EmulatorState, wanted: string | undefined, prefix: string, what: string): string {
  if (wanted !== undefined) {
    if (!wanted || state.net.issued.has(wanted) || state.vpcs.has(wanted)) {
      throw new Error(`${what}: id ${JSON.stringify(wanted)} is empty or already used`);
    }
    return wanted;
  }
  let id = randomId(prefix);
  while (state.net.issued.has(id) || state.vpcs.has(id)) id = randomId(prefix);
  return id;
}

/** Input of `emulator.addVpc()`. */
export interface AddVpcInput {
  accountId: string;
  region: string;
  vpcId?: string;
  name?: string;
  /**
   * IPv4 block, e.g. `192.168.0.0/16`. @default the next of `10.0.0.0/24`, `10.0.1.0/24`, … (distinct for the first
   * 65,536 VPCs added without one)
   */
  cidr?: string;
  description?: string;
  /** @default false */
  isDefault?: boolean;
  /** Id of its default route table. @default `rt-` + the VPC id without its `vpc-` prefix */
  routeTableId?: string;
  /** Creation time, ms since the epoch. @default the emulator's service time */
  createdTime?: number;
}

/** Adds a VPC (with its default route table, no rules yet) to an existing account. @internal */
export function putVpc(state: EmulatorState, input: AddVpcInput, now: number): EmulatorVpc {
  if (!state.accounts.has(input.accountId)) {
    throw new Error(`addVpc: no account ${input.accountId}; call addAccount first`);
  }
  if (!input.region) throw new Error('addVpc: region is required (e.g. "bj")');
  let cidr = input.cidr;
  if (cidr === undefined) {
    const n = state.net.autoCidrs++ % 65_536;
    cidr = `10.${n >> 8}.${n & 255}.0/24`;
  } else if (parseCidr(cidr)?.version !== 4) {
    throw new Error(`addVpc: cidr must be an IPv4 block such as "192.168.0.0/16" (got ${JSON.stringify(cidr)})`);
  }
  const vpcId = unusedId(state, input.vpcId, 'vpc-', 'addVpc');
  // Derived from the VPC id by default (cheap when seeding thousands); a given one must be free.
  const routeTableId = input.routeTableId ?? `rt-${vpcId.startsWith('vpc-') ? vpcId.slice(4) : vpcId}`;
  if (!routeTableId || state.net.routeTables.has(routeTableId)) {
    throw new Error(`addVpc: routeTableId ${JSON.stringify(routeTableId)} is empty or already used`);
  }
  const seq = ++state.seq;
  const vpc: VpcRecord = {
    vpcId,
    accountId: input.accountId,
    region: input.region,
    name: input.name ?? vpcId,
    cidr,
    description: input.description ?? '',
    isDefault: input.isDefault ?? false,
    routeTableId,
    createdTime: input.createdTime ?? now,
    seq,
  };
  state.vpcs.set(vpcId, vpc);
  push(state.net.vpcsByAccount, vpc.accountId, vpc);
  state.net.routeTables.set(routeTableId, vpc);
  state.net.issued.set(vpcId, { seq, accountId: vpc.accountId, kind: 'vpc' });
  return publicVpc(vpc);
}

/** Input of `emulator.addSubnet()`. */
export interface AddSubnetInput {
  vpcId: string;
  /** IPv4 block inside the VPC's CIDR, overlapping none of its other subnets. */
  cidr: string;
  subnetId?: string;
  name?: string;
  /** @default `cn-{region}-a` */
  zoneName?: string;
  /** `BCC`, `BCC_NAT` or `BBC`. @default 'BCC' */
  subnetType?: string;
  description?: string;
  /** Creation time, ms since the epoch. @default the emulator's service time */
  createdTime?: number;
}

const SUBNET_TYPES: ReadonlySet<string> = new Set(['BCC', 'BCC_NAT', 'BBC']);

/** Adds a subnet to a VPC; its route table gains the subnet's `sys` rule. @internal */
export function putSubnet(state: EmulatorState, input: AddSubnetInput, now: number): EmulatorSubnet {
  const vpc = state.vpcs.get(input.vpcId) as VpcRecord | undefined;
  if (!vpc) throw new Error(`addSubnet: no VPC ${input.vpcId}; call addVpc first`);
  const block = parseCidr(input.cidr);
  if (block?.version !== 4) {
    throw new Error(
      `addSubnet: cidr must be an IPv4 block such as "192.168.1.0/24" (got ${JSON.stringify(input.cidr)})`,
    );
  }
  if (!cidrContains(parseCidr(vpc.cidr)!, block)) {
    throw new Error(`addSubnet: cidr ${input.cidr} is not inside VPC ${vpc.vpcId} (${vpc.cidr})`);
  }
  for (const other of state.net.subnetsByVpc.get(vpc.vpcId) ?? []) {
    if (cidrOverlaps(parseCidr(other.cidr)!, block)) {
      throw new Error(`addSubnet: cidr ${input.cidr} overlaps subnet ${other.subnetId} (${other.cidr})`);
    }
  }
  const subnetType = input.subnetType ?? 'BCC';
  if (!SUBNET_TYPES.has(subnetType)) throw new Error('addSubnet: subnetType must be BCC, BCC_NAT or BBC');
  const subnetId = unusedId(state, input.subnetId, 'sbn-', 'addSubnet');
  const seq = ++state.seq;
  const subnet: SubnetRecord = {
    subnetId,
    vpcId: vpc.vpcId,
    accountId: vpc.accountId,
    name: input.name ?? subnetId,
    zoneName: input.zoneName ?? `cn-${vpc.region}-a`,
    cidr: input.cidr,
    subnetType,
    description: input.description ?? '',
    createdTime: input.createdTime ?? now,
    seq,
  };
  state.net.subnets.set(subnetId, subnet);
  push(state.net.subnetsByVpc, vpc.vpcId, subnet);
  push(state.net.subnetsByAccount, vpc.accountId, subnet);
  state.net.issued.set(subnetId, { seq, accountId: vpc.accountId, kind: 'subnet' });
  return publicSubnet(subnet);
}

/** Stores a new user rule, issuing its id. @internal */
export function insertRule(
  state: EmulatorState,
  vpc: VpcRecord,
  rule: Omit<RouteRuleRecord, 'routeRuleId' | 'routeTableId' | 'vpcId' | 'accountId' | 'seq'>,
): RouteRuleRecord {
  let routeRuleId = randomId('rr-');
  while (state.net.issued.has(routeRuleId)) routeRuleId = randomId('rr-');
  const seq = ++state.seq;
  const record: RouteRuleRecord = {
    routeRuleId,
    routeTableId: vpc.routeTableId,
    vpcId: vpc.vpcId,
    accountId: vpc.accountId,
    ...rule,
    seq,
  };
  state.net.routeRules.set(routeRuleId, record);
  push(state.net.rulesByTable, vpc.routeTableId, record);
  state.net.issued.set(routeRuleId, { seq, accountId: vpc.accountId, kind: 'rule' });
  return record;
}

/** Removes a user rule. @internal */
export function removeRule(state: EmulatorState, rule: RouteRuleRecord): void {
  state.net.routeRules.delete(rule.routeRuleId);
  const list = state.net.rulesByTable.get(rule.routeTableId) ?? [];
  const at = list.indexOf(rule);
  if (at >= 0) list.splice(at, 1);
}

/** The user rules whose next hop is one of these interface ids (`peerConn` rules). @internal */
export function rulesThrough(
  state: EmulatorState,
  vpcIds: readonly string[],
  ifIds: readonly string[],
): RouteRuleRecord[] {
  const found: RouteRuleRecord[] = [];
  for (const vpcId of vpcIds) {
    const vpc = state.vpcs.get(vpcId) as VpcRecord | undefined;
    if (!vpc) continue;
    for (const rule of state.net.rulesByTable.get(vpc.routeTableId) ?? []) {
      if (rule.nexthopType === 'peerConn' && ifIds.includes(rule.nexthopId)) found.push(rule);
    }
  }
  return found;
}

/** A VPC without its internal fields. @internal */
export function publicVpc({ seq: _seq, ...vpc }: VpcRecord): EmulatorVpc {
  return vpc;
}

/** A subnet without its internal fields. @internal */
export function publicSubnet({ seq: _seq, ...subnet }: SubnetRecord): EmulatorSubnet {
  return subnet;
}
