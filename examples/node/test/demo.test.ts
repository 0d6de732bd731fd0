import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT as root } from '../../../scripts/test-helpers/ensure-built.ts';

const demo = fileURLToPath(new URL('../demo.mjs', import.meta.url));

function runDemo(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [demo, ...args], { env: { ...process.env, ...env }, cwd: root });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('examples/node demo', () => {
  beforeAll(ensureBuilt, 120_000);

  it('walks the whole lifecycle against the emulator and leaves nothing behind', async () => {
    const { code, out, err } = await runDemo([]);

    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/offline emulator at http:\/\/127\.0\.0\.1:\d+/);
    expect(out).toMatch(/status right after create: creating/);
    expect(out).toMatch(/status consulting \(waits for the other account\)/);
    expect(out).toMatch(/acceptPeerconn by the peer account\n\s+waited for active: status active/);
    expect(out).toMatch(/bandwidthInMbps: 20/);
    expect(out).toMatch(/waited for \{"dnsStatus":"open"\}: status active, dnsStatus open/);
    expect(out.match(/^ {3}page \d: peerconn-/gm)).toHaveLength(2);
    expect(out).toMatch(/description: "bcekit demo: same account" -> "renamed by the demo"/);
    expect(out).toMatch(/deletePeerconn refused: DeleteProtected \(403\)/);
    expect(out.match(/waited for deleted: status deleted/g)).toHaveLength(2);
    expect(out).toMatch(/final state: 0 peer connection\(s\); 2 created, 2 deleted/);
  }, 60_000);

  it('--live refuses to start without its settings and names them', async () => {
    const { code, err } = await runDemo(['--live'], { BCE_REGION: '', BCE_LOCAL_VPC_ID: '', BCE_PEER_VPC_ID: '' });

    expect(code).toBe(1);
    expect(err).toContain('--live needs BCE_REGION, BCE_LOCAL_VPC_ID, BCE_PEER_VPC_ID');
  });
});
