// Bundles src/worker.ts as wrangler would (esbuild, workerd conditions) and runs it in workerd through Miniflare,
// with the emulator listening on 127.0.0.1 in this Node process as the Worker's BCE_ENDPOINT.
import { createEmulator, type EmulatorServer, FIXTURE_ACCOUNTS } from '@bcekit/emulator';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../../scripts/test-helpers/ensure-built.ts';
import { bundleWorker, type WorkerBundle } from '../../../scripts/test-helpers/worker-bundle.ts';

const DIR = `${ROOT}examples/cloudflare-worker/`;
const [alice] = FIXTURE_ACCOUNTS;

const emulator = createEmulator();
let server: EmulatorServer;
let built: WorkerBundle;
const workers: Miniflare[] = [];

/** A Worker with the given bindings, in workerd. */
function startWorker(bindings: Record<string, string>): Miniflare {
  const mf = new Miniflare({ ...built.options, bindings });
  workers.push(mf);
  return mf;
}

/** Every field the Worker's JSON answers can have. */
interface ApiBody {
  peerConnId?: string;
  peerConns?: { peerConnId: string; [field: string]: unknown }[];
  code?: string;
  message?: string;
  requestId?: string;
  issues?: { path: string; message: string }[];
}

let worker: Miniflare;
const call = async (path: string, init?: { method?: string; body?: string }) => {
  const response = await worker.dispatchFetch(`http://worker.local${path}`, {
    ...init,
    headers: init?.body === undefined ? {} : { 'content-type': 'application/json' },
  });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: (await response.json()) as ApiBody,
  };
};

beforeAll(async () => {
  built = await bundleWorker(DIR);
  server = await emulator.listen();
  worker = startWorker({
    BCE_ENDPOINT: server.url,
    BCE_ACCESS_KEY_ID: alice.accessKeyId,
    BCE_SECRET_ACCESS_KEY: alice.secretAccessKey,
  });
  await worker.ready;
}, 60_000);

afterAll(async () => {
  await Promise.all(workers.map((mf) => mf.dispose()));
  await server?.close();
});

