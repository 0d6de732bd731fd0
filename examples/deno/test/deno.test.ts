// Runs examples/deno/main.ts in Deno (the `deno` npm package installed at the root) and checks what it did.
import { type ChildProcess, spawn } from 'node:child_process';
import { createEmulator, type EmulatorServer, FIXTURE_ACCOUNTS } from '@bcekit/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceOnRead } from '../../../scripts/test-helpers/advance-on-read.ts';
import { ensureBuilt, ROOT } from '../../../scripts/test-helpers/ensure-built.ts';

const DENO = `${ROOT}node_modules/.bin/deno`;
const children = new Set<ChildProcess>();

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the example with only the given variables (none of the caller's BCE_* leak in). */
function runExample(vars: Record<string, string> = {}): Promise<Run> {
  const child = spawn(DENO, ['run', '--allow-net=127.0.0.1', '--allow-env', '--allow-read', 'examples/deno/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      ...(process.env.DENO_DIR ? { DENO_DIR: process.env.DENO_DIR } : {}),
      DENO_NO_UPDATE_CHECK: '1',
      NO_COLOR: '1',
      ...vars,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      children.delete(child);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The lifecycle lines in order; returns the peer connection id they name. */
function expectLifecycle(stdout: string): string {
  const id = /^created: (peerconn-[a-z0-9]+) \(status creating\)$/m.exec(stdout)?.[1];
  expect(id, stdout).toBeDefined();
  const lines = stdout.trim().split('\n');
  const expected = [
    `created: ${id} (status creating)`,
    `active: ${id}`,
    'list (vpc vpc-alicebj00001):',
    `  ${id}  active    vpc-alicebj00001 -> vpc-alicebj00002 (bj)  10 Mbps`,
    `deleting: ${id}`,
    `deleted: ${id}`,
    'done',
  ];
  expect(lines.slice(1)).toEqual(expected);
  return id!;
}

beforeAll(ensureBuilt, 120_000);

const servers: EmulatorServer[] = [];
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
  await Promise.all(servers.map((server) => server.close()));
});

/**
 * An emulator on 127.0.0.1 in this (node) process, for the example to reach through BCE_ENDPOINT. Its service time
 * moves 3 s on after each read of a connection, not with the clock: "creating" right after the create however slow
 * the machine, and the next state at the waiter's next poll (real time took ~6 s per run).
 */
async function startEmulator() {
  const emulator = createEmulator({ realTime: false });
  const server = await emulator.listen({
    middleware: (request, next) => advanceOnRead(emulator, 3_000, request, next),
  });
  servers.push(server);
  return { emulator, server };
}

// The offline run waits out ~6 s of real emulator time (creating 3 s, deleting 2 s), so the runs go concurrently;
// the timeouts leave room for Deno's start on a loaded machine.
describe.concurrent('examples/deno in Deno', () => {
  it('offline: starts its own emulator (node:http in Deno) and runs create -> active -> list -> delete', async () => {
    const run = await runExample();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^endpoint: emulator at http:\/\/127\.0\.0\.1:\d+ \(offline, fixture account alice\)\n/);
    expectLifecycle(run.stdout);
  }, 120_000);

  describe('against BCE_ENDPOINT with credentials from the environment', () => {
    it('uses temporary credentials (BCE_SECURITY_TOKEN) and leaves the connection deleted in the service', async () => {
      const { emulator, server } = await startEmulator();
      const sts = emulator.issueTemporaryCredentials(FIXTURE_ACCOUNTS[0].accountId);
      const run = await runExample({
        BCE_ENDPOINT: server.url,
        BCE_ACCESS_KEY_ID: sts.accessKeyId,
        BCE_SECRET_ACCESS_KEY: sts.secretAccessKey,
        BCE_SECURITY_TOKEN: sts.sessionToken,
        BCE_LOCAL_VPC_ID: 'vpc-alicebj00001',
        BCE_PEER_VPC_ID: 'vpc-alicebj00002',
        BCE_PEER_REGION: 'bj',
      });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout.split('\n')[0]).toBe(`endpoint: ${server.url}`);
      const id = expectLifecycle(run.stdout);
      const state = emulator.state();
      // Created once, then released: the service no longer has it.
      expect(state.counts.created).toBe(1);
      expect(state.counts.deleted).toBe(1);
      expect(state.peerConns.map((pc) => pc.peerConnId)).not.toContain(id);
      // The one refused request is the waiter's last poll: 404 NoSuchPeerConn, which it reads as deleted.
      expect(state.counts.rejected).toBe(1);
    }, 120_000);

    it('exits 1 with the service error (and no secret) when the key is wrong', async () => {
      const { emulator, server } = await startEmulator();
      const run = await runExample({
        BCE_ENDPOINT: server.url,
        BCE_ACCESS_KEY_ID: FIXTURE_ACCOUNTS[0].accessKeyId,
        BCE_SECRET_ACCESS_KEY: 'not-the-secret-key-of-alice-00000',
        BCE_LOCAL_VPC_ID: 'vpc-alicebj00001',
        BCE_PEER_VPC_ID: 'vpc-alicebj00002',
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^BceServiceError: SignatureDoesNotMatch \(403\)/);
      expect(run.stderr).not.toContain('not-the-secret-key-of-alice');
      expect(run.stdout).not.toContain('created:');
      expect(emulator.state().counts).toMatchObject({ created: 0, rejected: 1 });
    }, 120_000);
  });
});
