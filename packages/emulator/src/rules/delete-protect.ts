import { fail } from '../error-response.ts';
import { startTransition } from '../transitions.ts';
import { requireInitiator, requireStatus, requireUnprotected, requireVisible } from './access.ts';
import type { OperationContext, OperationResult } from './context.ts';
import { releaseRoutes } from './peerconn-routes.ts';
import { booleanField, requireObject } from './validate.ts';

/**
 * `DELETE /v1/peerconn/{id}`: initiator only (`InitiatorOnly`); blocked by delete protection
 * (`DeleteProtected`); not while `creating`/`updating`/`deleting` (`InvalidPeerConnStatus`); a prepaid
 * connection that is `active` and not expired cannot be released (`PrepaidNotReleasable`, use refund);
 * → `deleting` → gone (then 404 `NoSuchObject`, and the VPC pair is free again).
 * @internal
 */
export function deletePeerconn(ctx: OperationContext): OperationResult {
  const record = requireVisible(ctx);
  requireInitiator(record, ctx.accountId, 'delete');
  requireUnprotected(record);
  requireStatus(record, ['active', 'consulting', 'consult_failed', 'expired', 'down', 'error'], 'delete');
  if (record.paymentTiming === 'Prepaid' && record.status === 'active') {
    fail('PrepaidNotReleasable', `prepaid peer connection ${record.peerConnId} is active and not expired; refund it`);
  }
  releaseRoutes(ctx, record);
  startTransition(record, 'deleting', 'deleted', ctx.now, ctx.state.durations.deleting);
  return undefined;
}

/** `PUT /v1/peerconn/{id}/deleteProtect` with `{deleteProtect}`: initiator only; any status but `deleting`. @internal */
export function updatePeerconnDeleteProtect(ctx: OperationContext): OperationResult {
  const deleteProtect = booleanField(requireObject(ctx.body, 'updatePeerconnDeleteProtect'), 'deleteProtect', true)!;
  const record = requireVisible(ctx);
  requireInitiator(record, ctx.accountId, 'change delete protection of');
  if (record.status === 'deleting') requireStatus(record, [], 'change delete protection of');
  record.deleteProtect = deleteProtect;
  return undefined;
}
