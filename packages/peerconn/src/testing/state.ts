import { fail } from './error-response.ts';
import { randomId } from './ids.ts';
import { settle } from './transitions.ts';
import type { EmulatorAccount, EmulatorVpc, PeerConnRecord, TransitionDurations } from './types.ts';

/** A key the emulator accepts, and the account it belongs to. @internal */
export interface CredentialEntry {
  accountId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** A successful result remembered for a clientToken. @internal */
export interface IdempotentResult {
  fingerprint: string;
  status: number;
  body: string | null;
}

/** Everything the emulator knows. Mutated only synchronously, so each request's check-and-apply is atomic. @internal */
export interface EmulatorState {
  accounts: Map<string, { accountId: string; accessKeyId: string }>;
  credentials: Map<string, CredentialEntry>;
  vpcs: Map<string, EmulatorVpc>;
  peerConns: Map<string, PeerConnRecord>;
  /** Every id ever issued and its creation order, so a marker keeps working after its item is deleted. */
  issuedIds: Map<string, number>;
  idempotency: Map<string, IdempotentResult>;
  durations: TransitionDurations;
  quotaPerVpc: number;
  counters: { created: number; deleted: number; requests: number; rejected: number };
  seq: number;
}

/** @internal */
export function createState(durations: TransitionDurations, quotaPerVpc: number): EmulatorState {
  return {
    accounts: new Map(),
    credentials: new Map(),
    vpcs: new Map(),
    peerConns: new Map(),
    issuedIds: new Map(),
    idempotency: new Map(),
    durations,
    quotaPerVpc,
    counters: { created: 0, deleted: 0, requests: 0, rejected: 0 },
    seq: 0,
  };
}

/** Adds an account (or another key of an existing one). @internal */
export function putAccount(state: EmulatorState, input: Partial<EmulatorAccount>): EmulatorAccount {
  const accountId = input.accountId ?? randomId('acc-', 16);
  const accessKeyId = input.accessKeyId ?? randomId('AKID', 28).toUpperCase();
  const secretAccessKey = input.secretAccessKey ?? randomId('', 32);
  const existing = state.credentials.get(accessKeyId);
  if (existing && existing.accountId !== accountId) {
    throw new Error(`addAccount: accessKeyId ${accessKeyId} already belongs to account ${existing.accountId}`);
  }
  if (!state.accounts.has(accountId)) state.accounts.set(accountId, { accountId, accessKeyId });
  const entry: CredentialEntry = { accountId, secretAccessKey };
  if (input.sessionToken) entry.sessionToken = input.sessionToken;
  state.credentials.set(accessKeyId, entry);
  return input.sessionToken
    ? { accountId, accessKeyId, secretAccessKey, sessionToken: input.sessionToken }
    : { accountId, accessKeyId, secretAccessKey };
}

/** Adds a VPC to an existing account. @internal */
export function putVpc(
  state: EmulatorState,
  input: { accountId: string; region: string; vpcId?: string; name?: string },
): EmulatorVpc {
  if (!state.accounts.has(input.accountId)) {
    throw new Error(`addVpc: no account ${input.accountId}; call addAccount first`);
  }
  if (!input.region) throw new Error('addVpc: region is required (e.g. "bj")');
  const vpcId = input.vpcId ?? randomId('vpc-');
  if (state.vpcs.has(vpcId)) throw new Error(`addVpc: ${vpcId} already exists`);
  const vpc = { vpcId, accountId: input.accountId, region: input.region, name: input.name ?? vpcId };
  state.vpcs.set(vpcId, vpc);
  return vpc;
}

/** Settles every record against service time `now` (finished transitions; deleted records removed). @internal */
export function settleAll(state: EmulatorState, now: number): void {
  for (const record of state.peerConns.values()) {
    if (settle(record, now) === 'gone') {
      state.peerConns.delete(record.peerConnId);
      state.counters.deleted++;
    }
  }
}

/** A fresh unused peer connection id, registered in creation order. @internal */
export function issuePeerConnId(state: EmulatorState): { peerConnId: string; seq: number } {
  let peerConnId = randomId('peerconn-');
  while (state.issuedIds.has(peerConnId)) peerConnId = randomId('peerconn-');
  const seq = ++state.seq;
  state.issuedIds.set(peerConnId, seq);
  return { peerConnId, seq };
}

/** The record with this id, or 404 `NoSuchObject`. @internal */
export function requireRecord(state: EmulatorState, peerConnId: string): PeerConnRecord {
  const record = state.peerConns.get(peerConnId);
  if (!record) fail(404, 'NoSuchObject', `peer connection ${peerConnId} does not exist`);
  return record;
}
