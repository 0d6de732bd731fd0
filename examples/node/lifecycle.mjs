// The peer connection lifecycle, operation by operation, printed step by step (the connect job is demo.mjs).
//   node lifecycle.mjs           against the built-in emulator on 127.0.0.1 (no account needed)
//   node lifecycle.mjs --live    against Baidu: BCE_ACCESS_KEY_ID, BCE_SECRET_ACCESS_KEY, BCE_REGION,
//                           BCE_LOCAL_VPC_ID, BCE_PEER_VPC_ID (same account) [, BCE_PEER_REGION]
import { createClient, fromEnv } from '@bcekit/core';
import { createEmulator, FIXTURE_ACCOUNTS } from '@bcekit/emulator';
import { runLifecycle } from './src/lifecycle.mjs';

const log = (line) => console.log(line);

async function offline() {
  // Short transitions so the walk-through takes seconds; the states are the service's.
  const emulator = createEmulator({ transitions: { creating: 600, updating: 400, deleting: 300, dnsSyncing: 700 } });
  const server = await emulator.listen({ port: Number(process.env.PORT ?? 0) });
  const [alice, bob] = FIXTURE_ACCOUNTS;
  log(`bcekit demo: VPC peer connections against the offline emulator at ${server.url}`);
  log(`accounts: ${alice.name} (${alice.accountId}) and ${bob.name} (${bob.accountId}); keys are fake`);
  const vpc = (account, name) => account.vpcs.find((v) => v.name === name);
  try {
    await runLifecycle({
      client: createClient({ endpoint: server.url, credentials: alice }),
      peerClient: createClient({ endpoint: server.url, credentials: bob }),
      sameAccount: {
        localVpcId: vpc(alice, 'alice-bj-main').vpcId,
        localRegion: 'bj',
        peerVpcId: vpc(alice, 'alice-gz-main').vpcId,
        peerRegion: 'gz',
      },
      crossAccount: {
        localVpcId: vpc(alice, 'alice-bj-second').vpcId,
        peerVpcId: vpc(bob, 'bob-bj-main').vpcId,
        peerRegion: 'bj',
        peerAccountId: bob.accountId,
      },
      wait: { minDelay: 100, maxDelay: 400, maxWaitTime: 30_000 },
      log,
    });
    const { counts } = emulator.state();
    log(`\nfinal state: ${counts.peerConns} peer connection(s); ${counts.created} created, ${counts.deleted} deleted;`);
    log(
      `${counts.requests} signed requests served; ${counts.rejected} answered with an error (the refused delete, and 404s once deleted)`,
    );
  } finally {
    await server.close();
  }
}

async function live() {
  const need = ['BCE_REGION', 'BCE_LOCAL_VPC_ID', 'BCE_PEER_VPC_ID'].filter((name) => !process.env[name]);
  if (need.length) throw new Error(`--live needs ${need.join(', ')} (and BCE_ACCESS_KEY_ID, BCE_SECRET_ACCESS_KEY)`);
  const region = process.env.BCE_REGION;
  log(
    `bcekit demo: VPC peer connections on Baidu AI Cloud, region ${region} (this creates and deletes a real connection)`,
  );
  await runLifecycle({
    client: createClient({ region, credentials: fromEnv() }),
    peerClient: undefined,
    sameAccount: {
      localVpcId: process.env.BCE_LOCAL_VPC_ID,
      localRegion: region,
      peerVpcId: process.env.BCE_PEER_VPC_ID,
      peerRegion: process.env.BCE_PEER_REGION ?? region,
    },
    crossAccount: undefined,
    wait: { minDelay: 2_000, maxDelay: 15_000, maxWaitTime: 10 * 60_000 },
    log,
  });
}

try {
  await (process.argv.includes('--live') ? live() : offline());
  log('\ndone');
} catch (error) {
  console.error(`\ndemo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