describe('examples/cloudflare-worker in workerd (Miniflare)', () => {
  it('bundles for workerd without Node built-ins or globals', () => {
    const bundle = built.code;
    expect(bundle).toContain('packages/peerconn/dist/esm/'); // the built package, not its source
    expect(bundle).not.toMatch(/\bfrom\s*["']node:|\bimport\(\s*["']node:|\brequire\(/);
    expect(bundle).not.toMatch(/(?<![.\w$])process\s*\./); // a free `process.` (`globalThis.process` probes are fine)
    expect(bundle).not.toMatch(/(?<![.\w$])Buffer\b/);
    expect(bundle).not.toContain(alice.secretAccessKey); // keys are bindings, never bundled
  });

  it('POST /peerconns creates a connection in the emulator and answers 201 { peerConnId }', async () => {
    const created = await call('/peerconns', {
      method: 'POST',
      body: JSON.stringify({
        bandwidthInMbps: 20,
        localVpcId: 'vpc-alicebj00001',
        peerVpcId: 'vpc-alicebj00002',
        peerRegion: 'bj',
        description: 'from the worker',
      }),
    });
    expect(created.status).toBe(201);
    expect(created.type).toMatch(/^application\/json/);
    expect(created.body).toEqual({ peerConnId: expect.stringMatching(/^peerconn-[a-z0-9]+$/) });
    const record = emulator.state().peerConns.find((pc) => pc.peerConnId === created.body.peerConnId!);
    expect(record).toMatchObject({
      bandwidthInMbps: 20,
      initiator: { vpcId: 'vpc-alicebj00001', accountId: alice.accountId, description: 'from the worker' },
      acceptor: { vpcId: 'vpc-alicebj00002' },
    });

    const listed = await call('/peerconns?vpcId=vpc-alicebj00001');
    expect(listed.status).toBe(200);
    expect(listed.body.peerConns).toEqual([
      expect.objectContaining({
        peerConnId: created.body.peerConnId,
        localVpcId: 'vpc-alicebj00001',
        peerVpcId: 'vpc-alicebj00002',
        status: 'creating',
        bandwidthInMbps: 20,
      }),
    ]);
    expect((await call('/peerconns?vpcId=vpc-alicegz00001')).body).toEqual({ peerConns: [] });
  });

  it('GET /peerconns walks every page', async () => {
    for (const peerVpcId of ['vpc-alicegz00001', 'vpc-alicesu00001']) {
      const { status } = await call('/peerconns', {
        method: 'POST',
        body: JSON.stringify({ bandwidthInMbps: 5, localVpcId: 'vpc-alicebj00002', peerVpcId, peerRegion: 'gz' }),
      });
      // su is not gz: that one is refused by the service (404 NoSuchVpc), the gz one is created.
      expect(status).toBe(peerVpcId === 'vpc-alicegz00001' ? 201 : 404);
    }
    const listed = await call('/peerconns');
    const inEmulator = emulator.state().peerConns.filter((pc) => pc.initiator.accountId === alice.accountId);
    expect(listed.body.peerConns!.map((pc) => pc.peerConnId).sort()).toEqual(
      inEmulator.map((pc) => pc.peerConnId).sort(),
    );
    expect(listed.body.peerConns!.length).toBeGreaterThanOrEqual(2);
    // An empty ?vpcId= (a form left blank) means no filter: the same list, not a 400 or 500.
    const blank = await call('/peerconns?vpcId=');
    expect(blank.status).toBe(200);
    expect(blank.body).toEqual(listed.body);
  });

  it('maps an invalid input to 400 with every issue, and sends nothing', async () => {
    const before = emulator.state().counts.requests;
    const answer = await call('/peerconns', {
      method: 'POST',
      body: JSON.stringify({ bandwidthInMbps: 0, localVpcId: 'vpc-alicebj00001', peerRegion: 'bj' }),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('ValidationError');
    expect(answer.body.issues!.map((issue) => issue.path).sort()).toEqual(['bandwidthInMbps', 'peerVpcId']);
    expect(answer.body.message).toMatch(/^createPeerconn: /);
    expect(emulator.state().counts.requests).toBe(before);
  });

  it('maps a service refusal to its status, BCE code and requestId', async () => {
    const answer = await call('/peerconns', {
      method: 'POST',
      body: JSON.stringify({
        bandwidthInMbps: 10,
        localVpcId: 'vpc-alicebj00002',
        peerVpcId: 'vpc-alicebj00001', // already peered by the create test, in the other direction
        peerRegion: 'bj',
      }),
    });
    expect(answer.status).toBe(409);
    expect(answer.body).toEqual({
      code: 'PeerConnAlreadyExists',
      message: expect.any(String),
      requestId: expect.any(String),
    });
  });

  it('answers malformed JSON, unknown routes and methods in JSON', async () => {
    expect(await call('/peerconns', { method: 'POST', body: '{"bandwidthInMbps":' })).toMatchObject({
      status: 400,
      body: { code: 'MalformedJSON' },
    });
    expect(await call('/peerconns', { method: 'POST', body: '[1]' })).toMatchObject({ status: 400 });
    expect(await call('/nope')).toMatchObject({ status: 404, body: { code: 'NotFound' } });
    expect(await call('/peerconns', { method: 'DELETE' })).toMatchObject({
      status: 405,
      body: { code: 'MethodNotAllowed' },
    });
  });

  it('signs with temporary credentials (BCE_SECURITY_TOKEN) and reports missing bindings as 500', async () => {
    const sts = emulator.issueTemporaryCredentials(alice.accountId);
    const temporary = startWorker({
      BCE_ENDPOINT: server.url,
      BCE_ACCESS_KEY_ID: sts.accessKeyId,
      BCE_SECRET_ACCESS_KEY: sts.secretAccessKey,
      BCE_SECURITY_TOKEN: sts.sessionToken,
    });
    const listed = await temporary.dispatchFetch('http://worker.local/peerconns?vpcId=vpc-alicebj00001');
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { peerConns: unknown[] }).peerConns).toHaveLength(1);

    // Without the token the service refuses the temporary key: the Worker passes the 403 and code on.
    const noToken = startWorker({
      BCE_ENDPOINT: server.url,
      BCE_ACCESS_KEY_ID: sts.accessKeyId,
      BCE_SECRET_ACCESS_KEY: sts.secretAccessKey,
    });
    const refused = await noToken.dispatchFetch('http://worker.local/peerconns');
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'InvalidSecurityToken' });

    const unconfigured = startWorker({ BCE_ENDPOINT: server.url });
    const answer = await unconfigured.dispatchFetch('http://worker.local/peerconns');
    expect(answer.status).toBe(500);
    expect(await answer.json()).toEqual({
      code: 'WorkerMisconfigured',
      message: 'BCE_ACCESS_KEY_ID and BCE_SECRET_ACCESS_KEY are not set',
    });
  });
});
