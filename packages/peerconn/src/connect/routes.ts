import type { BceClient, CallOptions } from '@bcekit/core';
import { BceError } from '@bcekit/core';
import { createRouteRule, deleteRouteRule, getRouteTable } from '@bcekit/vpc';
import { type ConnectStep, type Side, shortHash, stepToken } from './steps.ts';

/** Peer-connection routes go from the whole VPC (`0.0.0.0/0` is a source every route table accepts). */
export const ROUTE_SOURCE = '0.0.0.0/0';

/**
 * Makes sure `vpcId`'s route table sends each destination to the connection's interface on this side, creating the
 * rules that are missing (the service allows one rule per source and destination, so an existing one is found,
 * not duplicated). A rule for the same source and destination that points elsewhere is left alone and reported:
 * taking over someone's route silently would be worse than stopping.
 * @internal
 */
export async function ensureRoutes(
  client: BceClient,
  job: {
    side: Side;
    vpcId: string;
    interfaceId: string;
    destinations: readonly string[];
    peerConnId: string;
    token: string;
  },
  options: CallOptions,
  record: (step: ConnectStep) => void,
): Promise<string[]> {
  const table = await getRouteTable(client, { vpcId: job.vpcId }, options);
  const ids: string[] = [];
  for (const destination of job.destinations) {
    const existing = table.routeRules.find(
      (rule) => rule.sourceAddress === ROUTE_SOURCE && rule.destinationAddress === destination,
    );
    if (existing) {
      if (existing.nexthopType !== 'peerConn' || existing.nexthopId !== job.interfaceId) {
        throw new BceError(
          `connectVpcs: route table ${table.routeTableId} of ${job.vpcId} already sends ${ROUTE_SOURCE} -> ${destination} to ${existing.nexthopType} ${existing.nexthopId} (rule ${existing.routeRuleId || 'sys'}), not to ${job.peerConnId}; remove that rule, or leave this destination out of routes.${job.side}`,
          { operation: 'connectVpcs' },
        );
      }
      ids.push(existing.routeRuleId);
      record({
        step: 'route-found',
        peerConnId: job.peerConnId,
        side: job.side,
        routeRuleId: existing.routeRuleId,
        destination,
      });
      continue;
    }
    const created = await createRouteRule(
      client,
      {
        routeTableId: table.routeTableId,
        sourceAddress: ROUTE_SOURCE,
        destinationAddress: destination,
        nexthopType: 'peerConn',
        nexthopId: job.interfaceId,
        description: `bcekit connectVpcs ${job.peerConnId}`,
        clientToken: stepToken(job.token, `r${job.side[0]}${shortHash(`${table.routeTableId} ${destination}`)}`),
      },
      options,
    );
    const routeRuleId = created.routeRuleId ?? created.routeRuleIds?.[0] ?? '';
    ids.push(routeRuleId);
    record({ step: 'route-added', peerConnId: job.peerConnId, side: job.side, routeRuleId, destination });
  }
  return ids;
}

/**
 * Deletes every rule of `vpcId`'s route table whose next hop is the connection's interface on this side.
 * @internal
 */
export async function removeRoutes(
  client: BceClient,
  job: { side: Side; vpcId: string; interfaceId: string; peerConnId: string },
  options: CallOptions,
  record: (step: ConnectStep) => void,
): Promise<string[]> {
  const table = await getRouteTable(client, { vpcId: job.vpcId }, options);
  const removed: string[] = [];
  for (const rule of table.routeRules) {
    if (rule.nexthopType !== 'peerConn' || rule.nexthopId !== job.interfaceId || !rule.routeRuleId) continue;
    await deleteRouteRule(client, { routeRuleId: rule.routeRuleId }, options);
    removed.push(rule.routeRuleId);
    record({
      step: 'route-removed',
      peerConnId: job.peerConnId,
      side: job.side,
      routeRuleId: rule.routeRuleId,
      destination: rule.destinationAddress,
    });
  }
  return removed;
}
