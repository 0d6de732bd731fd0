import { fail } from '../error-response.ts';
import { startTransition } from '../transitions.ts';
import { requireInitiator, requireStatus, requireUnprotected, requireVisible } from './access.ts';
import type { OperationContext, OperationResult } from './context.ts';
import { releaseRoutes } from './peerconn-routes.ts';
import { addMonths, positiveIntField, requireObject, reservationField } from './validate.ts';

/** Regions outside mainland China; each is its own side of a border. */
const OUTSIDE_MAINLAND: ReadonlySet<string> = new Set(['hkg', 'sin']);

/** Whether a connection between these regions crosses a border (mainland China, Hong Kong, Singapore). */
function isCrossBorder(a: string, b: string): boolean {
  const area = (region: string) => (OUTSIDE_MAINLAND.has(region) ? region : 'mainland');
  return area(a) !== area(b);
}

/**
 * `PUT /v1/peerconn/{id}?resize`: initiator only (`InitiatorOnly`), only when `active`
 * (`InvalidPeerConnStatus`); prepaid can only grow (`PrepaidDowngradeNotAllowed`); → `updating` → `active`.
 * @internal
 */
export function resizePeerconn(ctx: OperationContext): OperationResult {
  const body = requireObject(ctx.body, 'resizePeerconn');
  const newBandwidthInMbps = positiveIntField(body, 'newBandwidthInMbps');
  const record = requireVisible(ctx);
  requireInitiator(record, ctx.accountId, 'resize');
  requireStatus(record, ['active'], 'resize');
  if (record.paymentTiming === 'Prepaid' && newBandwidthInMbps < record.bandwidthInMbps) {
    fail('PrepaidDowngradeNotAllowed', 'the bandwidth of a prepaid peer connection can only grow');
  }
  record.bandwidthInMbps = newBandwidthInMbps;
  startTransition(record, 'updating', 'active', ctx.now, ctx.state.durations.updating);
  return undefined;
}

/**
 * `PUT /v1/peerconn/{id}?purchaseReserved`: initiator only, postpaid cannot be renewed
 * (`PostpaidCannotRenew`), only `active` or `expired`; extends the term from its end (or from now if expired).
 * @internal
 */
export function renewPeerconn(ctx: OperationContext): OperationResult {
  const body = requireObject(ctx.body, 'renewPeerconn');
  const billing = body['billing'];
  if (typeof billing !== 'object' || billing === null || Array.isArray(billing)) {
    fail('InappropriateJSON', 'billing is required: {reservation: {reservationLength, reservationTimeUnit}}');
  }
  const reservation = reservationField((billing as Record<string, unknown>)['reservation']);
  const record = requireVisible(ctx);
  requireInitiator(record, ctx.accountId, 'renew');
  if (record.paymentTiming === 'Postpaid') {
    fail('PostpaidCannotRenew', `peer connection ${record.peerConnId} is postpaid and cannot be renewed`);
  }
  requireStatus(record, ['active', 'expired'], 'renew');
  const from = Math.max(record.expiredTime ?? ctx.now, ctx.now);
  record.expiredTime = addMonths(from, reservation.reservationLength);
  if (record.status === 'expired') record.status = 'active';
  return undefined;
}

/**
 * `PUT /v1/peerconn/{id}?refund`: initiator only; prepaid only (`PostpaidCannotRefund`); not cross-border
 * (`CrossBorderCannotRefund`: mainland China to Hong Kong or Singapore, or between those two); blocked by delete
 * protection (`DeleteProtected`); from `active`, `expired` or `consult_failed`; → `deleting` → gone.
 * @internal
 */
export function refundPeerconn(ctx: OperationContext): OperationResult {
  const record = requireVisible(ctx);
  requireInitiator(record, ctx.accountId, 'refund');
  if (record.paymentTiming !== 'Prepaid') {
    fail('PostpaidCannotRefund', `peer connection ${record.peerConnId} is postpaid; release it with delete`);
  }
  if (isCrossBorder(record.initiator.region, record.acceptor.region)) {
    fail(
      'CrossBorderCannotRefund',
      `peer connection ${record.peerConnId} is cross-border (${record.initiator.region} to ${record.acceptor.region}) and cannot be refunded`,
    );
  }
  requireUnprotected(record);
  requireStatus(record, ['active', 'expired', 'consult_failed'], 'refund');
  releaseRoutes(ctx, record);
  startTransition(record, 'deleting', 'deleted', ctx.now, ctx.state.durations.deleting);
  return undefined;
}
