// In Node (the `node` condition, dist/node), `import('@bcekit/peerconn')` loads two files: peerconn's and core's.
// Not valibot's 200 KB file (core's node build carries the valibot functions the packages call), not @bcekit/vpc
// (loaded by connectVpcs/disconnectVpcs on their first call), not @bcekit/signer (loaded by the first request). This runs the built
// packages in a real Node process resolving them by name, records every file its loader resolves with a resolve
// hook, and runs connectVpcs and disconnectVpcs against the emulator; then the same workflow in Deno and Bun, which
// take the `node` condition too when they load npm packages.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from '../../../scripts/test-helpers/ensure-built.ts';
import { logResolvedUrls } from '../../../scripts/test-helpers/resolve-log.ts';

const peerconnDir = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'bcekit-lazy-vpc-'));
const log = join(work, 'resolved.txt');

// connectVpcs then disconnectVpcs between two fixture VPCs of one account, on the in-process emulator.
const workflow = `
const { createEmulator, FIXTURE_ACCOUNTS } = await import('@bcekit/emulator');
const emulator = createEmulator({ transitions: { creating: 30, updating: 30, deleting: 30, dnsSyncing: 30, dnsClosing: 30 } });
const client = core.createClient({ region: 'bj', fetch: emulator.fetch, credentials: FIXTURE_ACCOUNTS[0], retry: 0 });
const FAST = { minDelay: 5, maxDelay: 20, maxWaitTime: 10000 };
const input = { localVpcId: 'vpc-alicebj00001', peerVpcId: 'vpc-alicebj00002', peerRegion: 'bj', bandwidthInMbps: 10 };
const connected = await peerconn.connectVpcs(client, input, FAST);
const vpc = await import('@bcekit/vpc');
const table = await vpc.getRouteTable(client, { vpcId: 'vpc-alicebj00001' });
const disconnected = await peerconn.disconnectVpcs(client, { peerConnId: connected.peerConnId }, FAST);
const tableAfter = await vpc.getRouteTable(client, { vpcId: 'vpc-alicebj00001' });
const vpcError = await vpc.getVpc(client, { vpcId: 'vpc-nosuch000001' }).catch((e) => e);
const outcome = {
  resolved: ['@bcekit/peerconn', '@bcekit/vpc'].map((id) => import.meta.resolve(id)),
  connected: [connected.state, connected.localRouteRuleIds.length, connected.peerRouteRuleIds.length],
  routed: table.routeRules.filter((rule) => rule.nexthopType === 'peerConn').map((rule) => rule.routeRuleId),
  localRouteRuleIds: connected.localRouteRuleIds,
  disconnected: [disconnected.deleted, disconnected.removedRouteRuleIds.length],
  routedAfter: tableAfter.routeRules.filter((rule) => rule.nexthopType === 'peerConn').length,
  vpcErrorIsCore: vpcError instanceof core.BceServiceError,
};
`;

/** What every runtime must show once the workflow ran: vpc's operations, loaded late, did the routing. */
function expectWorkflow(result: Record<string, unknown>) {
  expect(result.resolved).toEqual([
    expect.stringMatching(/\/peerconn\/dist\/node\/index\.js$/),
    expect.stringMatching(/\/vpc\/dist\/node\/index\.js$/),
  ]);
  expect(result.connected).toEqual(['connected', 1, 1]);
  // The route connectVpcs added through the lazily loaded vpc operations is the one @bcekit/vpc reads back.
  expect(result.routed).toEqual(result.localRouteRuleIds);
  expect(result.disconnected).toEqual([true, 2]);
  expect(result.routedAfter).toBe(0);
  // One @bcekit/vpc, sharing core's error classes.
  expect(result.vpcErrorIsCore).toBe(true);
}

