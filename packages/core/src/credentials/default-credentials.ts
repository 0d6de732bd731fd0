import { BceError } from '../errors/bce-error.ts';
import type { CredentialProvider } from '../types/credentials.ts';
import { readBceCli } from './from-bce-cli.ts';
import { fromEnv } from './from-env.ts';
import { readEnv } from './local-files.ts';

/**
 * The credentials a process already has, looked up as Baidu's tools do: the environment (`BCE_ACCESS_KEY_ID`,
 * `BCE_SECRET_ACCESS_KEY`, optional `BCE_SECURITY_TOKEN`), then the current profile of Baidu's CLI
 * ({@link fromBceCli}: `~/.bce/config.json`, then `~/.go-bcecli/credentials`). `createClient` uses it when given
 * no `credentials` in Node, Deno and Bun. Not in browsers and Workers, which have neither: pass credentials there.
 *
 * @throws {BceError} saying where it looked and what to do, when nothing is found or a CLI file is unusable.
 * @example
 * const client = createClient({ region: 'bj', credentials: defaultCredentials() });
 */
export function defaultCredentials(): CredentialProvider {
  if (readEnv('BCE_ACCESS_KEY_ID') && readEnv('BCE_SECRET_ACCESS_KEY')) return fromEnv();
  const found = readBceCli({});
  if ('provider' in found) return found.provider;
  throw new BceError(
    `no credentials found: BCE_ACCESS_KEY_ID and BCE_SECRET_ACCESS_KEY are unset and ${found.missing}; set them, run \`bce configure\`, or pass credentials`,
  );
}
