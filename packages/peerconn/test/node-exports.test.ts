// In Node, `import '@bcekit/…'` goes through each package's `node` condition to one bundled file per entry point
// (dist/node), with the other @bcekit packages kept external. This checks, in a real Node process resolving the
// packages by name as an installed app does, that each package exists once: an error thrown by peerconn is an
// instance of the class imported from @bcekit/core, and the deprecated testing entry re-exports @bcekit/emulator itself.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../../../scripts/test-helpers/ensure-built.ts';

const peerconnDir = fileURLToPath(new URL('..', import.meta.url));

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

// The node build carries the valibot functions it uses (scripts/rollup-package.mjs, INLINE_IN_NODE) instead of
// importing valibot's 200 KB file; its schemas must still work with the app's own valibot, composed or alone.
const composeScript = `
const v = await import('valibot');
const { CreatePeerconnInputSchema, GetPeerconnInputSchema } = await import('@bcekit/peerconn');
const good = { bandwidthInMbps: 10, localVpcId: 'vpc-a', peerVpcId: 'vpc-b', peerRegion: 'bj' };
const parsed = v.safeParse(CreatePeerconnInputSchema, good);
const bad = v.safeParse(CreatePeerconnInputSchema, { ...good, bandwidthInMbps: 0 });
const wrapped = v.safeParse(v.object({ request: GetPeerconnInputSchema, note: v.string() }), { request: { peerConnId: '' }, note: 'x' });
console.log(JSON.stringify({
  resolved: import.meta.resolve('@bcekit/peerconn'),
  parsed: [parsed.success, parsed.output?.billing?.paymentTiming],
  bad: [bad.success, bad.issues?.map((i) => [i.path?.map((p) => p.key).join('.'), i.message])],
  wrapped: [wrapped.success, wrapped.issues?.[0]?.path?.map((p) => p.key).join('.')],
}));
`;

describe("the node build's schemas with the app's valibot", () => {
  beforeAll(ensureBuilt, 120_000);

  it('parse, report issues and compose as valibot schemas', () => {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', composeScript], {
      cwd: peerconnDir,
      encoding: 'utf8',
    });
    const result = JSON.parse(out);
    expect(result.resolved).toMatch(/\/packages\/peerconn\/dist\/node\/index\.js$/);
    expect(result.parsed).toEqual([true, 'Postpaid']);
    expect(result.bad[0]).toBe(false);
    expect(result.bad[1]).toContainEqual(['bandwidthInMbps', 'must be an integer >= 1']);
    expect(result.wrapped).toEqual([false, 'request.peerConnId']);
  });
});
