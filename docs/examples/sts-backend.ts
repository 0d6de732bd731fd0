// Server side of docs/browser-temporary-credentials.md: a route that trades the server's permanent key for
// short-lived STS credentials scoped to what the page may do. Web-standard Request/Response, so it runs as a
// Worker, a Deno or Bun server, a Vercel/Next route handler or behind any Node framework with fetch adapters.
import { createClient, fromEnv } from '@bcekit/core';

/** What BCE STS answers to `POST /v1/sessionToken` (fields the browser needs). */
interface SessionToken {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: string;
}

const sts = createClient({ endpoint: 'https://sts.bj.baidubce.com', credentials: fromEnv() });

export async function handleCredentials(request: Request): Promise<Response> {
  if (request.method !== 'POST') return new Response('method not allowed', { status: 405 });
  // Authenticate your user here (session cookie, …) before handing out anything.
  const token = await sts.send<SessionToken>({
    method: 'POST',
    path: ['v1', 'sessionToken'],
    query: { durationSeconds: 900 }, // 15 minutes
    body: {
      // Least privilege: this ACL lets the holder read peer connections and nothing else.
      accessControlList: [{ service: 'bce:vpc', region: 'bj', effect: 'Allow', resource: ['*'], permission: ['READ'] }],
    },
    operation: 'getSessionToken',
  });
  if (!token) return new Response('STS answered no credentials', { status: 502 });
  const { accessKeyId, secretAccessKey, sessionToken, expiration } = token;
  return Response.json(
    { accessKeyId, secretAccessKey, sessionToken, expiration },
    { headers: { 'cache-control': 'no-store' } },
  );
}
