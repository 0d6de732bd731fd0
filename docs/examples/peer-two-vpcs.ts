// "Peer two VPCs" in docs/peer-two-vpcs.md: connectVpcs and disconnectVpcs for one account, for two accounts with
// and without the other account's keys, and driven by a scheduler (a cron Worker, a Workflow step, a job queue).
import { type BceClient, createClient } from '@bcekit/core';
import { type ConnectVpcsInput, type ConnectVpcsOutput, connectVpcs, disconnectVpcs } from '@bcekit/peerconn';

// --- same account ---
/** Two VPCs of one account: connected and routed on both sides in one call. */
export async function peerSameAccount(client: BceClient): Promise<ConnectVpcsOutput> {
  const result = await connectVpcs(
    client,
    {
      localVpcId: 'vpc-alicebj00001', // 192.168.0.0/16
      peerVpcId: 'vpc-alicebj00002', // 172.16.0.0/16
      peerRegion: 'bj',
      bandwidthInMbps: 10,
      dnsSync: true, // optional: resolve the other VPC's private DNS names
    },
    { onStep: (step) => console.log(step.step, step.side ?? '', step.destination ?? '') },
  );
  // result.state === 'connected'; one route rule on each side: 172.16.0.0/16 here, 192.168.0.0/16 there
  return result;
}
// --- end same account ---

// --- cross-account with both keys ---
/** Another account's VPC, with a client of that account: accepted and routed on both sides in one call. */
export async function peerWithBothKeys(client: BceClient, bobClient: BceClient): Promise<ConnectVpcsOutput> {
  return connectVpcs(client, {
    localVpcId: 'vpc-alicebj00002', // 172.16.0.0/16
    peerVpcId: 'vpc-bobbj000001', // bob's, 172.20.0.0/16
    peerRegion: 'bj',
    peerAccountId: 'acc-bob-00000000002',
    peerClient: bobClient, // bob's keys (or an STS role of his account): accepts and routes his side
    bandwidthInMbps: 10,
  });
}
// --- end cross-account with both keys ---

// --- cross-account without the other keys ---
/** Another account's VPC, with this account's keys only: this side asks and routes; the other side accepts. */
export const askBob: ConnectVpcsInput = {
  localVpcId: 'vpc-alicebj00002',
  peerVpcId: 'vpc-bobbj000001',
  peerRegion: 'bj',
  peerAccountId: 'acc-bob-00000000002',
  bandwidthInMbps: 10,
  clientToken: 'alice-bj2-to-bob-bj', // the same token on every call, so a lost answer never makes two
  // Bob's VPC cannot be read with alice's keys: name the CIDR blocks to route to (bob routes his own side).
  routes: { local: ['172.20.0.0/16'] },
};

export async function peerWithoutTheirKeys(client: BceClient): Promise<ConnectVpcsOutput> {
  const result = await connectVpcs(client, askBob);
  if (result.state === 'waiting-for-acceptance') {
    console.log(`ask the owner of ${askBob.peerVpcId} to accept ${result.peerConnId}, then call again`);
  }
  return result; // after bob accepted, the same call returns state 'connected' (alice's route added)
}
// --- end cross-account without the other keys ---

// --- disconnect ---
/** Removes both sides' routes to the connection, closes DNS sync, and deletes it; safe to call again. */
export async function unpeer(client: BceClient, peerConnId: string, bobClient?: BceClient): Promise<boolean> {
  const { removedRouteRuleIds, deleted } = await disconnectVpcs(client, {
    peerConnId,
    ...(bobClient ? { peerClient: bobClient } : {}),
  });
  console.log(`removed ${removedRouteRuleIds.length} route rule(s)`);
  return deleted;
}
// --- end disconnect ---

// --- cron worker ---
/** The Worker's bindings: a KV namespace (wrangler.toml `[[kv_namespaces]]`) and the keys (secrets). */
interface Env {
  PAIRS: { get(key: string): Promise<string | null>; put(key: string, value: string): Promise<void> };
  BCE_ACCESS_KEY_ID: string;
  BCE_SECRET_ACCESS_KEY: string;
  BCE_ENDPOINT?: string; // e.g. the emulator, for a local run
}

export const cronWorker = {
  /** Each Cron Trigger run: one connectVpcs call per pair that is not connected yet; records where each stands. */
  async scheduled(_controller: unknown, env: Env): Promise<void> {
    const client = createClient({
      region: 'bj',
      ...(env.BCE_ENDPOINT ? { endpoint: env.BCE_ENDPOINT } : {}),
      credentials: { accessKeyId: env.BCE_ACCESS_KEY_ID, secretAccessKey: env.BCE_SECRET_ACCESS_KEY },
    });
    const pairs = JSON.parse((await env.PAIRS.get('pairs')) ?? '[]') as (ConnectVpcsInput & { id: string })[];
    for (const { id, ...input } of pairs) {
      const before = await env.PAIRS.get(`state:${id}`);
      if (before === 'connected' || before?.startsWith('failed')) continue;
      try {
        // `clientToken: id`: every run of this pair sends the same token, so a create is never made twice.
        const { state } = await connectVpcs(client, { ...input, clientToken: id });
        await env.PAIRS.put(`state:${id}`, state);
      } catch (error) {
        // e.g. "…is "consult_failed" and will not become active": not accepted within 7 days
        await env.PAIRS.put(`state:${id}`, `failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  },
};
// --- end cron worker ---

// --- workflow ---
/** The parts of Cloudflare's `WorkflowStep` used here (from `cloudflare:workers`). */
interface WorkflowStep {
  do<T>(name: string, callback: () => Promise<T>): Promise<T>;
  sleep(name: string, duration: string): Promise<void>;
}

/** A Workflow's run(): one step per attempt, a durable sleep between attempts, 7 days at most. */
export async function connectInWorkflow(client: BceClient, input: ConnectVpcsInput, step: WorkflowStep) {
  for (let attempt = 1; attempt <= 7 * 24; attempt += 1) {
    const { state, peerConnId } = await step.do(`connect ${attempt}`, () => connectVpcs(client, input));
    if (state === 'connected') return peerConnId;
    await step.sleep(`wait for acceptance ${attempt}`, '1 hour');
  }
  throw new Error(`${input.peerVpcId}'s owner did not accept within 7 days`);
}
// --- end workflow ---

// --- queue ---
/** Any job queue: a consumer that re-enqueues the pair with a delay until it is connected. */
export async function onConnectJob(
  client: BceClient,
  job: ConnectVpcsInput,
  queue: { send(job: ConnectVpcsInput, options: { delaySeconds: number }): Promise<void> },
): Promise<void> {
  const { state } = await connectVpcs(client, job); // throws when it will never connect: let the queue dead-letter it
  if (state === 'waiting-for-acceptance') await queue.send(job, { delaySeconds: 3600 });
}
// --- end queue ---
