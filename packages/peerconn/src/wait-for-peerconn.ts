import type { BceClient, CallOptions, MetadataBearer } from '@bcekit/core';
import { BceError, BceServiceError, BceWaitTimeoutError } from '@bcekit/core';
import { MAX_TIMER_MS, sleep } from '@bcekit/core/operation';
import * as v from 'valibot';
import { parseInput } from './internal/run-operation.ts';
import { getPeerconn } from './operations/get-peerconn.ts';
import { PeerConnIdSchema, RoleSchema } from './schemas/common.ts';
import type { KnownDnsStatus, KnownPeerConnStatus, PeerConn, PeerConnStatus } from './schemas/peerconn.ts';

/** Statuses a peer connection never leaves, except by being deleted. */
export const TERMINAL_PEERCONN_STATUSES: readonly PeerConnStatus[] = ['consult_failed', 'deleted', 'expired', 'error'];

/** Statuses a waiter can wait for: every status the service documents. */
const PEERCONN_STATUSES = [
  'creating',
  'consulting',
  'consult_failed',
  'active',
  'down',
  'starting',
  'stopping',
  'deleting',
  'deleted',
  'expired',
  'error',
  'updating',
] as const satisfies readonly KnownPeerConnStatus[];
const DNS_STATUSES = ['close', 'wait', 'syncing', 'open', 'closing'] as const satisfies readonly KnownDnsStatus[];

// A misspelt status ('actve') would otherwise be polled for until maxWaitTime.
const STATUS_MESSAGE = `must be one of ${PEERCONN_STATUSES.join(', ')}`;
const DNS_STATUS_MESSAGE = `must be one of ${DNS_STATUSES.join(', ')}`;
const UNTIL_MESSAGE = `must be a status such as "active", { status: "active" } or { dnsStatus: "open" }; statuses: ${PEERCONN_STATUSES.join(', ')}; DNS statuses: ${DNS_STATUSES.join(', ')}`;
const StatusSchema = v.picklist(PEERCONN_STATUSES, STATUS_MESSAGE);
const DnsStatusSchema = v.picklist(DNS_STATUSES, DNS_STATUS_MESSAGE);
const delaySchema = /* @__NO_SIDE_EFFECTS__ */ (message: string) =>
  v.pipe(v.number(message), v.gtValue(0, message), v.maxValue(MAX_TIMER_MS, message));

/** Input of {@link waitForPeerconn}, checked before the first poll. */
export const WaitForPeerconnInputSchema = v.pipe(
  v.object({
    peerConnId: PeerConnIdSchema,
    until: v.union(
      [StatusSchema, v.strictObject({ status: StatusSchema }), v.strictObject({ dnsStatus: DnsStatusSchema })],
      UNTIL_MESSAGE,
    ),
    role: v.optional(RoleSchema),
    maxWaitTime: delaySchema('must be a number of ms from 1 to 2147483647 (about 24 days)'),
    minDelay: v.optional(delaySchema('must be a number of ms > 0'), 2_000),
    maxDelay: v.optional(delaySchema('must be a number of ms > 0'), 30_000),
  }),
  v.forward(
    v.check((input) => input.maxDelay >= input.minDelay, 'must be >= minDelay'),
    ['maxDelay'],
  ),
);

/** What {@link waitForPeerconn} accepts. */
export interface WaitForPeerconnInput {
  /** The connection to watch. */
  peerConnId: string;
  /**
   * The status to reach (`'active'` or `{ status: 'active' }`), or a DNS status (`{ dnsStatus: 'open' }`). Only the
   * documented statuses are taken, so that a misspelt one fails at once instead of waiting out `maxWaitTime`.
   */
  until: KnownPeerConnStatus | { status: KnownPeerConnStatus } | { dnsStatus: KnownDnsStatus };
  /** Which end to read (see {@link getPeerconn}); needed for same-region connections. */
  role?: 'initiator' | 'acceptor' | undefined;
  /** Give up after this many ms with a `BceWaitTimeoutError`. Required: a waiter should never wait forever. */
  maxWaitTime: number;
  /** First delay between polls in ms. @default 2000 */
  minDelay?: number | undefined;
  /** Longest delay between polls in ms; delays double from `minDelay` up to this, with jitter. @default 30000 */
  maxDelay?: number | undefined;
}

/**
 * Polls {@link getPeerconn} until the connection reaches a status (or a DNS status), and returns it.
 *
 * Delays start at `minDelay` and double up to `maxDelay`, each drawn at random between `minDelay` and
 * that bound (jitter), and never past `maxWaitTime`. A connection in `consult_failed`, `deleted`,
 * `expired` or `error` will not change any more, so the waiter fails at once unless that
 * state is the target; when waiting for `deleted`, the other final states are passed through (they can
 * still be deleted) and a 404 from the service counts as deleted.
 *
 * Service rules: a cross-account connection stays in `consulting` until the acceptor answers (7 days at
 * most); DNS sync passes through `syncing` to `open` and through `closing` to `close`.
 *
 * @param client A client from `createClient` of `@bcekit/core`.
 * @param input The connection, the target and the time limits.
 * @param options `signal` aborts at once, even mid-sleep, rejecting with `signal.reason`; `timeout` and
 *   `retry` apply to each poll.
 * @returns The connection as last read, in the target state, with the `$metadata` of that read.
 * @throws {BceValidationError} when the input is invalid; nothing is sent.
 * @throws {BceWaitTimeoutError} when `maxWaitTime` passes first; it names the last status seen.
 * @throws {BceError} when the connection reaches a final state that is not the target.
 * @example
 * const pc = await waitForPeerconn(client, { peerConnId, until: 'active', maxWaitTime: 5 * 60_000 });
 * await waitForPeerconn(client, { peerConnId, until: { dnsStatus: 'open' }, role: 'initiator', maxWaitTime: 60_000 });
 */
