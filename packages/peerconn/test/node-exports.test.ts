// In Node, `import '@bcekit/…'` goes through each package's `node` condition to one bundled file per entry point
// (dist/node), with the other @bcekit packages kept external. This checks, in a real Node process resolving the
// packages by name as an installed app does, that each package exists once: an error thrown by peerconn is an
// instance of the class imported from @bcekit/core, and the deprecated testing entry re-exports @bcekit/emulator itself.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../../../scripts/test-helpers/ensure-built.ts';

const peerconnDir = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

const script = `
const core = await import('@bcekit/core');
const peerconn = await import('@bcekit/peerconn');
const testing = await import('@bcekit/peerconn/testing');
const emulatorPackage = await import('@bcekit/emulator');
const fetch = async () => new Response(JSON.stringify({ code: 'Conflict', message: 'taken', requestId: 'r-1' }), {
  status: 409,
  headers: { 'content-type': 'application/json' },
});
const client = core.createClient({ endpoint: 'http://127.0.0.1:1', credentials: { accessKeyId: 'AKIDTEST0001', secretAccessKey: 'secret-key-0001' }, fetch, retry: 0 });
const input = { bandwidthInMbps: 10, localVpcId: 'vpc-a', peerVpcId: 'vpc-b', peerRegion: 'bj' };
const service = await peerconn.createPeerconn(client, input).catch((e) => e);
const validation = await peerconn.createPeerconn(client, { ...input, bandwidthInMbps: 0 }).catch((e) => e);
const emulator = testing.createEmulator();
console.log(JSON.stringify({
  resolved: ['@bcekit/core', '@bcekit/peerconn', '@bcekit/peerconn/testing', '@bcekit/emulator', '@bcekit/signer'].map((id) => import.meta.resolve(id)),
  service: [service instanceof core.BceServiceError, service instanceof core.BceError, service.code],
  validation: [validation instanceof core.BceValidationError, validation instanceof core.BceError],
  emulator: typeof emulator.fetch,
  reexported: testing.createEmulator === emulatorPackage.createEmulator && testing.FIXTURE_ACCOUNTS === emulatorPackage.FIXTURE_ACCOUNTS,
}));
`;

describe('Node resolves @bcekit/* to one bundled file per entry point', () => {
  beforeAll(ensureBuilt, 120_000);

  it('keeps one instance of each package: peerconn errors are instances of @bcekit/core classes', () => {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: peerconnDir,
      encoding: 'utf8',
    });
    const result = JSON.parse(out);
    expect(result.resolved).toEqual([
      expect.stringMatching(/\/packages\/core\/dist\/node\/index\.js$/),
      expect.stringMatching(/\/packages\/peerconn\/dist\/node\/index\.js$/),
      expect.stringMatching(/\/packages\/peerconn\/dist\/node\/testing\/index\.js$/),
      expect.stringMatching(/\/packages\/emulator\/dist\/node\/index\.js$/),
      expect.stringMatching(/\/packages\/signer\/dist\/node\/index\.js$/),
    ]);
    expect(result.service).toEqual([true, true, 'Conflict']);
    expect(result.validation).toEqual([true, true]);
    expect(result.emulator).toBe('function');
    // The deprecated `@bcekit/peerconn/testing` is the same module as `@bcekit/emulator`, not a second copy.
    expect(result.reexported).toBe(true);
  });
});

