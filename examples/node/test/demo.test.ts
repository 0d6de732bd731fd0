import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT as root } from '../../../scripts/test-helpers/ensure-built.ts';

const demo = fileURLToPath(new URL('../demo.mjs', import.meta.url));
const lifecycle = fileURLToPath(new URL('../lifecycle.mjs', import.meta.url));

function run(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { env: { ...process.env, ...env }, cwd: root });
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

describe('examples/node demo: connectVpcs', () => {
  beforeAll(ensureBuilt, 120_000);

  it('peers two pairs of VPCs, survives an interruption, and disconnecting leaves both tables as they were', async () => {
    const { code, out, err } = await run(demo, []);

    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/offline emulator at http:\/\/127\.0\.0\.1:\d+/);
    // Same account: one rule each way, to the other VPC's CIDR through that side's interface.
    expect(out).toMatch(/step created\n\s+step active\n\s+step route-added \(local side\) 172\.16\.0\.0\/16 -> rr-/);
    expect(out).toMatch(/step route-added \(peer side\) 192\.168\.0\.0\/16 -> rr-/);
    expect(out).toMatch(/0\.0\.0\.0\/0\s+-> 172\.16\.0\.0\/16\s+via peerConn qpif-/);
    expect(out).toMatch(/step dns-opened \(local side\)/);
    expect(out.match(/=> connected: peerconn-\S+ is active/g)).toHaveLength(2);
    // Cross-account: the first call is cut short, the second finds the applied rule and finishes.
    expect(out).toMatch(/interrupted: BceNetworkError/);
    expect(out).toMatch(/step found\n\s+step active\n\s+step route-found \(local side\) 172\.20\.0\.0\/16/);
    expect(out.match(/route table as it was before/g)).toHaveLength(4);
    expect(out).not.toMatch(/DIFFERS/);
    expect(out).toMatch(/final state: 0 peer connection\(s\); 2 created, 2 deleted/);
  }, 60_000);

  it('--live refuses to start without its settings and names them', async () => {
    const { code, err } = await run(demo, ['--live'], { BCE_REGION: '', BCE_LOCAL_VPC_ID: '', BCE_PEER_VPC_ID: '' });

    expect(code).toBe(1);
    expect(err).toContain('--live needs BCE_REGION, BCE_LOCAL_VPC_ID, BCE_PEER_VPC_ID');
  });
});

describe('examples/node lifecycle walk-through', () => {
  beforeAll(ensureBuilt, 120_000);

  it('walks the whole lifecycle against the emulator and leaves nothing behind', async () => {
    const { code, out, err } = await run(lifecycle, []);

    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/offline emulator at http:\/\/127\.0\.0\.1:\d+/);
    // The demo's emulator runs in real time (600 ms in `creating`), so a loaded machine can read `active` here; the
    // conformance suite holds "creating right after create" with a clock that only moves on reads.
    expect(out).toMatch(/status right after create: (creating|active)\n/);
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
    const { code, err } = await run(lifecycle, ['--live'], {
      BCE_REGION: '',
      BCE_LOCAL_VPC_ID: '',
      BCE_PEER_VPC_ID: '',
    });

    expect(code).toBe(1);
    expect(err).toContain('--live needs BCE_REGION, BCE_LOCAL_VPC_ID, BCE_PEER_VPC_ID');
  });
});
