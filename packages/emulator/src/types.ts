/** Status of a peer connection: exactly the values the service documents. */
export type KnownPeerConnStatus =
  | 'creating'
  | 'consulting'
  | 'consult_failed'
  | 'active'
  | 'down'
  | 'starting'
  | 'stopping'
  | 'deleting'
  | 'deleted'
  | 'expired'
  | 'error'
  | 'updating';

/** DNS sync status of one side of a peer connection, as the service documents them. */
export type KnownDnsStatus = 'close' | 'wait' | 'syncing' | 'open' | 'closing';

/** Which end of a peer connection a view shows. */
export type PeerConnRole = 'initiator' | 'acceptor';

/** Names of the emulated operations, the same as the SDK functions that call them. */
export type OperationName =
  | 'createPeerconn'
  | 'listPeerconns'
  | 'getPeerconn'
  | 'updatePeerconn'
  | 'acceptPeerconn'
  | 'rejectPeerconn'
  | 'deletePeerconn'
  | 'resizePeerconn'
  | 'renewPeerconn'
  | 'openPeerconnDnsSync'
  | 'closePeerconnDnsSync'
  | 'updatePeerconnDeleteProtect'
  | 'refundPeerconn'
  | 'listVpcs'
  | 'getVpc'
  | 'listSubnets'
  | 'getSubnet'
  | 'getRouteTable'
  | 'listRouteRules'
  | 'createRouteRule'
  | 'updateRouteRule'
  | 'deleteRouteRule'
  | 'switchRouteRuleHa';

/** A tag as the service stores it. */
export interface Tag {
  tagKey: string;
  tagValue: string;
}

/** A prepaid term. */
export interface Reservation {
  reservationLength: number;
  reservationTimeUnit: string;
}

/** An emulated account and its permanent access key. */
export interface EmulatorAccount {
  accountId: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Set when the key is temporary (STS-style): requests must carry it as `x-bce-security-token`. */
  sessionToken?: string;
}

/** An emulated VPC with its IPv4 block and default route table. */
export interface EmulatorVpc {
  vpcId: string;
  accountId: string;
  region: string;
  name: string;
  /** IPv4 block of the VPC, e.g. `192.168.0.0/16`. */
  cidr: string;
  description: string;
  isDefault: boolean;
  /** Id of the VPC's default route table (`rt-…`), made with the VPC. */
  routeTableId: string;
  /** Creation time, ms since the epoch. */
  createdTime: number;
}

/** An emulated subnet: a block inside its VPC's CIDR, in one zone. */
export interface EmulatorSubnet {
  subnetId: string;
  vpcId: string;
  accountId: string;
  name: string;
  /** Availability zone, e.g. `cn-bj-a`. */
  zoneName: string;
  cidr: string;
  /** `BCC`, `BCC_NAT` or `BBC`. */
  subnetType: string;
  description: string;
  /** Creation time, ms since the epoch. */
  createdTime: number;
}

/** Next-hop types a route rule can have (`sys` only on the rules the service makes for subnets). */
export type NexthopType =
  | 'custom'
  | 'vpn'
  | 'nat'
  | 'dcGateway'
  | 'peerConn'
  | 'ipv6gateway'
  | 'enic'
  | 'havip'
  | 'defaultGateway'
  | 'sys';

/** How a rule takes part in a multi-path route: `normal` for single-path rules. */
export type PathType = 'normal' | 'ecmp' | 'ha:active' | 'ha:standby';

/** A route rule as `GET /v1/route` and `GET /v1/route/rule` show it. `routeRuleId` is `''` for `sys` rules. */
export interface RouteRuleView {
  routeRuleId: string;
  routeTableId: string;
  sourceAddress: string;
  destinationAddress: string;
  nexthopId: string;
  nexthopType: NexthopType;
  description: string;
  pathType: PathType;
}

/** A VPC's route table with every rule, `sys` rules first, as `GET /v1/route` answers it. */
export interface RouteTableView {
  routeTableId: string;
  name: string;
  vpcId: string;
  routeRules: RouteRuleView[];
}