// The node builds do not import valibot: @bcekit/core's dist/node carries the valibot functions the packages call
// and exports them as `__valibot`, from which peerconn's and vpc's node builds take them (scripts/rollup-package.mjs).
// Their schemas must still work with the app's own valibot: parse, throw, report issues, compose, Standard Schema.
const composeScript = `
const v = await import('valibot');
const { CreatePeerconnInputSchema, GetPeerconnInputSchema, ConnectVpcsInputSchema } = await import('@bcekit/peerconn');
const { CreateRouteRuleInputSchema, GetVpcInputSchema } = await import('@bcekit/vpc');
const { IdSchema } = await import('@bcekit/core/operation');
const good = { bandwidthInMbps: 10, localVpcId: 'vpc-a', peerVpcId: 'vpc-b', peerRegion: 'bj' };
const parsed = v.safeParse(CreatePeerconnInputSchema, good);
const bad = v.safeParse(CreatePeerconnInputSchema, { ...good, bandwidthInMbps: 0 });
const wrapped = v.safeParse(v.object({ request: GetPeerconnInputSchema, note: v.string() }), { request: { peerConnId: '' }, note: 'x' });
const vpcWrapped = v.safeParse(v.object({ get: GetVpcInputSchema, rule: v.optional(CreateRouteRuleInputSchema) }), { get: { vpcId: 'vpc-a' } });
const vpcBad = v.safeParse(v.array(GetVpcInputSchema), [{ vpcId: 'vpc-a' }, { vpcId: 7 }]);
let thrown;
try { v.parse(IdSchema, ''); } catch (error) { thrown = [error instanceof v.ValiError, error.issues.length > 0]; }
const standard = await ConnectVpcsInputSchema['~standard'].validate({ ...good, routes: { local: ['10.0.0.0/33'] } });
console.log(JSON.stringify({
  resolved: ['@bcekit/peerconn', '@bcekit/vpc', '@bcekit/core/operation'].map((id) => import.meta.resolve(id)),
  parsed: [parsed.success, parsed.output?.billing?.paymentTiming],
  bad: [bad.success, bad.issues?.map((i) => [i.path?.map((p) => p.key).join('.'), i.message])],
  wrapped: [wrapped.success, wrapped.issues?.[0]?.path?.map((p) => p.key).join('.')],
  vpcWrapped: [vpcWrapped.success, vpcWrapped.output?.get?.vpcId],
  vpcBad: [vpcBad.success, vpcBad.issues?.[0]?.path?.map((p) => p.key).join('.')],
  thrown,
  standard: [standard.issues?.[0]?.path?.map((p) => (typeof p === 'object' ? p.key : p)).join('.'), standard.issues?.[0]?.message],
}));
`;

describe("the node build's schemas with the app's valibot", () => {
  beforeAll(ensureBuilt, 120_000);

  it('parse, throw, report issues, compose and validate through Standard Schema as valibot schemas', () => {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', composeScript], {
      cwd: peerconnDir,
      encoding: 'utf8',
    });
    const result = JSON.parse(out);
    expect(result.resolved).toEqual([
      expect.stringMatching(/\/packages\/peerconn\/dist\/node\/index\.js$/),
      expect.stringMatching(/\/packages\/vpc\/dist\/node\/index\.js$/),
      expect.stringMatching(/\/packages\/core\/dist\/node\/index\.js$/),
    ]);
    expect(result.parsed).toEqual([true, 'Postpaid']);
    expect(result.bad[0]).toBe(false);
    expect(result.bad[1]).toContainEqual(['bandwidthInMbps', 'must be an integer >= 1']);
    expect(result.wrapped).toEqual([false, 'request.peerConnId']);
    expect(result.vpcWrapped).toEqual([true, 'vpc-a']);
    expect(result.vpcBad).toEqual([false, '1.vpcId']);
    expect(result.thrown).toEqual([true, true]);
    expect(result.standard).toEqual(['routes.local.0', 'must be a CIDR block such as "10.1.0.0/16"']);
  });
});

const dist = (pkg: string, file: string) =>
  readFileSync(fileURLToPath(new URL(`../../${pkg}/dist/${file}`, import.meta.url)), 'utf8');

describe('one copy of valibot in the node builds, with its licence', () => {
  beforeAll(ensureBuilt, 120_000);

  it("core's node file carries valibot's functions and licence; peerconn's and vpc's take them from core", () => {
    const licence = readFileSync(join(dirname(require.resolve('valibot')), '..', 'LICENSE.md'), 'utf8');
    const core = dist('core', 'node/index.js');
    const banner = core.slice(0, core.indexOf('*/'));
    for (const line of licence.trim().split('\n')) expect(banner).toContain(line.trim());
    // valibot's Standard Schema vendor name: in the file defining the schema functions, and only there.
    expect(core).toContain('vendor: "valibot"');
    for (const pkg of ['peerconn', 'vpc']) {
      const node = dist(pkg, 'node/index.js');
      expect(node).not.toContain('vendor: "valibot"');
      expect(node).not.toMatch(/from ['"]valibot['"]/);
      expect(node).toMatch(/import \{ __valibot\b[^}]*\} from '@bcekit\/core';/);
      // Browser and Worker builds still import valibot, so a bundler keeps one copy, shared with the app.
      expect(dist(pkg, 'esm/schemas/common.js')).toMatch(/from 'valibot'/);
    }
  });
});
