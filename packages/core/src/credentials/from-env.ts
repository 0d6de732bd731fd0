import { regionFromEnv } from '../client/env-region.ts';
import { BceError } from '../errors/bce-error.ts';
import type { CredentialProvider, ProvidedCredentials } from '../types/credentials.ts';

interface DenoEnv {
  env: { get(name: string): string | undefined };
}

/** What {@link fromEnv} returns: a credential provider that also carries the environment's region. */
export interface EnvCredentialProvider extends CredentialProvider {
  /** `BCE_REGION` as read by {@link fromEnv}; `createClient` takes it when given neither `region` nor `endpoint`. */
  readonly region: string | undefined;
}

/**
 * Reads `BCE_ACCESS_KEY_ID`, `BCE_SECRET_ACCESS_KEY`, (optionally) `BCE_SECURITY_TOKEN` and `BCE_REGION` (the name
 * Baidu's `bce` CLI uses) from the environment of Node, Bun or Deno (Deno needs `--allow-env`). The variables are
 * checked now, so a missing key fails fast; the region is only used when `createClient` gets no `region`/`endpoint`.
 *
 * @throws {BceError} when a variable is missing or the runtime has no environment (browsers, Workers).
 * @example
 * const client = createClient({ region: 'bj', credentials: fromEnv() });
 * const client = createClient({ credentials: fromEnv() }); // region from BCE_REGION
 */
export function fromEnv(): EnvCredentialProvider {
  const read = envReader();
  const accessKeyId = read('BCE_ACCESS_KEY_ID');
  const secretAccessKey = read('BCE_SECRET_ACCESS_KEY');
  const sessionToken = read('BCE_SECURITY_TOKEN');
  if (!accessKeyId) throw missing('BCE_ACCESS_KEY_ID', 'BCE_SECRET_ACCESS_KEY');
  if (!secretAccessKey) throw missing('BCE_SECRET_ACCESS_KEY', 'BCE_ACCESS_KEY_ID');
  const credentials: ProvidedCredentials = sessionToken
    ? { accessKeyId, secretAccessKey, sessionToken }
    : { accessKeyId, secretAccessKey };
  // Read without prompting: Deno run with --allow-env=BCE_ACCESS_KEY_ID,... alone must keep working.
  return Object.assign(() => credentials, { region: regionFromEnv() });
}

function missing(name: string, other: string): BceError {
  return new BceError(`fromEnv: ${name} is not set; set it and ${other}, or pass credentials to createClient`);
}

// No node: import, so the package still bundles for browsers; the globals are probed instead.
function envReader(): (name: string) => string | undefined {
  const g = globalThis as { process?: { env?: Record<string, string | undefined> }; Deno?: DenoEnv };
  const deno = g.Deno?.env;
  if (deno) {
    return (name) => {
      try {
        return deno.get(name) || undefined;
      } catch (error) {
        // Deno without --allow-env throws its own NotCapable error; callers catch BceError.
        throw new BceError(`fromEnv: Deno denied reading ${name}; run with --allow-env (or pass credentials)`, {
          cause: error,
        });
      }
    };
  }
  const env = g.process?.env;
  if (env) return (name) => env[name] || undefined;
  throw new BceError(
    'fromEnv: this runtime has no environment variables (browser or Worker); pass credentials to createClient instead',
  );
}
