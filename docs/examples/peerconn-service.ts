// "Your own code" in docs/testing-with-the-emulator.md: a function that takes a client, like any code using bcekit.
import type { BceClient } from '@bcekit/core';
import { createPeerconn, waitForPeerconn } from '@bcekit/peerconn';

/** Connects two VPCs of the client's region and waits until traffic can flow. */
export async function connectVpcs(client: BceClient, localVpcId: string, peerVpcId: string): Promise<string> {
  const { peerConnId } = await createPeerconn(client, { bandwidthInMbps: 10, localVpcId, peerVpcId, peerRegion: 'bj' });
  await waitForPeerconn(client, { peerConnId, until: 'active', maxWaitTime: 60_000, minDelay: 10, maxDelay: 50 });
  return peerConnId;
}
