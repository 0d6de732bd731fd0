// Starts the bcekit emulator for `wrangler dev` (node examples/cloudflare-worker/emulator.mjs [port]).
// The Worker reaches it through its BCE_ENDPOINT binding; the fixture keys only work against the emulator.
import { createEmulator, FIXTURE_ACCOUNTS } from '@bcekit/emulator';

const port = Number(process.argv[2] ?? process.env.PORT ?? 8788);
const server = await createEmulator().listen({ port });
const [alice] = FIXTURE_ACCOUNTS;
console.log(`bcekit emulator on ${server.url} (Ctrl-C to stop)

In another terminal, from examples/cloudflare-worker:
  printf 'BCE_ACCESS_KEY_ID=${alice.accessKeyId}\\nBCE_SECRET_ACCESS_KEY=${alice.secretAccessKey}\\n' > .dev.vars
  npx wrangler dev --var BCE_ENDPOINT:${server.url}
Then:
  curl -X POST localhost:8787/peerconns -H 'content-type: application/json' \\
    -d '{"bandwidthInMbps":10,"localVpcId":"vpc-alicebj00001","peerVpcId":"vpc-alicebj00002","peerRegion":"bj"}'
  curl 'localhost:8787/peerconns?vpcId=vpc-alicebj00001'`);
process.on('SIGINT', () => server.close().then(() => process.exit(0)));
