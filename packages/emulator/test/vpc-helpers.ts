import { type BceClient, signedFetch } from '@bcekit/core';
import { FIXTURE_ACCOUNTS } from '@bcekit/emulator';
import { acceptPeerconn, createPeerconn, getPeerconn } from '@bcekit/peerconn';
import type { Started } from './helpers.ts';

export const [alice, bob] = FIXTURE_ACCOUNTS;

/** A signed request through the client (real signature, real HTTP), answering status and parsed body. */
export async function call(
  client: BceClient,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const init: RequestInit = { method };
  if (body !== undefined) init.body = JSON.stringify(body);
  const response = await signedFetch(client, path, init);
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {} };
}

/** The error code of a refused call (fails when it succeeded). */
export async function refusal(client: BceClient, method: string, path: string, body?: unknown): Promise<string> {
  const { status, body: answer } = await call(client, method, path, body);
  if (status < 400)
    throw new Error(`expected ${method} ${path} to be refused, got ${status} ${JSON.stringify(answer)}`);
  if (typeof answer['requestId'] !== 'string' || typeof answer['message'] !== 'string') {
    throw new Error(`not a BCE error body: ${JSON.stringify(answer)}`);
  }
  return `${status} ${answer['code']}`;
}

/**
 * An active peer connection between two VPCs (accepted by `acceptor` when cross-account) and both ends' interface
 * ids, each read from its own side's view.
 */
export async function peering(
  env: Started,
  initiator: BceClient,
  localVpcId: string,
  peerVpcId: string,
  peerRegion: string,
  acceptor?: { client: BceClient; accountId: string },
): Promise<{ peerConnId: string; localIfId: string; peerIfId: string }> {
  const { peerConnId } = await createPeerconn(initiator, {
    bandwidthInMbps: 10,
    localVpcId,
    peerVpcId,
    peerRegion,
    ...(acceptor ? { peerAccountId: acceptor.accountId } : {}),
  });
  if (acceptor) await acceptPeerconn(acceptor.client, { peerConnId });
  env.emulator.clock.advance(60_000);
  const local = await getPeerconn(initiator, { peerConnId, role: 'initiator' });
  const peer = await getPeerconn(acceptor?.client ?? initiator, { peerConnId, role: 'acceptor' });
  return { peerConnId, localIfId: local.localIfId ?? '', peerIfId: peer.localIfId ?? '' };
}