/** One end of a peer connection in {@link EmulatorSnapshot}. */
export interface PeerConnEnd {
  accountId: string;
  vpcId: string;
  region: string;
  /** Interface id of this end (`qpif-…`), the `localIfId` of its view and the next hop of its route rules. */
  ifId: string;
  ifName: string;
  description: string;
  dnsStatus: KnownDnsStatus;
}

/** A peer connection in {@link EmulatorSnapshot}: both ends and the shared settings. Times are ms since the epoch. */
export interface PeerConnState {
  peerConnId: string;
  crossAccount: boolean;
  initiator: PeerConnEnd;
  acceptor: PeerConnEnd;
  status: KnownPeerConnStatus;
  bandwidthInMbps: number;
  paymentTiming: 'Prepaid' | 'Postpaid';
  /** When a prepaid term ends; undefined for postpaid. */
  expiredTime?: number;
  createdTime: number;
  tags: Tag[];
  deleteProtect: boolean;
  resourceGroupId?: string;
}

/** One end of a peer connection as stored, with its pending DNS change. @internal */
export interface PeerConnSide extends PeerConnEnd {
  /** Service time (ms) at which a `syncing`/`closing` DNS status settles. */
  dnsSettlesAt?: number;
}

/** A peer connection as the emulator stores it: both ends, shared settings and pending transitions. @internal */
export interface PeerConnRecord extends PeerConnState {
  /** Creation order; lists are sorted by it. */
  seq: number;
  initiator: PeerConnSide;
  acceptor: PeerConnSide;
  /** Service time (ms) at which a transitional status (`creating`, `updating`, `deleting`) settles. */
  statusSettlesAt?: number;
  /** Status after {@link PeerConnRecord.statusSettlesAt}; `deleted` removes the record. */
  nextStatus?: KnownPeerConnStatus;
  /** Service time (ms) after which a `consulting` request fails (7 days after creation by default). */
  consultDeadline?: number;
}

/** A peer connection as one account sees it: the detail response and list item of the service. */
export interface PeerConnView {
  peerConnId: string;
  role: PeerConnRole;
  status: KnownPeerConnStatus;
  bandwidthInMbps: number;
  description: string;
  localIfId: string;
  localIfName: string;
  localVpcId: string;
  localRegion: string;
  peerVpcId: string;
  peerRegion: string;
  /** The other end's account for cross-account connections, `''` for same-account ones. */
  peerAccountId: string;
  paymentTiming: 'Prepaid' | 'Postpaid';
  dnsStatus: KnownDnsStatus;
  /** ISO 8601 UTC without fractions, e.g. `2024-06-11T06:13:20Z`. */
  createdTime: string;
  /** ISO 8601 UTC; `''` for postpaid. */
  expiredTime: string;
  tags: Tag[];
  deleteProtect: boolean;
}

/** How long the time-driven states last, in ms of emulator service time. */
export interface TransitionDurations {
  /** Same-account `creating` → `active`. @default 3000 */
  creating: number;
  /** `updating` (after resize or update) → `active`. @default 2000 */
  updating: number;
  /** `deleting` → gone. @default 2000 */
  deleting: number;
  /** DNS `syncing` → `open`. @default 2000 */
  dnsSyncing: number;
  /** DNS `closing` → `close`. @default 2000 */
  dnsClosing: number;
  /** `consulting` → `consult_failed` when the acceptor does nothing. @default 7 days */
  consultTimeout: number;
}

/**
 * What deleting (or refunding) a peer connection does to route rules whose next hop is one of its interfaces. The
 * service does not document it; the emulator's default, `refuse`, protects users best: the release is refused
 * (409 `PeerConnInUse`, naming the caller's rules) until those rules are deleted, so no route silently drops
 * traffic. `remove` deletes those rules with the connection; `keep` leaves them pointing at nothing.
 */
export type PeerConnRoutesPolicy = 'refuse' | 'remove' | 'keep';
