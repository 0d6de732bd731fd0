import { fail } from '../error-response.ts';
import { parseRole, requireOwnSide, requireStatus, requireVisible } from './access.ts';
import type { OperationContext, OperationResult } from './context.ts';

function dnsSync(ctx: OperationContext, open: boolean): OperationResult {
  const role = parseRole(ctx.query['role'], true)!;
  const record = requireVisible(ctx);
  requireOwnSide(record, ctx.accountId, role);
  const action = open ? 'open DNS sync of' : 'close DNS sync of';
  requireStatus(record, ['active'], action);
  const side = role === 'initiator' ? record.initiator : record.acceptor;
  if (side.dnsStatus === 'syncing' || side.dnsStatus === 'closing') {
    fail('InvalidDnsStatus', `cannot ${action} ${record.peerConnId} while its DNS status is ${side.dnsStatus}`);
  }
  if (side.dnsStatus === (open ? 'open' : 'close')) {
    fail('InvalidDnsStatus', `DNS sync of ${record.peerConnId} (${role}) is already ${side.dnsStatus}`);
  }
  side.dnsStatus = open ? 'syncing' : 'closing';
  side.dnsSettlesAt = ctx.now + (open ? ctx.state.durations.dnsSyncing : ctx.state.durations.dnsClosing);
  return undefined;
}

/**
 * `PUT /v1/peerconn/{id}?open&role=`: `role` required (`InvalidParameterValue`) and must be a side the caller
 * owns (`AccessDenied`); only when `active` (`InvalidPeerConnStatus`); not while DNS is `syncing`/`closing`
 * or already `open` (`InvalidDnsStatus`); DNS → `syncing` → `open`.
 * @internal
 */
export function openPeerconnDnsSync(ctx: OperationContext): OperationResult {
  return dnsSync(ctx, true);
}

/** `PUT /v1/peerconn/{id}?close&role=`: as open; DNS → `closing` → `close`. @internal */
export function closePeerconnDnsSync(ctx: OperationContext): OperationResult {
  return dnsSync(ctx, false);
}
