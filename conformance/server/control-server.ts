// The node side of every runner: the emulator over node:http on 127.0.0.1 (its own `listen()`), with a small
// control route in front (`/__control/*`, a listen middleware) so that a runtime that cannot reach the emulator
// object (browser, workerd, deno, bun) can make its own accounts and inject faults. Everything else goes on to the
// emulator, whose server ends an injected delay when the client gives up.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEmulator, type Emulator, type FaultSpec } from '@bcekit/emulator';
import { advanceOnRead } from '../../scripts/test-helpers/advance-on-read.ts';

/** A running conformance server. */
export interface ConformanceServer {
  url: string;
  emulator: Emulator;
  close(): Promise<void>;
}

/** How long each transitional state lasts in service time, which moves only as connections are read (below). */
const TRANSITION_MS = 150;

const CONTROL_CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'content-type',
};

function sendJson(status: number, value: unknown): Response {
  return new Response(JSON.stringify(value), {
    status,
    headers: { ...CONTROL_CORS, 'content-type': 'application/json' },
  });
}

function control(emulator: Emulator, route: string, body: Record<string, unknown>): unknown {
  if (route === 'account') {
    const { accountId, accessKeyId, secretAccessKey } = emulator.addAccount();
    const regions = Array.isArray(body.regions) ? (body.regions as string[]) : [];
    const vpcIds = regions.map((region) => emulator.addVpc({ accountId, region }).vpcId);
    const credentials = body.temporary
      ? emulator.issueTemporaryCredentials(accountId)
      : { accessKeyId, secretAccessKey };
    return { accountId, credentials, vpcIds };
  }
  if (route === 'cli-home') return { configDir: writeCliHome(body) };
  if (route === 'fault') {
    emulator.faults.inject(body as FaultSpec);
    return { pending: emulator.faults.pending() };
  }
  throw new Error(`unknown control route ${route}`);
}

// Folders with Baidu CLI files for the fromBceCli cases, under conformance/.build (git-ignored), which Deno may read.
const CLI_HOMES = join(process.cwd(), 'conformance', '.build', 'cli-homes');

/**
 * Writes a CLI configuration folder as Baidu's tools do (folder 0700, file 0600 unless `mode` says otherwise):
 * `config.json` with one profile `name` (current unless `current` is given), or the older INI `credentials`.
 */
function writeCliHome(body: Record<string, unknown>): string {
  mkdirSync(CLI_HOMES, { recursive: true });
  const dir = mkdtempSync(join(CLI_HOMES, 'home-'));
  chmodSync(dir, 0o700);
  const { accessKeyId, secretAccessKey, sessionToken = '' } = body.credentials as Record<string, string>;
  const name = String(body.profile ?? 'default');
  const file =
    body.format === 'ini'
      ? {
          path: join(dir, 'credentials'),
          text: `[Defaults]\nAk = ${accessKeyId}\nSk = ${secretAccessKey}\nSts = ${sessionToken}\n`,
        }
      : {
          path: join(dir, 'config.json'),
          text: JSON.stringify({
            current: body.current ?? name,
            profiles: [
              {
                name,
                mode: sessionToken ? 'StsToken' : 'AK',
                access_key_id: accessKeyId,
                secret_access_key: secretAccessKey,
                security_token: sessionToken,
                region: body.region ?? '',
              },
            ],
          }),
        };
  writeFileSync(file.path, file.text);
  chmodSync(file.path, typeof body.mode === 'number' ? body.mode : 0o600);
  return dir;
}

async function serveControl(emulator: Emulator, request: Request, route: string): Promise<Response> {
  if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: CONTROL_CORS });
  const text = await request.text();
  try {
    return sendJson(200, control(emulator, route, text ? JSON.parse(text) : {}));
  } catch (error) {
    return sendJson(400, { error: String(error) });
  }
}

/**
 * Starts an emulator and its control route on 127.0.0.1, on a free port. Its service time stands still except that
 * each read of a connection, once answered, moves it on by one transition: a state read right after the call that
 * started it is still there however slow the machine (a real 150 ms could pass between two requests from a loaded
 * browser), and a waiter sees the next state at its next poll, so waiters are still exercised for real.
 */
export async function startConformanceServer(): Promise<ConformanceServer> {
  const emulator = createEmulator({
    realTime: false,
    transitions: {
      creating: TRANSITION_MS,
      updating: TRANSITION_MS,
      deleting: TRANSITION_MS,
      dnsSyncing: TRANSITION_MS,
      dnsClosing: TRANSITION_MS,
    },
  });
  const server = await emulator.listen({
    middleware: (request, next) => {
      const { pathname } = new URL(request.url);
      if (pathname.startsWith('/__control/'))
        return serveControl(emulator, request, pathname.slice('/__control/'.length));
      return advanceOnRead(emulator, TRANSITION_MS, request, next);
    },
  });
  return {
    url: server.url,
    emulator,
    close: async () => {
      await server.close();
      rmSync(CLI_HOMES, { recursive: true, force: true });
    },
  };
}
