// app/api/peerconns/route.ts in a Next.js app on Vercel (docs/deploying.md). Env vars from the project settings.
import { createClient, fromEnv } from '@bcekit/core';
import { listPeerconns } from '@bcekit/peerconn';

export const runtime = 'edge';

const client = createClient({ region: process.env.BCE_REGION ?? 'bj', credentials: fromEnv() });

export async function GET(request: Request): Promise<Response> {
  // `?vpcId=` (empty) means "no filter": `||` turns '' into undefined; an empty id would be refused as invalid.
  const vpcId = new URL(request.url).searchParams.get('vpcId') || undefined;
  const page = await listPeerconns(client, { vpcId }, { signal: request.signal });
  return Response.json(page.peerConns.map((pc) => ({ id: pc.peerConnId, status: pc.status })));
}
