// @bcekit/vpc: one export line per operation, then the paginators, the shared schemas and the shapes it returns.
export {
  type CreateRouteRuleInput,
  CreateRouteRuleInputSchema,
  createRouteRule,
} from './operations/create-route-rule.ts';
export {
  type DeleteRouteRuleInput,
  DeleteRouteRuleInputSchema,
  deleteRouteRule,
} from './operations/delete-route-rule.ts';
export { type GetRouteTableInput, GetRouteTableInputSchema, getRouteTable } from './operations/get-route-table.ts';
export { type GetSubnetInput, GetSubnetInputSchema, getSubnet } from './operations/get-subnet.ts';
export { type GetVpcInput, GetVpcInputSchema, getVpc } from './operations/get-vpc.ts';
export { type ListRouteRulesInput, ListRouteRulesInputSchema, listRouteRules } from './operations/list-route-rules.ts';
export { type ListSubnetsInput, ListSubnetsInputSchema, listSubnets } from './operations/list-subnets.ts';
export { type ListVpcsInput, ListVpcsInputSchema, listVpcs } from './operations/list-vpcs.ts';
export {
  type SwitchRouteRuleHaInput,
  SwitchRouteRuleHaInputSchema,
  switchRouteRuleHa,
} from './operations/switch-route-rule-ha.ts';
export {
  type UpdateRouteRuleInput,
  UpdateRouteRuleInputSchema,
  updateRouteRule,
} from './operations/update-route-rule.ts';

export {
  type PaginateRouteRulesInput,
  PaginateRouteRulesInputSchema,
  paginateRouteRules,
  type RouteRulesPages,
} from './paginate-route-rules.ts';
export {
  type PaginateSubnetsInput,
  PaginateSubnetsInputSchema,
  paginateSubnets,
  type SubnetsPages,
} from './paginate-subnets.ts';
export { type PaginateVpcsInput, PaginateVpcsInputSchema, paginateVpcs, type VpcsPages } from './paginate-vpcs.ts';
export {
  CidrSchema,
  DescriptionSchema,
  type IpVersion,
  IpVersionSchema,
  type NextHop,
  NextHopSchema,
  type NexthopType,
  NexthopTypeSchema,
  type TableId,
} from './schemas/common.ts';
export type {
  CreateRouteRuleOutput,
  ListRouteRulesOutput,
  ListSubnetsOutput,
  ListVpcsOutput,
  RouteRule,
  RouteTable,
  Subnet,
  Tag,
  Vpc,
  VpcDetail,
} from './schemas/models.ts';
