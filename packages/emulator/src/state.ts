import { createDueQueue, type DueQueue, dequeueDue, enqueue } from './due-queue.ts';
import { randomId } from './ids.ts';
import { createNetworkState, type NetworkState, type VpcRecord } from './network.ts';
import { nextDue, settle } from './transitions.ts';
import type { EmulatorAccount, PeerConnRecord, PeerConnRoutesPolicy, TransitionDurations } from './types.ts';

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
  vpcs: Map<string, VpcRecord>;
  /** Subnets, route tables and route rules. */
  net: NetworkState;
  /** What deleting a peer connection does to the route rules through it. */
  peerConnRoutes: PeerConnRoutesPolicy;
  /** Every existing record; insertion order is creation order (ascending `seq`). */
  peerConns: Map<string, PeerConnRecord>;
  /** Records by the VPC of either end, in creation order: quota and pair checks, lists by `vpcId`. */
  byVpc: Map<string, PeerConnRecord[]>;
  /** Records by the account of either end (once per record), in creation order: lists without `vpcId`. */
  byAccount: Map<string, PeerConnRecord[]>;
  /** Records with a time-driven change pending, by when it is due: only these are settled per request. */
  due: DueQueue;
  /** Every id ever issued and its creation order, so a marker keeps working after its item is deleted. */
  issuedIds: Map<string, number>;
  /** The accounts of both ends of every id ever issued: a marker works only for them. */
  issuedTo: Map<string, readonly string[]>;
  idempotency: Map<string, IdempotentResult>;
  durations: TransitionDurations;
  quotaPerVpc: number;
  /** Peer connections allowed per account (either end); seeding ignores it. */
  quotaPerUser: number;
  counters: { created: number; deleted: number; requests: number; rejected: number };
  seq: number;
}

/** @internal */
export function createState(
  durations: TransitionDurations,
  quotaPerVpc: number,
  quotaPerUser: number,
  peerConnRoutes: PeerConnRoutesPolicy = 'refuse',
): EmulatorState {
  return {
    accounts: new Map(),
    credentials: new Map(),
    vpcs: new Map(),
    net: createNetworkState(),
    peerConnRoutes,
    peerConns: new Map(),
    byVpc: new Map(),
    byAccount: new Map(),
    due: createDueQueue(),
    issuedIds: new Map(),
    issuedTo: new Map(),
    idempotency: new Map(),
    durations,
    quotaPerVpc,
    quotaPerUser,
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

/** Index of the first record of `list` (ascending `seq`) whose `seq` is at least `seq`. @internal */
export function lowerBound(list: readonly PeerConnRecord[], seq: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.seq < seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function addTo(index: Map<string, PeerConnRecord[]>, key: string, record: PeerConnRecord): void {
  const list = index.get(key) ?? [];
  if (list.length === 0) index.set(key, list);
  if (list.length === 0 || list[list.length - 1]!.seq < record.seq) list.push(record);
  else list.splice(lowerBound(list, record.seq), 0, record);
}

function removeFrom(index: Map<string, PeerConnRecord[]>, key: string, record: PeerConnRecord): void {
  const list = index.get(key);
  if (!list) return;
  const at = lowerBound(list, record.seq);
  if (list[at] === record) list.splice(at, 1);
  if (list.length === 0) index.delete(key);
}

/** Queues a record for settling when its next time-driven change is due (after any change to it). @internal */
export function scheduleRecord(state: EmulatorState, record: PeerConnRecord): void {
  const at = nextDue(record);
  if (at !== undefined) enqueue(state.due, record.peerConnId, at);
}

/** Stores a new record (its id issued by {@link issuePeerConnId} just before) and indexes it. @internal */
export function insertRecord(state: EmulatorState, record: PeerConnRecord): void {
  state.peerConns.set(record.peerConnId, record);
  state.issuedTo.set(record.peerConnId, [record.initiator.accountId, record.acceptor.accountId]);
  addTo(state.byVpc, record.initiator.vpcId, record);
  addTo(state.byVpc, record.acceptor.vpcId, record);
  addTo(state.byAccount, record.initiator.accountId, record);
  if (record.acceptor.accountId !== record.initiator.accountId)
    addTo(state.byAccount, record.acceptor.accountId, record);
  scheduleRecord(state, record);
}

function removeRecord(state: EmulatorState, record: PeerConnRecord): void {
  state.peerConns.delete(record.peerConnId);
  removeFrom(state.byVpc, record.initiator.vpcId, record);
  removeFrom(state.byVpc, record.acceptor.vpcId, record);
  removeFrom(state.byAccount, record.initiator.accountId, record);
  removeFrom(state.byAccount, record.acceptor.accountId, record);
}

/**
 * Settles against service time `now` every record with a change due (finished transitions; deleted records
 * removed). Records with nothing pending are not visited. @internal
 */
export function settleDue(state: EmulatorState, now: number): void {
  for (let id = dequeueDue(state.due, now); id !== undefined; id = dequeueDue(state.due, now)) {
    const record = state.peerConns.get(id);
    if (!record) continue;
    if (settle(record, now) === 'gone') {
      removeRecord(state, record);
      state.counters.deleted++;
    } else {
      const at = nextDue(record);
      if (at !== undefined && at > now) enqueue(state.due, id, at);
    }
  }
}

/**
 * The connection between VPCs `a` and `b`, in either direction, if there is one. Every connection of the pair is in
 * both VPCs' index lists, so the shorter one is searched. @internal
 */
export function findPeering(state: EmulatorState, a: string, b: string): PeerConnRecord | undefined {
  const ofA = state.byVpc.get(a) ?? [];
  const ofB = state.byVpc.get(b) ?? [];
  const [list, other] = ofA.length <= ofB.length ? [ofA, b] : [ofB, a];
  return list.find((r) => r.initiator.vpcId === other || r.acceptor.vpcId === other);
}

/** A fresh unused peer connection id, registered in creation order. @internal */
export function issuePeerConnId(state: EmulatorState): { peerConnId: string; seq: number } {
  let peerConnId = randomId('peerconn-');
  while (state.issuedIds.has(peerConnId)) peerConnId = randomId('peerconn-');
  const seq = ++state.seq;
  state.issuedIds.set(peerConnId, seq);
  return { peerConnId, seq };
}
