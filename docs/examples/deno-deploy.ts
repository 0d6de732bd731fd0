// main.ts for Deno Deploy (docs/deploying.md): `deno deploy` or a GitHub-linked project; set the env vars there.
import { createClient, fromEnv } from 'jsr:@bcekit/core@^0.1.0';
import { listPeerconns } from 'jsr:@bcekit/peerconn@^0.1.0';

const client = createClient({ region: Deno.env.get('BCE_REGION') ?? 'bj', credentials: fromEnv() });

Deno.serve(async (request) => {
  // `?vpcId=` (empty) means "no filter": `||` turns '' into undefined; an empty id would be refused as invalid.
  const vpcId = new URL(request.url).searchParams.get('vpcId') || undefined;
  const page = await listPeerconns(client, { vpcId }, { signal: request.signal });
  return Response.json(page.peerConns.map((pc) => ({ id: pc.peerConnId, status: pc.status })));
});
