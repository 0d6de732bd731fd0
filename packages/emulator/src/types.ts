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
