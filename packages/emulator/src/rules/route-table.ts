import { fail } from '../error-response.ts';
import type { VpcRecord } from '../network.ts';
import { routeTableView, ruleView } from '../network-views.ts';
import type { OperationContext, OperationResult } from './context.ts';
import { page } from './page.ts';
import { ownVpc } from './vpc-read.ts';

/**
 * The VPC whose route table the query names by `vpcId` and/or `routeTableId` (400 `InvalidParameterValue`
 * without either, or when both are given and name different tables; 404 `NoSuchObject` for an id of no table
 * of the caller's).
 * @internal
 */
export function tableOf(ctx: OperationContext): VpcRecord {
  const vpcId = ctx.query['vpcId'] || undefined;
  const routeTableId = ctx.query['routeTableId'] || undefined;
  if (!vpcId && !routeTableId) fail('InvalidParameterValue', 'vpcId or routeTableId is required');
  let vpc: VpcRecord | undefined;
  if (routeTableId) {
    vpc = ctx.state.net.routeTables.get(routeTableId);
    if (!vpc || vpc.accountId !== ctx.accountId) fail('NoSuchObject', `no route table ${routeTableId} in this account`);
    ownVpc(ctx, vpc.vpcId);
  }
  if (vpcId) {
    const byVpc = ownVpc(ctx, vpcId);
    if (vpc && vpc !== byVpc) {
      fail('InvalidParameterValue', `route table ${routeTableId} is not the route table of VPC ${vpcId}`);
    }
    vpc = byVpc;
  }
  return vpc!;
}

/** `GET /v1/route?vpcId=&routeTableId=`: the VPC's one route table with every rule, `sys` rules first. @internal */
export function getRouteTable(ctx: OperationContext): OperationResult {
  return { ...routeTableView(ctx.state, tableOf(ctx)) };
}

/**
 * `GET /v1/route/rule?routeTableId=|vpcId=&marker=&maxKeys=`: the user rules of the table in creation order. The
 * `sys` rules have no id to page by, so only `GET /v1/route` shows them.
 * @internal
 */
export function listRouteRules(ctx: OperationContext): OperationResult {
  const vpc = tableOf(ctx);
  const list = ctx.state.net.rulesByTable.get(vpc.routeTableId) ?? [];
  return page(ctx, list, 'rule', 'routeRules', (r) => r.routeRuleId, ruleView);
}
