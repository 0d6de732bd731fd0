import type { BceClient, CallOptions } from '@bcekit/core';
import { paginatePeerconns } from '../paginate-peerconns.ts';
import type { PeerConn } from '../schemas/peerconn.ts';

/**
 * The connection between two VPCs as seen from `localVpcId`'s end, if there is one. The service allows one
 * connection per VPC pair, so this is how a second `connectVpcs` call finds the first one's work (and a
 * connection made from the other side is found too). Connections on their way out (`deleting`, `deleted`) do
 * not count.
 * @internal
 */
export async function findConnection(
  client: BceClient,
  localVpcId: string,
  peerVpcId: string,
  options: CallOptions,
): Promise<PeerConn | undefined> {
  for await (const page of paginatePeerconns(client, { vpcId: localVpcId }, options)) {
    const found = page.peerConns.find(
      (pc) =>
        pc.localVpcId === localVpcId &&
        pc.peerVpcId === peerVpcId &&
        pc.status !== 'deleting' &&
        pc.status !== 'deleted',
    );
    if (found) return found;
  }
  return undefined;
}
