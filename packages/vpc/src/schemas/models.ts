import type { MetadataBearer } from '@bcekit/core';
/** A tag on a VPC or subnet. */
export interface Tag {
  tagKey: string;
  tagValue: string;
}

/** A VPC as `listVpcs` returns it. Fields the service adds later are kept on the object at run time. */
export interface Vpc {
  /** Id, e.g. `vpc-a8n5p6qwxrmq`. */
  vpcId: string;
  /** Name. */
  name: string;
  /** IPv4 CIDR block, e.g. `192.168.0.0/16`. */
  cidr: string;
  /** IPv6 CIDR block; empty when the VPC has none. */
  ipv6Cidr?: string;
  /** Description, may be empty. */
  description?: string;
  /** Whether this is the region's default VPC. */
  isDefault: boolean;
  /** Secondary IPv4 CIDR blocks. */
  secondaryCidr?: string[];
  /** Tags. */
  tags?: Tag[];
  /** Creation time, e.g. `2024-06-11T06:10:02Z`. */
  createdTime?: string;
  /** Whether relay is on (present in some responses). */
  relay?: boolean;
}

/** A VPC as `getVpc` returns it: the list fields plus its subnets. */
export interface VpcDetail extends Vpc {
  /** The VPC's subnets (`[]` when the service sends none). */
  subnets: Subnet[];
}

/** A subnet. */
export interface Subnet {
  /** Id, e.g. `sbn-1xq7b2c3d4e5`. */
  subnetId: string;
  /** Name. */
  name: string;
  /** Availability zone, e.g. `cn-bj-d`. */
  zoneName: string;
  /** IPv4 CIDR block, inside the VPC's. */
  cidr: string;
  /** IPv6 CIDR block; empty when it has none. */
  ipv6Cidr?: string;
  /** The VPC it belongs to. */
  vpcId: string;
  /** `BCC`, `BCC_NAT` or `BBC`; other strings are passed through. */
  subnetType: 'BCC' | 'BCC_NAT' | 'BBC' | (string & {});
  /** Description, may be empty. */
  description?: string;
  /** Creation time. */
  createdTime?: string;
  /** Free IP addresses. */
  availableIp?: number;
  /** Free IP addresses outside reserved blocks. */
  availableUnreservedIp?: number;
  /** Tags. */
  tags?: Tag[];
}

/** A route rule. */
export interface RouteRule {
  /** Id, e.g. `rr-m2cq8vbf5n1k`; empty for system (`sys`) rules, which cannot be changed. */
  routeRuleId: string;
  /** The route table it belongs to (`rt-…`). */
  routeTableId: string;
  /** Source CIDR block. */
  sourceAddress: string;
  /** Destination CIDR block. */
  destinationAddress: string;
  /** Next hop id (for `peerConn`: the connection's interface, `qpif-…`). */
  nexthopId: string;
  /** Next-hop type; `sys` for the system rules the service makes per subnet. */
  nexthopType: string;
  /** Description, may be empty. */
  description?: string;
  /** `normal` (single path), `ecmp`, `ha:active` or `ha:standby`. */
  pathType?: 'normal' | 'ecmp' | 'ha:active' | 'ha:standby' | (string & {});
}

/** A route table as `getRouteTable` returns it, with every rule (no paging). */
export interface RouteTable {
  /** Id, e.g. `rt-4fa7kd9qm1xs`. */
  routeTableId: string;
  /** Name (present in some responses). */
  name?: string;
  /** The VPC it belongs to. */
  vpcId: string;
  /** Every rule of the table, system rules included (`[]` when the service sends none). */
  routeRules: RouteRule[];
}

/** The page fields every list output has. */
export interface Page extends MetadataBearer {
  /** The marker this page started at (`''` when the service sent none). */
  marker: string;
  /** `true` when more pages follow; pass `nextMarker` as `marker` to read the next one. */
  isTruncated: boolean;
  /** Where the next page starts; only meaningful when `isTruncated`. */
  nextMarker?: string;
  /** Page size the service used. */
  maxKeys: number;
}

/** What `listVpcs` returns: one page. */
export interface ListVpcsOutput extends Page {
  /** The VPCs of this page. */
  vpcs: Vpc[];
}

/** What `listSubnets` returns: one page. */
export interface ListSubnetsOutput extends Page {
  /** The subnets of this page. */
  subnets: Subnet[];
}

/** What `listRouteRules` returns: one page. */
export interface ListRouteRulesOutput extends Page {
  /** The route rules of this page. */
  routeRules: RouteRule[];
}

/** What `createRouteRule` returns. */
export interface CreateRouteRuleOutput extends MetadataBearer {
  /** Id of the new rule; for a multi-path rule, the first of `routeRuleIds`. */
  routeRuleId: string;
  /** Ids of the new rules: one for a single-path rule, one per next hop for a multi-path rule. */
  routeRuleIds: string[];
}

type Json = Record<string, unknown>;

/** Whether a value is a JSON object. @internal */
export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads one page of a list response leniently: unknown fields are kept, the list defaults to `[]`, `marker` to
 * `''`, and `isTruncated`/`maxKeys` sent as strings are read as a boolean/number. @internal
 */
export function readPage<T>(raw: unknown, listKey: string): T {
  const page: Json = isObject(raw) ? { ...raw } : {};
  if (!Array.isArray(page[listKey])) page[listKey] = [];
  if (typeof page.marker !== 'string') page.marker = '';
  page.isTruncated = page.isTruncated === true || page.isTruncated === 'true';
  if (typeof page.maxKeys === 'string') page.maxKeys = Number(page.maxKeys);
  return page as T;
}

/** The object under `key` of a response (`{ vpc: … }`), `{}` when missing, with `listKey` defaulting to `[]`. @internal */
export function readWrapped<T>(raw: unknown, key: string, listKey?: string): T {
  const inner = isObject(raw) && isObject(raw[key]) ? { ...raw[key] } : {};
  if (listKey !== undefined && !Array.isArray(inner[listKey])) inner[listKey] = [];
  // The call's $metadata sits beside the wrapper key; the unwrapped output keeps it.
  if (isObject(raw) && raw.$metadata !== undefined) inner.$metadata = raw.$metadata;
  return inner as T;
}
