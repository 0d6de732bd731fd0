// bcekit demo: two VPCs that can reach each other — peer connection, routes on both sides, DNS sync — in one
// resumable call, then undone.
//   node demo.mjs           against the built-in emulator on 127.0.0.1 (no account needed)
//   node demo.mjs --live    against Baidu: BCE_ACCESS_KEY_ID, BCE_SECRET_ACCESS_KEY, BCE_REGION,
//                           BCE_LOCAL_VPC_ID, BCE_PEER_VPC_ID (same account) [, BCE_PEER_REGION]
import { createClient, fromEnv, withRegion } from '@bcekit/core';
import { createEmulator, FIXTURE_ACCOUNTS } from '@bcekit/emulator';
import { getRouteTable } from '@bcekit/vpc';
import { connectAndShow, disconnectAndCheck } from './src/connect-job.mjs';

const log = (line) => console.log(line);
let step = 0;
const heading = (title) => log(`\n${++step}. ${title}`);

async function offline() {
  // Short transitions so the job takes seconds; the states are the service's.
  const emulator = createEmulator({ transitions: { creating: 300, deleting: 200, dnsSyncing: 300, dnsClosing: 200 } });
  const server = await emulator.listen({ port: Number(process.env.PORT ?? 0) });
  const [alice, bob] = FIXTURE_ACCOUNTS;
  const vpc = (account, name) => account.vpcs.find((v) => v.name === name);
  const client = (credentials, options = {}) =>
    createClient({ region: 'bj', endpoint: server.url, credentials, ...options });
  const aliceClient = client(alice);
  const bobClient = client(bob);
  const options = { minDelay: 50, maxDelay: 200, maxWaitTime: 30_000 };
  log(`bcekit demo: peering two VPCs against the offline emulator at ${server.url}`);
  log(`accounts: ${alice.name} (${alice.accountId}) and ${bob.name} (${bob.accountId}); keys are fake`);
  const [aliceMain, aliceSecond, bobMain] = [
    vpc(alice, 'alice-bj-main'),
    vpc(alice, 'alice-bj-second'),
    vpc(bob, 'bob-bj-main'),
  ];
  try {
    heading(
      `Same account: ${aliceMain.vpcId} (${aliceMain.cidr}) <-> ${aliceSecond.vpcId} (${aliceSecond.cidr}), with DNS sync`,
    );
    const tablesA = [
      [aliceClient, await getRouteTable(aliceClient, { vpcId: aliceMain.vpcId })],
      [aliceClient, await getRouteTable(aliceClient, { vpcId: aliceSecond.vpcId })],
    ];
    const same = await connectAndShow({
      client: aliceClient,
      peerReader: aliceClient,
      input: {
        localVpcId: aliceMain.vpcId,
        peerVpcId: aliceSecond.vpcId,
        peerRegion: 'bj',
        bandwidthInMbps: 10,
        dnsSync: true,
      },
      options,
      log,
    });

    heading(
      `Cross-account: ${aliceSecond.vpcId} (alice) <-> ${bobMain.vpcId} (bob, ${bobMain.cidr}), interrupted halfway`,
    );
    const tablesB = [
      [aliceClient, await getRouteTable(aliceClient, { vpcId: aliceSecond.vpcId })],
      [bobClient, await getRouteTable(bobClient, { vpcId: bobMain.vpcId })],
    ];
    const input = {
      localVpcId: aliceSecond.vpcId,
      peerVpcId: bobMain.vpcId,
      peerRegion: 'bj',
      bandwidthInMbps: 10,
      peerAccountId: bob.accountId,
      peerClient: bobClient,
    };
    // The service applies the first route rule but its answer is lost, and this client does not retry: the call fails.
    emulator.faults.inject({ match: { method: 'POST', path: '/v1/route/rule' }, times: 1, drop: 'after' });
    const fragile = client(alice, { retry: 0 });
    const fragilePeer = client(bob, { retry: 0 });
    const interrupted = await connectAndShow({
      client: fragile,
      peerReader: bobClient,
      input: { ...input, peerClient: fragilePeer },
      options,
      log,
    }).catch((error) => error);
    log(`   interrupted: ${interrupted.name}: ${interrupted.message}`);
    log('   calling connectVpcs again (same input) finishes the job without making anything twice:');
    const cross = await connectAndShow({ client: aliceClient, peerReader: bobClient, input, options, log });

    heading('disconnectVpcs both pairs, last first: rules removed on every side, DNS sync closed, connections deleted');
    await disconnectAndCheck({
      client: aliceClient,
      peerClient: bobClient,
      peerConnId: cross.peerConnId,
      tables: tablesB,
      options,
      log,
    });
    await disconnectAndCheck({ client: aliceClient, peerConnId: same.peerConnId, tables: tablesA, options, log });
    const { counts } = emulator.state();
    log(`\nfinal state: ${counts.peerConns} peer connection(s); ${counts.created} created, ${counts.deleted} deleted`);
  } finally {
    await server.close();
  }
}

async function live() {
  const need = ['BCE_REGION', 'BCE_LOCAL_VPC_ID', 'BCE_PEER_VPC_ID'].filter((name) => !process.env[name]);
  if (need.length) throw new Error(`--live needs ${need.join(', ')} (and BCE_ACCESS_KEY_ID, BCE_SECRET_ACCESS_KEY)`);
  const region = process.env.BCE_REGION;
  log(`bcekit demo: peering two VPCs on Baidu AI Cloud, region ${region} (this creates and deletes a real connection)`);
  const client = createClient({ region, credentials: fromEnv() });
  const input = {
    localVpcId: process.env.BCE_LOCAL_VPC_ID,
    peerVpcId: process.env.BCE_PEER_VPC_ID,
    peerRegion: process.env.BCE_PEER_REGION ?? region,
    bandwidthInMbps: 1,
  };
  const options = { minDelay: 2_000, maxDelay: 15_000, maxWaitTime: 10 * 60_000 };
  heading(`connectVpcs ${input.localVpcId} <-> ${input.peerVpcId} (${input.peerRegion})`);
  const tables = [[client, await getRouteTable(client, { vpcId: input.localVpcId })]];
  const result = await connectAndShow({
    client,
    peerReader: withRegion(client, input.peerRegion),
    input,
    options,
    log,
  });
  heading('disconnectVpcs');
  await disconnectAndCheck({ client, peerConnId: result.peerConnId, tables, options, log });
}

try {
  await (process.argv.includes('--live') ? live() : offline());
  log('\ndone');
} catch (error) {
  console.error(`\ndemo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
