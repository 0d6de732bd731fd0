/** Status of a peer connection: exactly the values the service documents (peerconn-api.md §4.1). */
export type PeerConnStatus =
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

/** DNS sync status of one side of a peer connection (peerconn-api.md §4.2). */
export type DnsStatus = 'close' | 'wait' | 'syncing' | 'open' | 'closing';

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
  | 'refundPeerconn';

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

/** An emulated VPC. */
export interface EmulatorVpc {
  vpcId: string;
  accountId: string;
  region: string;
  name: string;
}

/** One end of a peer connection, as stored. */
export interface PeerConnSide {
  accountId: string;
  vpcId: string;
  region: string;
  /** Interface id of this end (`qpif-…`), the `localIfId` of its view. */
  ifId: string;
  ifName: string;
  description: string;
  dnsStatus: DnsStatus;
  /** Service time (ms) at which a `syncing`/`closing` DNS status settles. */
  dnsSettlesAt?: number;
}

/** A peer connection as the emulator stores it: both ends, shared settings and pending transitions. */
export interface PeerConnRecord {
  peerConnId: string;
  /** Creation order; lists are sorted by it. */
  seq: number;
  crossAccount: boolean;
  initiator: PeerConnSide;
  acceptor: PeerConnSide;
  status: PeerConnStatus;
  /** Service time (ms) at which a transitional status (`creating`, `updating`, `deleting`) settles. */
  statusSettlesAt?: number;
  /** Status after {@link PeerConnRecord.statusSettlesAt}; `deleted` removes the record. */
  nextStatus?: PeerConnStatus;
  /** Service time (ms) after which a `consulting` request fails (7 days after creation by default). */
  consultDeadline?: number;
  bandwidthInMbps: number;
  paymentTiming: 'Prepaid' | 'Postpaid';
  /** Service time (ms) at which a prepaid term ends; undefined for postpaid. */
  expiredTime?: number;
  createdTime: number;
  tags: Tag[];
  deleteProtect: boolean;
  resourceGroupId?: string;
}

/** A peer connection as one account sees it: the detail response and list item of the service (spec §3.1). */
export interface PeerConnView {
  peerConnId: string;
  role: PeerConnRole;
  status: PeerConnStatus;
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
  dnsStatus: DnsStatus;
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
