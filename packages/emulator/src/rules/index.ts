import type { OperationName } from '../types.ts';
import { refundPeerconn, renewPeerconn, resizePeerconn } from './billing.ts';
import { acceptPeerconn, rejectPeerconn } from './consultation.ts';
import type { OperationContext, OperationResult } from './context.ts';
import { createPeerconn } from './create.ts';
import { deletePeerconn, updatePeerconnDeleteProtect } from './delete-protect.ts';
import { closePeerconnDnsSync, openPeerconnDnsSync } from './dns-sync.ts';
import { getPeerconn, listPeerconns } from './read.ts';
import { createRouteRule, deleteRouteRule, switchRouteRuleHa, updateRouteRule } from './route-rule.ts';
import { getRouteTable, listRouteRules } from './route-table.ts';
import { updatePeerconn } from './update.ts';
import { getSubnet, getVpc, listSubnets, listVpcs } from './vpc-read.ts';

/** Every emulated operation by name. Each runs synchronously: check and apply cannot interleave. @internal */
export const OPERATIONS: Record<OperationName, (ctx: OperationContext) => OperationResult> = {
  createPeerconn,
  listPeerconns,
  getPeerconn,
  updatePeerconn,
  acceptPeerconn,
  rejectPeerconn,
  deletePeerconn,
  resizePeerconn,
  renewPeerconn,
  openPeerconnDnsSync,
  closePeerconnDnsSync,
  updatePeerconnDeleteProtect,
  refundPeerconn,
  listVpcs,
  getVpc,
  listSubnets,
  getSubnet,
  getRouteTable,
  listRouteRules,
  createRouteRule,
  updateRouteRule,
  deleteRouteRule,
  switchRouteRuleHa,
};

/** Operations that only read (no clientToken, no idempotency record). @internal */
export const READ_ONLY: ReadonlySet<OperationName> = new Set([
  'listPeerconns',
  'getPeerconn',
  'listVpcs',
  'getVpc',
  'listSubnets',
  'getSubnet',
  'getRouteTable',
  'listRouteRules',
]);