const script = `
import { readFileSync } from 'node:fs';
const files = () => [...new Set(readFileSync(${JSON.stringify(log)}, 'utf8').split('\\n').filter((url) => url.startsWith('file:')))];
const before = files();
const core = await import('@bcekit/core');
const peerconn = await import('@bcekit/peerconn');
const onImport = files().filter((url) => !before.includes(url));

// Bad input is refused before anything loads or is sent.
const refused = await peerconn.connectVpcs(core.createClient({ region: 'bj', credentials: { accessKeyId: 'ak', secretAccessKey: 'sk' } }), { localVpcId: '' }).catch((e) => e);
const afterRefusal = files();

${workflow}
console.log(JSON.stringify({
  ...outcome,
  onImport,
  refused: [refused instanceof core.BceValidationError, refused.message.includes('localVpcId')],
  afterRefusal,
  all: files(),
}));
`;

describe('Node loads @bcekit/vpc when connectVpcs runs, not on import', () => {
  beforeAll(ensureBuilt, 120_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('imports two files (no valibot, vpc or signer); a request loads the signer, connectVpcs loads vpc', () => {
    const out = execFileSync(process.execPath, [...logResolvedUrls(log), '--input-type=module', '-e', script], {
      cwd: peerconnDir,
      encoding: 'utf8',
    });
    const result = JSON.parse(out);
    const isVpc = (url: string) => url.includes('/packages/vpc/');
    const isValibot = (url: string) => url.includes('/valibot/');
    const isSigner = (url: string) => url.includes('/packages/signer/');

    expect(result.onImport.map((url: string) => url.replace(/^.*\/packages\//, '')).sort()).toEqual([
      'core/dist/node/index.js',
      'peerconn/dist/node/index.js',
    ]);
    // Refused by the input check, which needs no vpc operation and sends nothing, so signs nothing.
    expect(result.refused).toEqual([true, true]);
    expect(result.afterRefusal.some(isVpc)).toBe(false);
    expect(result.afterRefusal.some(isSigner)).toBe(false);

    expectWorkflow(result);
    expect(result.all.filter(isVpc).map((url: string) => url.replace(/^.*\/packages\//, ''))).toEqual([
      'vpc/dist/node/index.js',
    ]);
    // The one signer module, the node build, signed every request the emulator checked.
    expect(result.all.filter(isSigner).map((url: string) => url.replace(/^.*\/packages\//, ''))).toEqual([
      'signer/dist/node/index.js',
    ]);
    expect(result.all.some(isValibot)).toBe(false);
  });
});

const DENO = join(ROOT, 'node_modules/.bin/deno');
const BUN = join(ROOT, 'node_modules/.bin/bun');

describe.each([
  ['Deno', DENO, ['run', '--allow-read', '--allow-env']],
  ['Bun', BUN, []],
])('%s, which takes the node build too', (name, bin, args) => {
  const app = join(work, name.toLowerCase());

  it.skipIf(!existsSync(bin))(
    `runs connectVpcs and disconnectVpcs (not run without ${bin})`,
    () => {
      // An app with the packages installed as npm lays them out (package.json and dist, copied: linked to the
      // workspace, Bun would follow the packages' tsconfig.json paths to their sources), loading them by name.
      // @noble/hashes is the emulator's; valibot is not installed, as the node builds do not load it.
      for (const pkg of ['core', 'signer', 'peerconn', 'vpc', 'emulator']) {
        const to = join(app, 'node_modules/@bcekit', pkg);
        mkdirSync(to, { recursive: true });
        cpSync(join(ROOT, 'packages', pkg, 'package.json'), join(to, 'package.json'));
        cpSync(join(ROOT, 'packages', pkg, 'dist'), join(to, 'dist'), { recursive: true });
      }
      mkdirSync(join(app, 'node_modules/@noble'));
      const noble = realpathSync(join(ROOT, 'packages/emulator/node_modules/@noble/hashes'));
      symlinkSync(noble, join(app, 'node_modules/@noble/hashes'), 'dir');
      writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
      writeFileSync(
        join(app, 'main.js'),
        `const core = await import('@bcekit/core');\nconst peerconn = await import('@bcekit/peerconn');\n${workflow}\nconsole.log(JSON.stringify(outcome));\n`,
      );
      const out = execFileSync(bin, [...args, 'main.js'], { cwd: app, encoding: 'utf8', timeout: 60_000 });
      expectWorkflow(JSON.parse(out.trim().split('\n').pop() ?? ''));
    },
    90_000,
  );
});
