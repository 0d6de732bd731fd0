import { fail } from '../error-response.ts';
import { requireStatus, requireVisible } from './access.ts';
import type { OperationContext, OperationResult } from './context.ts';

function handle(ctx: OperationContext, action: 'accept' | 'reject'): OperationResult {
  const record = requireVisible(ctx);
  if (record.acceptor.accountId !== ctx.accountId) {
    fail('AcceptorOnly', `only the acceptor account may ${action} peer connection ${record.peerConnId}`);
  }
  requireStatus(record, ['consulting'], action);
  record.status = action === 'accept' ? 'active' : 'consult_failed';
  record.consultDeadline = undefined;
  return undefined;
}

/**
 * `PUT /v1/peerconn/{id}?accept`: only the acceptor's account (`AcceptorOnly`), only in `consulting`
 * (`InvalidPeerConnStatus`, so also never on a same-account connection); → `active`.
 * @internal
 */
export function acceptPeerconn(ctx: OperationContext): OperationResult {
  return handle(ctx, 'accept');
}

/** `PUT /v1/peerconn/{id}?reject`: same rules as accept; → `consult_failed`. @internal */
export function rejectPeerconn(ctx: OperationContext): OperationResult {
  return handle(ctx, 'reject');
}
