import type { BceClient, CallOptions } from '@bcekit/core';
import { BceError, BceServiceError, createClientToken } from '@bcekit/core';
import * as v from 'valibot';
import { parseInput } from '../internal/run-operation.ts';
import { closePeerconnDnsSync } from '../operations/close-peerconn-dns-sync.ts';
import { deletePeerconn } from '../operations/delete-peerconn.ts';
import { getPeerconn } from '../operations/get-peerconn.ts';
import { PeerConnIdSchema } from '../schemas/common.ts';
import type { PeerConn } from '../schemas/peerconn.ts';
import { waitForPeerconn } from '../wait-for-peerconn.ts';
import { removeRoutes } from './routes.ts';
import {
  ClientSchema,
  type ConnectStep,
  callOptions,
  peerSideClient,
  type Side,
  stepLog,
  stepToken,
  type WorkflowOptions,
  waitSettings,
} from './steps.ts';

/** Input of {@link disconnectVpcs}, checked before anything is sent. */
export const DisconnectVpcsInputSchema = v.object({
  peerConnId: PeerConnIdSchema,
  peerClient: v.optional(ClientSchema),
});

/** What {@link disconnectVpcs} accepts. */
export type DisconnectVpcsInput = v.InferInput<typeof DisconnectVpcsInputSchema>;

/** What {@link disconnectVpcs} did. */
export interface DisconnectVpcsOutput {
  /** The route rules removed, on both sides, because they pointed at the connection. */
  removedRouteRuleIds: string[];
  /** Whether the connection is gone (deleted now, or already). */
  deleted: boolean;
  /** Every step this call took, in order. */
  steps: ConnectStep[];
}

/**
 * Undoes {@link connectVpcs}: removes the route rules on both sides that point at the connection's interfaces,
 * closes DNS sync, then deletes the connection. The other side is reached with `peerClient`, or with `client` for
 * a same-account connection (aimed at the other region when needed); without either, only the local side's rules
 * are removed (the other account removes its own).
 *
 * Refuses, changing nothing, while delete protection is on. Safe to call again after a failure: it finishes the
 * job, and a connection that is already gone counts as deleted.
 *
 * @throws {BceValidationError} when the input is invalid; nothing is sent.
 * @throws {BceError} when delete protection is on.
 * @example
 * const { removedRouteRuleIds } = await disconnectVpcs(client, { peerConnId });
 */
export async function disconnectVpcs(
  client: BceClient,
  input: DisconnectVpcsInput,
  options?: WorkflowOptions,
): Promise<DisconnectVpcsOutput> {
  const checked = parseInput('disconnectVpcs', DisconnectVpcsInputSchema, input);
  const call = callOptions(options);
  const log = stepLog(options);
  const token = createClientToken();
  const pc = await readOrGone(client, checked.peerConnId, undefined, call);
  if (!pc || pc.status === 'deleted') return { removedRouteRuleIds: [], deleted: true, steps: log.steps };
  if (pc.deleteProtect) {
    throw new BceError(
      `disconnectVpcs: ${pc.peerConnId} has delete protection on; turn it off first (updatePeerconnDeleteProtect with deleteProtect: false), then call again. Nothing was changed.`,
      { operation: 'disconnectVpcs' },
    );
  }
  const localRole = pc.role === 'acceptor' ? 'acceptor' : 'initiator';
  const otherRole = localRole === 'initiator' ? 'acceptor' : 'initiator';
  const peerSide = peerSideClient('disconnectVpcs', client, {
    peerClient: checked.peerClient,
    peerAccountId: pc.peerAccountId,
    peerRegion: pc.peerRegion,
  });
  const peerView = peerSide ? await readOrGone(peerSide, pc.peerConnId, otherRole, call) : undefined;

  const removed: string[] = [];
  const sides: [BceClient, PeerConn, Side, 'initiator' | 'acceptor'][] = [[client, pc, 'local', localRole]];
  if (peerSide && peerView) sides.push([peerSide, peerView, 'peer', otherRole]);
  for (const [sideClient, view, side] of sides) {
    if (!view.localIfId) continue;
    const job = { side, vpcId: view.localVpcId, interfaceId: view.localIfId, peerConnId: pc.peerConnId };
    removed.push(...(await removeRoutes(sideClient, job, call, log.record)));
  }
  for (const [sideClient, view, side, role] of sides) {
    if (view.dnsStatus === 'close' || view.status !== 'active') continue;
    const wait = (dnsStatus: 'open' | 'close') =>
      waitForPeerconn(
        sideClient,
        { peerConnId: pc.peerConnId, until: { dnsStatus }, role, ...waitSettings(options) },
        call,
      );
    // Sync that is still being opened has to finish opening before it can be closed.
    const current = view.dnsStatus === 'open' || view.dnsStatus === 'closing' ? view : await wait('open');
    if (current.dnsStatus === 'open') {
      const clientToken = stepToken(token, `dns-${role[0]}`);
      await closePeerconnDnsSync(sideClient, { peerConnId: pc.peerConnId, role, clientToken }, call);
    }
    await wait('close');
    log.record({ step: 'dns-closed', peerConnId: pc.peerConnId, side });
  }
  // Only the initiator may delete a cross-account connection; that is the local side here, or the peer client.
  const deleter = localRole === 'initiator' ? client : peerSide;
  if (!deleter) {
    throw new BceError(
      `disconnectVpcs: ${pc.peerConnId} was initiated by the other account, which alone can delete it; the routes of this side were removed`,
      { operation: 'disconnectVpcs' },
    );
  }
  if (pc.status !== 'deleting') {
    await deletePeerconn(deleter, { peerConnId: pc.peerConnId, clientToken: stepToken(token, 'delete') }, call);
  }
  const until = 'deleted' as const;
  await waitForPeerconn(
    deleter,
    { peerConnId: pc.peerConnId, until, role: 'initiator', ...waitSettings(options) },
    call,
  );
  log.record({ step: 'deleted', peerConnId: pc.peerConnId });
  return { removedRouteRuleIds: removed, deleted: true, steps: log.steps };
}

/** The connection as one side sees it, or `undefined` when the service no longer knows it. */
async function readOrGone(
  client: BceClient,
  peerConnId: string,
  role: 'initiator' | 'acceptor' | undefined,
  call: CallOptions,
): Promise<PeerConn | undefined> {
  try {
    return await getPeerconn(client, role ? { peerConnId, role } : { peerConnId }, call);
  } catch (error) {
    if (error instanceof BceServiceError && error.statusCode === 404) return undefined;
    throw error;
  }
}
