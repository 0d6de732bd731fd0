// fromBceCli: Baidu's CLI files, read with the runtime's own file system (Node, Deno, Bun); a clear error elsewhere.
import { BceError, BceValidationError, createClient, fromBceCli } from '@bcekit/core';
import { listPeerconns } from '@bcekit/peerconn';
import { equal, instance, ok } from './assert.ts';
import { type ConformanceCase, type ConformanceEnv, newAccount, newCliHome } from './context.ts';

// vitest's edge-runtime environment keeps node's `process`, so it reads files as node does.
const hasFiles = (env: ConformanceEnv) => ['node', 'deno', 'bun', 'edge-runtime'].includes(env.runtime);

function thrown(run: () => unknown, what: string): BceError {
  try {
    run();
  } catch (error) {
    return instance(error, BceError, what);
  }
  throw new BceError(`${what}: expected an error`);
}

export const cliProfileCases: ConformanceCase[] = [
  {
    group: 'fromBceCli',
    name: 'a profile of config.json (and the INI file) signs requests the emulator accepts; no files in browsers and Workers',
    async run(env) {
      const account = await newAccount(env, ['bj'], true);
      const configDir = await newCliHome(env, { credentials: account.credentials, profile: 'ci', region: 'bj' });
      if (!hasFiles(env)) {
        const error = thrown(() => fromBceCli({ configDir }), 'fromBceCli without a file system');
        ok(error.message.includes('no file system'), `message: ${error.message}`);
        return;
      }
      const provider = fromBceCli({ configDir });
      equal(provider.region, 'bj', 'region of the profile');
      const client = createClient({ endpoint: env.url, credentials: provider, retry: 0 });
      const page = await listPeerconns(client, { maxKeys: 1 });
      ok(Array.isArray(page.peerConns), 'a list signed with the profile (and its STS token)');

      const plain = await newAccount(env, ['bj']);
      const iniDir = await newCliHome(env, { credentials: plain.credentials, format: 'ini' });
      const fromIni = createClient({ endpoint: env.url, credentials: fromBceCli({ configDir: iniDir }), retry: 0 });
      ok(Array.isArray((await listPeerconns(fromIni, {})).peerConns), 'a list signed with [Defaults] of the INI file');
    },
  },
  {
    group: 'fromBceCli',
    name: 'a file readable by others and an unknown profile: BceError naming the path and the fix, not the secret (browsers, Workers: createClient asks for credentials)',
    async run(env) {
      if (!hasFiles(env)) {
        // Browser and Worker builds carry no credential chain: createClient asks for credentials, at once.
        const error = thrown(() => createClient({ endpoint: env.url }), 'createClient without credentials');
        instance(error, BceValidationError, 'createClient without credentials');
        ok(error.message.includes('credentials is required; pass'), `message: ${error.message}`);
        return;
      }
      const account = await newAccount(env, ['bj']);
      const { secretAccessKey } = account.credentials;
      const open = await newCliHome(env, { credentials: account.credentials, mode: 0o644 });
      const wide = thrown(() => fromBceCli({ configDir: open }), 'mode 644');
      ok(wide.message.includes(`chmod 600 ${open}/config.json`), `message: ${wide.message}`);
      ok(!wide.message.includes(secretAccessKey), 'the secret key leaked');

      const home = await newCliHome(env, { credentials: account.credentials, profile: 'a' });
      const missing = thrown(() => fromBceCli({ configDir: home, profile: 'prod' }), 'unknown profile');
      ok(missing.message.includes('no profile "prod" (it has "a")'), `message: ${missing.message}`);
      ok(missing.message.includes(`${home}/config.json`), `path named: ${missing.message}`);
      ok(!missing.message.includes(secretAccessKey), 'the secret key leaked');
    },
  },
];