export async function waitForPeerconn(
  client: BceClient,
  input: WaitForPeerconnInput,
  options?: CallOptions,
): Promise<PeerConn & MetadataBearer> {
  const checked = parseInput('waitForPeerconn', WaitForPeerconnInputSchema, input);
  options?.signal?.throwIfAborted();
  const target = toTarget(checked.until);
  const state = { polls: 0, last: undefined as PeerConn | undefined };
  // One signal for the caller's abort and our deadline, so that both cut a poll or a sleep short.
  const controller = new AbortController();
  const forwardAbort = () => controller.abort(options?.signal?.reason);
  options?.signal?.addEventListener('abort', forwardAbort, { once: true });
  const deadline = setTimeout(
    () => controller.abort(timeoutError(checked.peerConnId, target, checked.maxWaitTime, state)),
    checked.maxWaitTime,
  );
  try {
    const read = { peerConnId: checked.peerConnId, role: checked.role };
    for (;;) {
      const pc = await poll(client, read, target, { ...options, signal: controller.signal }, state.last);
      state.polls += 1;
      state.last = pc;
      if (target.reached(pc)) return pc;
      if (TERMINAL_PEERCONN_STATUSES.includes(pc.status) && !target.passesThrough(pc.status)) {
        throw new BceError(
          `waitForPeerconn: ${checked.peerConnId} is "${pc.status}", a state it will not leave; stopped waiting for ${target.text}`,
          { operation: 'waitForPeerconn' },
        );
      }
      await sleep(nextDelay(state.polls, checked.minDelay, checked.maxDelay), controller.signal);
    }
  } finally {
    clearTimeout(deadline);
    options?.signal?.removeEventListener('abort', forwardAbort);
  }
}

interface Target {
  text: string;
  /** The status the target is about: the DNS status for a DNS target. */
  statusOf(pc: PeerConn): string;
  reached(pc: PeerConn): boolean;
  passesThrough(status: string): boolean;
  /** Waiting for deletion: a 404 means the connection is gone, i.e. deleted. */
  goneCounts: boolean;
}

function toTarget(until: string | { status: string } | { dnsStatus: string }): Target {
  if (typeof until === 'object' && 'dnsStatus' in until) {
    const { dnsStatus } = until;
    return {
      text: `dnsStatus "${dnsStatus}"`,
      statusOf: (pc) => pc.dnsStatus,
      reached: (pc) => pc.dnsStatus === dnsStatus,
      passesThrough: () => false,
      goneCounts: false,
    };
  }
  const status = typeof until === 'string' ? until : until.status;
  return {
    text: `"${status}"`,
    statusOf: (pc) => pc.status,
    reached: (pc) => pc.status === status,
    passesThrough: (current) => status === 'deleted' && current !== 'deleted',
    goneCounts: status === 'deleted',
  };
}

async function poll(
  client: BceClient,
  read: { peerConnId: string; role: 'initiator' | 'acceptor' | undefined },
  target: Target,
  options: CallOptions,
  last: PeerConn | undefined,
): Promise<PeerConn & MetadataBearer> {
  try {
    return await getPeerconn(client, read, options);
  } catch (error) {
    // A released connection may simply be gone: for a deletion wait, that is the goal reached.
    if (error instanceof BceServiceError && error.statusCode === 404 && target.goneCounts) {
      // The answer that said so is the output's metadata.
      const $metadata = {
        requestId: error.requestId,
        httpStatusCode: 404,
        attempts: error.attempts,
        totalRetryDelay: 0,
      };
      return { ...(last ?? ({ peerConnId: read.peerConnId } as PeerConn)), status: 'deleted', $metadata };
    }
    throw error;
  }
}

/** Exponential from `minDelay`, capped at `maxDelay`, drawn at random above `minDelay` (jitter). */
function nextDelay(polls: number, minDelay: number, maxDelay: number): number {
  const ceiling = Math.min(maxDelay, minDelay * 2 ** Math.min(polls - 1, 30));
  return minDelay + Math.random() * (ceiling - minDelay);
}

function timeoutError(
  peerConnId: string,
  target: Target,
  maxWaitTime: number,
  state: { polls: number; last: PeerConn | undefined },
): BceWaitTimeoutError {
  const { last } = state;
  return new BceWaitTimeoutError({
    operation: 'waitForPeerconn',
    resource: peerConnId,
    target: target.text,
    maxWaitTime,
    polls: state.polls,
    lastStatus: last === undefined ? undefined : target.statusOf(last),
    lastSeen: last,
  });
}
