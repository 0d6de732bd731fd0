import { fail } from '../error-response.ts';
import { lowerBound } from '../state.ts';
import type { PeerConnRole, PeerConnView } from '../types.ts';
import { toView } from '../views.ts';
import { parseRole, requireOwnSide, requireVisible, rolesOf } from './access.ts';
import type { OperationContext, OperationResult } from './context.ts';

/**
 * `GET /v1/peerconn/{id}?role=`: the caller's side. Without `role`, the initiator side when the caller owns it
 * (the service picks one at random for same-account connections; the emulator is deterministic). A `role`
 * the caller does not own gives 403 `AccessDenied`; an id the caller cannot see, 404 `NoSuchObject`.
 * @internal
 */
export function getPeerconn(ctx: OperationContext): OperationResult {
  const wanted = parseRole(ctx.query['role'], false);
  const record = requireVisible(ctx);
  if (wanted) requireOwnSide(record, ctx.accountId, wanted);
  return { ...toView(record, wanted ?? rolesOf(record, ctx.accountId)[0]!) };
}

function parseMaxKeys(value: string | undefined): number {
  if (value === undefined || value === '') return 1000;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000) {
    fail('InvalidParameterValue', `maxKeys must be an integer from 1 to 1000 (got ${JSON.stringify(value)})`);
  }
  return n;
}

/**
 * `GET /v1/peerconn?vpcId=&marker=&maxKeys=`: the caller's sides in creation order. With `vpcId`, the sides
 * whose local VPC it is; without, each visible connection once (initiator side when the caller owns it).
 * `marker` is the id of the first item of a page (`InvalidParameterValue` when never issued to the caller's
 * account, the same answer for another account's id; it keeps working after that item is deleted); `maxKeys`
 * 1..1000, default 1000; `marker` only when the page has items, `nextMarker` only when `isTruncated`.
 * @internal
 */
export function listPeerconns(ctx: OperationContext): OperationResult {
  const maxKeys = parseMaxKeys(ctx.query['maxKeys']);
  const vpcId = ctx.query['vpcId'] || undefined;
  const marker = ctx.query['marker'] || undefined;
  let fromSeq = 0;
  if (marker !== undefined) {
    const seq = ctx.state.issuedIds.get(marker);
    // Another account's id is answered exactly like one never issued, so a list tells nobody it exists.
    if (seq === undefined || !ctx.state.issuedTo.get(marker)?.includes(ctx.accountId)) {
      fail('InvalidParameterValue', `marker ${marker} was not returned by this service`);
    }
    fromSeq = seq;
  }
  // The index holds the candidates in creation order: start at the marker, stop one match past the page.
  const candidates = (vpcId ? ctx.state.byVpc.get(vpcId) : ctx.state.byAccount.get(ctx.accountId)) ?? [];
  const page: PeerConnView[] = [];
  let nextMarker: string | undefined;
  for (let i = lowerBound(candidates, fromSeq); i < candidates.length; i++) {
    const record = candidates[i]!;
    const roles = rolesOf(record, ctx.accountId);
    const role: PeerConnRole | undefined = vpcId ? roles.find((r) => record[r].vpcId === vpcId) : roles[0];
    if (!role) continue;
    if (page.length === maxKeys) {
      nextMarker = record.peerConnId;
      break;
    }
    page.push(toView(record, role));
  }
  const isTruncated = nextMarker !== undefined;
  const result: Record<string, unknown> = { isTruncated, maxKeys, peerConns: page };
  // The service leaves `marker` out of an empty list.
  if (page.length > 0) result['marker'] = marker ?? page[0]!.peerConnId;
  if (isTruncated) result['nextMarker'] = nextMarker;
  return result;
}
