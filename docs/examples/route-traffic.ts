// "Route traffic through a peer connection" in docs/routing.md: one peerConn route rule on each side.
import type { BceClient } from '@bcekit/core';
import { getPeerconn } from '@bcekit/peerconn';
import { createRouteRule, getRouteTable, getVpc } from '@bcekit/vpc';

/**
 * Adds the two route rules an active, same-account peer connection needs: in each VPC's default route table, the
 * other VPC's CIDR block goes to the connection's interface on this VPC's side (`localIfId`). Returns the rule ids.
 */
export async function routeBothSides(client: BceClient, peerConnId: string): Promise<string[]> {
  const ids: string[] = [];
  for (const role of ['initiator', 'acceptor'] as const) {
    const side = await getPeerconn(client, { peerConnId, role });
    const peerVpc = await getVpc(client, { vpcId: side.peerVpcId });
    const { routeTableId } = await getRouteTable(client, { vpcId: side.localVpcId });
    const { routeRuleId } = await createRouteRule(client, {
      routeTableId,
      sourceAddress: '0.0.0.0/0', // or a subnet's CIDR block, to route only that subnet
      destinationAddress: peerVpc.cidr, // must not overlap this VPC's own CIDR block
      nexthopType: 'peerConn',
      nexthopId: side.localIfId ?? '', // qpif-…, this side's interface; not the peerconn-… id
      description: `to ${peerVpc.vpcId} via ${peerConnId}`,
    });
    ids.push(routeRuleId);
  }
  return ids;
}
