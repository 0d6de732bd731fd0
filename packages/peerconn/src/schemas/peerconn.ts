import type { MetadataBearer } from '@bcekit/core';
import type { Role } from './common.ts';
import type { Tag } from './tags.ts';

/**
 * Status of a peer connection. The known values are listed for completion in editors; any
 * other string the service may add later is accepted too.
 * - `consulting`: waiting for the acceptor of a cross-account connection (7 days at most);
 * - `consult_failed`: rejected or timed out; `active`: usable; `deleted`, `expired`, `error`: gone for good.
 */
export type PeerConnStatus = KnownPeerConnStatus | (string & {});

/** The statuses the service documents; the emulator moves through exactly these. */
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

/** DNS sync status of a peer connection; unknown strings are accepted too. */
export type DnsStatus = KnownDnsStatus | (string & {});

/** The DNS statuses the service documents. */
export type KnownDnsStatus = 'close' | 'wait' | 'syncing' | 'open' | 'closing';

/**
 * A peer connection as `getPeerconn` and `listPeerconns` return it. Fields the service adds later are
 * kept on the object at run time.
 */
export interface PeerConn {
  /** Id, e.g. `peerconn-9td54fmx143e`. */
  peerConnId: string;
  /** Which end this record describes: `initiator` or `acceptor`. */
  role: Role | (string & {});
  /** Lifecycle status. */
  status: PeerConnStatus;
  /**
   * Bandwidth in Mbps. Some responses spell it `bandWidthInMbps`; both spellings are read
   * into this field and the original is kept.
   */
  bandwidthInMbps: number;
  /** Description, may be empty. */
  description?: string;
  /** Local interface id, e.g. `qpif-4n2nm1pwchhz`. */
  localIfId?: string;
  /** Local interface name. */
  localIfName?: string;
  /** VPC of this end. */
  localVpcId: string;
  /** Region of this end, e.g. `bj`. */
  localRegion: string;
  /** VPC of the other end. */
  peerVpcId: string;
  /** Region of the other end. */
  peerRegion: string;
  /** Account of the other end; empty for same-account connections. */
  peerAccountId?: string;
  /** `Prepaid` or `Postpaid`. */
  paymentTiming: 'Prepaid' | 'Postpaid' | (string & {});
  /** DNS sync status. */
  dnsStatus: DnsStatus;
  /** Creation time, e.g. `2024-06-11T06:13:20Z`. */
  createdTime: string;
  /** Expiry time of a prepaid connection; empty for postpaid ones. */
  expiredTime?: string;
  /** Tags. */
  tags?: Tag[];
  /** Whether delete protection is on. */
  deleteProtect?: boolean;
}

/** What {@link listPeerconns} returns: one page, with the `$metadata` of the call that read it. */
export interface ListPeerconnsOutput extends MetadataBearer {
  /** The peer connections of this page. */
  peerConns: PeerConn[];
  /** The marker this page started at (`''` when the service sent none). */
  marker: string;
  /** `true` when more pages follow; pass `nextMarker` as `marker` to read the next one. */
  isTruncated: boolean;
  /** Where the next page starts; only meaningful when `isTruncated`. */
  nextMarker?: string;
  /** Page size the service used. */
  maxKeys: number;
}

/** What {@link createPeerconn} returns. */
export interface CreatePeerconnOutput extends MetadataBearer {
  /** Id of the new peer connection. */
  peerConnId: string;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a peer connection leniently: unknown fields are kept, and the bandwidth is found under any of
 * the spellings seen in the wild (`bandWidthInMbps` in captured responses, `bandwithInMbp` in the docs).
 * @internal
 */
export function readPeerConn(raw: unknown): PeerConn {
  const item: Json = isObject(raw) ? { ...raw } : {};
  if (typeof item.bandwidthInMbps !== 'number') {
    const alias = item.bandWidthInMbps ?? item.bandwithInMbp;
    if (typeof alias === 'number') item.bandwidthInMbps = alias;
  }
  return item as unknown as PeerConn;
}

/** Reads one page of a list response leniently. @internal */
export function readListOutput(raw: unknown): ListPeerconnsOutput {
  const page: Json = isObject(raw) ? { ...raw } : {};
  page.peerConns = Array.isArray(page.peerConns) ? page.peerConns.map(readPeerConn) : [];
  if (typeof page.marker !== 'string') page.marker = '';
  page.isTruncated = page.isTruncated === true || page.isTruncated === 'true';
  if (typeof page.maxKeys === 'string') page.maxKeys = Number(page.maxKeys);
  return page as unknown as ListPeerconnsOutput;
}
