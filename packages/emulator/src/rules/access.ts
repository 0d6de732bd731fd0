import { fail } from '../error-response.ts';
import type { KnownPeerConnStatus, PeerConnRecord, PeerConnRole } from '../types.ts';
import type { OperationContext } from './context.ts';

/** Roles of a record the account owns: both for same-account connections. @internal */
export function rolesOf(record: PeerConnRecord, accountId: string): PeerConnRole[] {
  const roles: PeerConnRole[] = [];
  if (record.initiator.accountId === accountId) roles.push('initiator');
  if (record.acceptor.accountId === accountId) roles.push('acceptor');
  return roles;
}

/** The record named by the path if the caller owns a side of it; otherwise 404 `NoSuchObject`. @internal */
export function requireVisible(ctx: OperationContext): PeerConnRecord {
  const record = ctx.state.peerConns.get(ctx.peerConnId);
  if (!record || rolesOf(record, ctx.accountId).length === 0) {
    fail('NoSuchObject', `peer connection ${ctx.peerConnId} does not exist`);
  }
  return record;
}

/** Cross-account connections: only the initiator's account may do `action` (403 `InitiatorOnly`). @internal */
export function requireInitiator(record: PeerConnRecord, accountId: string, action: string): void {
  if (record.initiator.accountId !== accountId) {
    fail('InitiatorOnly', `only the initiator account may ${action} peer connection ${record.peerConnId}`);
  }
}

/** `role` must be a side of the record in the caller's account (403 `AccessDenied`). @internal */
export function requireOwnSide(record: PeerConnRecord, accountId: string, role: PeerConnRole): void {
  if (!rolesOf(record, accountId).includes(role)) {
    fail('AccessDenied', `the ${role} side of peer connection ${record.peerConnId} is not in your account`);
  }
}

/** Release (delete or refund) is refused while delete protection is on (403 `DeleteProtected`). @internal */
export function requireUnprotected(record: PeerConnRecord): void {
  if (record.deleteProtect) {
    fail('DeleteProtected', `peer connection ${record.peerConnId} has delete protection; turn it off first`);
  }
}

/** The record must be in one of `allowed` (409 `InvalidPeerConnStatus`). @internal */
export function requireStatus(record: PeerConnRecord, allowed: readonly KnownPeerConnStatus[], action: string): void {
  if (!allowed.includes(record.status)) {
    fail(
      'InvalidPeerConnStatus',
      `cannot ${action} peer connection ${record.peerConnId} while it is ${record.status} (needs ${allowed.join(' or ')})`,
    );
  }
}

/** A valid `role` query value, or 400 `InvalidParameterValue`. @internal */
export function parseRole(value: string | undefined, required: boolean): PeerConnRole | undefined {
  if (value === undefined || value === '') {
    if (required) fail('InvalidParameterValue', 'role is required: "initiator" or "acceptor"');
    return undefined;
  }
  if (value !== 'initiator' && value !== 'acceptor') {
    fail('InvalidParameterValue', `role must be "initiator" or "acceptor" (got ${JSON.stringify(value)})`);
  }
  return value;
}
