// The credential sources of docs/credentials.md, one function per runtime.
import { type BceClient, BceError, createClient, defaultCredentials, fromBceCli } from '@bcekit/core';

/** Node, Deno, Bun: no `credentials` means the environment, then the current profile of Baidu's CLI. */
export function serverClient(): BceClient {
  return createClient({ region: 'bj' });
}

/** A named profile of `~/.bce/config.json`, with the region it stores. */
export function profileClient(profile: string): BceClient {
  const credentials = fromBceCli({ profile });
  return createClient({ region: credentials.region ?? 'bj', credentials });
}

/** A script that says where it looked when it finds nothing, without printing any key. */
export function clientOrExplain(): BceClient | undefined {
  try {
    return createClient({ region: 'bj', credentials: defaultCredentials() });
  } catch (error) {
    if (!(error instanceof BceError)) throw error;
    console.error(error.message); // e.g. "no credentials found: BCE_ACCESS_KEY_ID … ~/.bce/config.json …"
    return undefined;
  }
}

/** Workers (and Vercel Edge): no files and no process.env; the platform's secrets arrive as bindings. */
export function workerClient(env: { BCE_ACCESS_KEY_ID: string; BCE_SECRET_ACCESS_KEY: string }): BceClient {
  return createClient({
    region: 'bj',
    credentials: { accessKeyId: env.BCE_ACCESS_KEY_ID, secretAccessKey: env.BCE_SECRET_ACCESS_KEY },
  });
}
