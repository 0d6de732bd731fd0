import type { PeerConnRecord, PeerConnSide, TransitionDurations } from './types.ts';

/** Default {@link TransitionDurations}. */
export const DEFAULT_TRANSITIONS: TransitionDurations = {
  creating: 3_000,
  updating: 2_000,
  deleting: 2_000,
  dnsSyncing: 2_000,
  dnsClosing: 2_000,
  consultTimeout: 7 * 24 * 60 * 60 * 1000,
};

function settleDns(side: PeerConnSide, now: number): void {
  if (side.dnsSettlesAt === undefined || now < side.dnsSettlesAt) return;
  if (side.dnsStatus === 'syncing') side.dnsStatus = 'open';
  else if (side.dnsStatus === 'closing') side.dnsStatus = 'close';
  side.dnsSettlesAt = undefined;
}

/**
 * Applies every time-driven change due at service time `now`: transitional statuses settle, an unanswered
 * consultation fails after its deadline, DNS sync settles, a prepaid term ends. Returns `'gone'` when a
 * `deleting` record has finished and must be removed.
 * @internal
 */
export function settle(record: PeerConnRecord, now: number): 'kept' | 'gone' {
  if (record.statusSettlesAt !== undefined && now >= record.statusSettlesAt && record.nextStatus) {
    if (record.nextStatus === 'deleted') return 'gone';
    record.status = record.nextStatus;
    record.statusSettlesAt = undefined;
    record.nextStatus = undefined;
  }
  if (record.status === 'consulting' && record.consultDeadline !== undefined && now >= record.consultDeadline) {
    record.status = 'consult_failed';
    record.consultDeadline = undefined;
  }
  if (record.status === 'active' && record.expiredTime !== undefined && now >= record.expiredTime) {
    record.status = 'expired';
  }
  settleDns(record.initiator, now);
  settleDns(record.acceptor, now);
  return 'kept';
}

/**
 * Service time of the record's next time-driven change that {@link settle} would apply, or undefined when
 * none is pending. Changes that only become possible after another (an expiry after `updating` settles) are
 * covered by the earlier one: the record is settled then and asked again.
 * @internal
 */
export function nextDue(record: PeerConnRecord): number | undefined {
  let at = Number.POSITIVE_INFINITY;
  if (record.statusSettlesAt !== undefined && record.nextStatus) at = Math.min(at, record.statusSettlesAt);
  if (record.status === 'consulting' && record.consultDeadline !== undefined) at = Math.min(at, record.consultDeadline);
  if (record.status === 'active' && record.expiredTime !== undefined) at = Math.min(at, record.expiredTime);
  for (const side of [record.initiator, record.acceptor]) {
    if (side.dnsSettlesAt !== undefined) at = Math.min(at, side.dnsSettlesAt);
  }
  return at === Number.POSITIVE_INFINITY ? undefined : at;
}

/** Puts a record into a transitional status that becomes `next` after `ms`. @internal */
export function startTransition(
  record: PeerConnRecord,
  status: PeerConnRecord['status'],
  next: PeerConnRecord['status'],
  now: number,
  ms: number,
): void {
  record.status = status;
  record.nextStatus = next;
  record.statusSettlesAt = now + ms;
}
