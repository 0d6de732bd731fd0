import { isoTime } from './ids.ts';
import type { PeerConnRecord, PeerConnRole, PeerConnView } from './types.ts';

/** One side's view of a record: what `GET /v1/peerconn/{id}?role=` and list items return. @internal */
export function toView(record: PeerConnRecord, role: PeerConnRole): PeerConnView {
  const local = role === 'initiator' ? record.initiator : record.acceptor;
  const peer = role === 'initiator' ? record.acceptor : record.initiator;
  return {
    peerConnId: record.peerConnId,
    role,
    status: record.status,
    bandwidthInMbps: record.bandwidthInMbps,
    description: local.description,
    localIfId: local.ifId,
    localIfName: local.ifName,
    localVpcId: local.vpcId,
    localRegion: local.region,
    peerVpcId: peer.vpcId,
    peerRegion: peer.region,
    peerAccountId: record.crossAccount ? peer.accountId : '',
    paymentTiming: record.paymentTiming,
    dnsStatus: local.dnsStatus,
    createdTime: isoTime(record.createdTime),
    expiredTime: record.expiredTime === undefined ? '' : isoTime(record.expiredTime),
    tags: record.tags.map((tag) => ({ ...tag })),
    deleteProtect: record.deleteProtect,
  };
}
