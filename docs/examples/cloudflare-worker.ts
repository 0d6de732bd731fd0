// src/index.ts of a Worker (docs/deploying.md). Secrets: `wrangler secret put BCE_ACCESS_KEY_ID` (and the secret key).
import { BceServiceError, createClient } from '@bcekit/core';
import { getPeerconn } from '@bcekit/peerconn';

interface Env {
  BCE_ACCESS_KEY_ID: string;
  BCE_SECRET_ACCESS_KEY: string;
  BCE_REGION?: string;
}

export default {
  async fetch(request, env) {
    const id = new URL(request.url).searchParams.get('id');
    if (!id) return new Response('?id=peerconn-… is required', { status: 400 });
    // Workers have no process.env for fromEnv(): pass the bindings. A client per request is cheap.
    const client = createClient({
      region: env.BCE_REGION ?? 'bj',
      credentials: { accessKeyId: env.BCE_ACCESS_KEY_ID, secretAccessKey: env.BCE_SECRET_ACCESS_KEY },
      timeout: 10_000,
    });
    try {
      const pc = await getPeerconn(client, { peerConnId: id }, { signal: request.signal });
      return Response.json({ id: pc.peerConnId, status: pc.status, bandwidthInMbps: pc.bandwidthInMbps });
    } catch (error) {
      if (error instanceof BceServiceError) return Response.json({ code: error.code }, { status: error.statusCode });
      throw error;
    }
  },
} satisfies ExportedHandler<Env>;
