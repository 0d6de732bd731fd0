// Browser code of docs/browser-temporary-credentials.md: the page holds no permanent key.

import type { ProvidedCredentials } from '@bcekit/core';
import { createClient } from '@bcekit/core';
import { listPeerconns } from '@bcekit/peerconn';

/** Asks your own backend for short-lived credentials (see sts-backend.ts). */
async function fetchTemporaryCredentials(): Promise<ProvidedCredentials> {
  const response = await fetch('/api/bce-credentials', { method: 'POST', credentials: 'same-origin' });
  if (!response.ok) throw new Error(`/api/bce-credentials answered ${response.status}`);
  const body = (await response.json()) as {
    accessKeyId: string;
    secretAccessKey: string;
    sessionToken: string;
    expiration: string; // ISO-8601, as STS returns it
  };
  return body; // { accessKeyId, secretAccessKey, sessionToken, expiration }
}

const client = createClient({
  region: 'bj',
  // A provider: called on first use, cached, and called again 5 minutes before `expiration`.
  // Concurrent calls share one refresh; the token goes out as a signed x-bce-security-token header.
  credentials: fetchTemporaryCredentials,
});

export async function showPeerconns(list: HTMLElement): Promise<void> {
  const { peerConns } = await listPeerconns(client, { vpcId: 'vpc-a8n5p6qwxrmq' });
  list.replaceChildren(
    ...peerConns.map((pc) =>
      Object.assign(document.createElement('li'), { textContent: `${pc.peerConnId} ${pc.status}` }),
    ),
  );
}
