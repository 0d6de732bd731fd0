/**
 * bcekit in Deno: the lifecycle of a same-account VPC peer connection.
 *
 *   create -> wait until "active" -> list -> delete -> wait until it is gone
 *
 * Offline (default): the script starts the bcekit emulator on 127.0.0.1 and uses the fixture account "alice".
 *   deno run --allow-net=127.0.0.1 --allow-env --allow-read examples/deno/main.ts
 *
 * Against an endpoint (the real service, or an emulator you started): set BCE_ENDPOINT or BCE_REGION, plus
 * BCE_ACCESS_KEY_ID, BCE_SECRET_ACCESS_KEY (and BCE_SECURITY_TOKEN for temporary keys), BCE_LOCAL_VPC_ID and
 * BCE_PEER_VPC_ID (two VPCs of yours in that region). See README.md.
 */
import { type BceClient, BceError, createClient, fromEnv } from '@bcekit/core';
import { createEmulator, FIXTURE_ACCOUNTS } from '@bcekit/emulator';
import {
  createPeerconn,
  deletePeerconn,
  getPeerconn,
  type PeerConn,
  paginatePeerconns,
  waitForPeerconn,
} from '@bcekit/peerconn';

const env = (name: string): string | undefined => Deno.env.get(name) || undefined;

interface Setup {
  client: BceClient;
  localVpcId: string;
  peerVpcId: string;
  peerRegion: string;
  /** Stops what the script started (the offline emulator). */
  close(): Promise<void>;
}

/** Connects to BCE_ENDPOINT / BCE_REGION with credentials from the environment, or starts the emulator. */
async function setup(): Promise<Setup> {
  const endpoint = env('BCE_ENDPOINT');
  const region = env('BCE_REGION');
  if (endpoint || region) {
    const localVpcId = env('BCE_LOCAL_VPC_ID');
    const peerVpcId = env('BCE_PEER_VPC_ID');
    if (!localVpcId || !peerVpcId) throw new Error('set BCE_LOCAL_VPC_ID and BCE_PEER_VPC_ID (two VPCs of yours)');
    const client = createClient({
      ...(endpoint ? { endpoint } : {}),
      ...(region ? { region } : {}),
      credentials: fromEnv(), // BCE_ACCESS_KEY_ID, BCE_SECRET_ACCESS_KEY, optional BCE_SECURITY_TOKEN
    });
    console.log(`endpoint: ${endpoint ?? `region ${region}`}`);
    return {
      client,
      localVpcId,
      peerVpcId,
      peerRegion: env('BCE_PEER_REGION') ?? region ?? 'bj',
      close: async () => {},
    };
  }

  // Offline: the emulator is runtime-agnostic; listen() serves it over node:http, which Deno provides.
  const emulator = createEmulator();
  const server = await emulator.listen(); // 127.0.0.1, a free port
  const [alice] = FIXTURE_ACCOUNTS;
  console.log(`endpoint: emulator at ${server.url} (offline, fixture account ${alice.name})`);
  return {
    client: createClient({ endpoint: server.url, credentials: alice }),
    localVpcId: 'vpc-alicebj00001',
    peerVpcId: 'vpc-alicebj00002',
    peerRegion: 'bj',
    close: () => server.close(),
  };
}

const describe = (pc: PeerConn) =>
  `${pc.peerConnId}  ${pc.status.padEnd(8)}  ${pc.localVpcId} -> ${pc.peerVpcId} (${pc.peerRegion})  ${pc.bandwidthInMbps} Mbps`;

async function main(): Promise<void> {
  const { client, localVpcId, peerVpcId, peerRegion, close } = await setup();
  try {
    const { peerConnId } = await createPeerconn(client, {
      bandwidthInMbps: 10,
      localVpcId,
      peerVpcId,
      peerRegion,
      description: 'created by examples/deno',
    });
    const created = await getPeerconn(client, { peerConnId });
    console.log(`created: ${peerConnId} (status ${created.status})`);

    // Same-account connections need no acceptance: they go from "creating" to "active" by themselves.
    const active = await waitForPeerconn(client, {
      peerConnId,
      until: 'active',
      maxWaitTime: 120_000,
      minDelay: 500,
      maxDelay: 2_000,
    });
    console.log(`active: ${active.peerConnId}`);

    console.log(`list (vpc ${localVpcId}):`);
    for await (const pc of paginatePeerconns(client, { vpcId: localVpcId }).items()) console.log(`  ${describe(pc)}`);

    await deletePeerconn(client, { peerConnId });
    console.log(`deleting: ${peerConnId}`);
    // A 404 counts as deleted: the service forgets a connection once it is released.
    await waitForPeerconn(client, {
      peerConnId,
      until: 'deleted',
      maxWaitTime: 120_000,
      minDelay: 500,
      maxDelay: 2_000,
    });
    console.log(`deleted: ${peerConnId}`);
  } finally {
    await close();
  }
}

try {
  await main();
  console.log('done');
} catch (error) {
  // bcekit errors are redacted: safe to print whole.
  console.error(error instanceof BceError ? `${error.name}: ${error.message}` : error);
  Deno.exit(1);
}
