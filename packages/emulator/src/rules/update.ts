import { fail } from '../error-response.ts';
import { startTransition } from '../transitions.ts';
import { requireStatus, requireVisible, rolesOf } from './access.ts';
import type { OperationContext, OperationResult } from './context.ts';
import { requireObject, stringField } from './validate.ts';

/**
 * `PUT /v1/peerconn/{id}` with `{localIfId, description?, localIfName?}`: `localIfId` must be the interface of
 * a side the caller owns (`InvalidParameterValue`); only when `active`; changes that side; → `updating` → `active`.
 * @internal
 */
export function updatePeerconn(ctx: OperationContext): OperationResult {
  const body = requireObject(ctx.body, 'updatePeerconn');
  const localIfId = stringField(body, 'localIfId', true)!;
  const description = stringField(body, 'description');
  const localIfName = stringField(body, 'localIfName');
  const record = requireVisible(ctx);
  const role = rolesOf(record, ctx.accountId).find((r) => record[r].ifId === localIfId);
  if (!role) {
    fail('InvalidParameterValue', `localIfId ${localIfId} is not an interface of ${record.peerConnId} in your account`);
  }
  requireStatus(record, ['active'], 'update');
  if (description !== undefined) record[role].description = description;
  if (localIfName !== undefined) record[role].ifName = localIfName;
  startTransition(record, 'updating', 'active', ctx.now, ctx.state.durations.updating);
  return undefined;
}
