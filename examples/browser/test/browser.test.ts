// Bundles the page with its rollup config, serves it with serve.mjs (page + /sts + emulator on 127.0.0.1) and
// drives it in Chromium through playwright.
import { mkdirSync, readFileSync } from 'node:fs';
import { createClient } from '@bcekit/core';
import { FIXTURE_ACCOUNTS } from '@bcekit/emulator';
import { createPeerconn } from '@bcekit/peerconn';
import { type Browser, chromium, type Page, type Request } from 'playwright';
import { rollup } from 'rollup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from '../../../scripts/test-helpers/ensure-built.ts';

const DIR = `${ROOT}examples/browser/`;
/** Screenshots the test keeps (git-ignored). */
const ARTIFACTS = `${DIR}test-artifacts/`;
const [alice, bob] = FIXTURE_ACCOUNTS;
/** How long a poll may wait for the page: vitest's 1 s default is too short for a machine under load. */
const SETTLED = { timeout: 15_000 };

type Server = Awaited<ReturnType<typeof import('../serve.mjs').startServer>>;
let server: Server;
let browser: Browser;
let page: Page;
const apiRequests: Request[] = [];
const pageErrors: string[] = [];

async function bundle(): Promise<void> {
  const { default: config } = await import('../rollup.config.mjs');
  const build = await rollup({ ...config, onwarn: (warning) => pageErrors.push(`rollup: ${warning.message}`) });
  try {
    await build.write(config.output);
  } finally {
    await build.close();
  }
}

/** The table as [id, status, role] rows. */
const rows = () =>
  page.$$eval('#peerconns tbody tr', (trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent ?? '')),
  );
const message = () => page.locator('#message');
let webVpcId: string;

/** The picture's connection lines as [peerConnId, style, end a, end b] ("yes" | "no" | "unknown" routed). */
const links = () =>
  page.$$eval('#map g.link', (groups) =>
    groups.map((g) => [
      g.getAttribute('data-peer-conn-id'),
      g.getAttribute('data-style'),
      ...[...g.querySelectorAll('circle.end')].map((dot) => dot.getAttribute('class')!.replace('end routed-', '')),
    ]),
  );
/** The picture's VPC boxes as their two lines of text. */
const boxes = () =>
  page.$$eval('#map g.vpc', (groups) => groups.map((g) => [...g.querySelectorAll('text')].map((t) => t.textContent)));

beforeAll(async () => {
  await ensureBuilt();
  await bundle();
  const { startServer } = await import('../serve.mjs');
  // Service time stands still until a test moves it (emulator.clock.advance): a connection shows "creating" or
  // "deleting" for as long as the test needs, however slow the machine; real 1 s states could end before a check.
  server = await startServer({
    emulatorOptions: { realTime: false, transitions: { creating: 1_000, deleting: 1_000 } },
  });
  // A third VPC of alice in bj, for the Connect test (the fixture's two are peered by the create test).
  webVpcId = server.emulator.addVpc({
    accountId: alice.accountId,
    region: 'bj',
    name: 'web',
    cidr: '10.8.0.0/16',
  }).vpcId;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  page = await browser.newPage();
  page.on('request', (request) => {
    if (request.url().startsWith(server.emulatorUrl) && request.method() !== 'OPTIONS') apiRequests.push(request);
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (entry) => {
    if (entry.type() === 'error') pageErrors.push(entry.text());
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('examples/browser in Chromium', () => {
  it('bundles without any permanent key: the page gets temporary credentials at run time', () => {
    const code = readFileSync(`${DIR}dist/app.js`, 'utf8') + readFileSync(`${DIR}dist/app.js.map`, 'utf8');
    expect(code).toContain('packages/peerconn/dist/esm/'); // the built package, as a user's bundler sees it
    for (const account of FIXTURE_ACCOUNTS) {
      expect(code).not.toContain(account.secretAccessKey);
      expect(code).not.toContain(account.accessKeyId);
    }
    expect(code).not.toContain('createEmulator'); // the emulator stays on the server
  });

  it('loads, lists nothing yet, and fetched temporary credentials from /sts', async () => {
    await page.goto(server.url);
    await expect.poll(() => message().textContent(), SETTLED).toBe('0 peer connections');
    expect(server.issued).toHaveLength(1);
    expect(await page.locator('#identity').textContent()).toMatch(new RegExp(`^account ${alice.accountId}, key AKID`));
    // The picture: alice's VPCs with their CIDRs and names, no line yet.
    const vpcs = server.emulator.state().vpcs.filter((vpc) => vpc.accountId === alice.accountId);
    await expect.poll(boxes, SETTLED).toEqual(vpcs.map((vpc) => [vpc.vpcId, `${vpc.cidr} · ${vpc.name}`]));
    expect(await boxes()).toContainEqual([webVpcId, '10.8.0.0/16 · web']);
    expect(await links()).toEqual([]);
  });

  it('creates a peer connection from the form; the table and the emulator show it', async () => {
    await page.click('#create button[type="submit"]');
    await expect.poll(() => message().textContent(), SETTLED).toMatch(/^created peerconn-[a-z0-9]+$/);
    const id = (await message().textContent())!.slice('created '.length);
    expect(await rows()).toEqual([[id, 'creating', 'initiator']]);
    expect(await page.locator(`tr[data-id="${id}"] td`).nth(3).textContent()).toBe('vpc-alicebj00001');

    const record = server.emulator.state().peerConns.find((pc) => pc.peerConnId === id);
    expect(record).toMatchObject({
      initiator: { accountId: alice.accountId, vpcId: 'vpc-alicebj00001' },
      acceptor: { accountId: alice.accountId, vpcId: 'vpc-alicebj00002' },
      bandwidthInMbps: 10,
    });

    // Once the emulator's 1 s of "creating" is over, Refresh shows it active (Refresh until it does, no fixed wait).
    server.emulator.clock.advance(1_000);
    await expect
      .poll(
        async () => {
          await page.click('#refresh');
          return rows();
        },
        { ...SETTLED, interval: 250 },
      )
      .toEqual([[id, 'active', 'initiator']]);
    expect(server.emulator.state().peerConns.find((pc) => pc.peerConnId === id)?.status).toBe('active');
    // Active but routed on neither side: a plain create adds no route. The map is drawn after the table, once the
    // route tables are read, so it is polled too.
    await expect.poll(links, SETTLED).toEqual([[id, 'active', 'no', 'no']]);
  });

  it('shows a service refusal with its code', async () => {
    await page.click('#create button[type="submit"]'); // the same VPC pair again
    await expect
      .poll(() => message().textContent(), SETTLED)
      .toMatch(/^Creating failed: PeerConnAlreadyExists \(409\): /);
    await expect(page.locator('#message.error').count()).resolves.toBe(1);
  });

  it('accepts a cross-account request from another account', async () => {
    // Bob (another account, signing in Node) asks to peer with alice's second VPC.
    const bobClient = createClient({ endpoint: server.emulatorUrl, credentials: bob });
    const { peerConnId } = await createPeerconn(bobClient, {
      bandwidthInMbps: 5,
      localVpcId: 'vpc-bobbj000001',
      peerVpcId: 'vpc-alicebj00002',
      peerRegion: 'bj',
      peerAccountId: alice.accountId,
    });
    await page.click('#refresh');
    await expect.poll(rows, SETTLED).toContainEqual([peerConnId, 'consulting', 'acceptor']);
    await page.click(`tr[data-id="${peerConnId}"] button:text("Accept")`);
    await expect.poll(() => message().textContent(), SETTLED).toBe(`accepted ${peerConnId}`);
    expect(await rows()).toContainEqual([peerConnId, 'active', 'acceptor']);
    expect(server.emulator.state().peerConns.find((pc) => pc.peerConnId === peerConnId)?.status).toBe('active');
  });

  it('connects two VPCs from the Connect form: each step listed, then the line drawn active and routed', async () => {
    await page.fill('#connect input[name="peerVpcId"]', webVpcId);
    await page.click('#connect button[type="submit"]');
    // The page created the connection and waits for it to leave "creating": end that state now.
    const created = () => server.emulator.state().peerConns.find((pc) => pc.acceptor.vpcId === webVpcId)?.status;
    await expect.poll(created, SETTLED).toBe('creating');
    server.emulator.clock.advance(1_000);
    await expect.poll(() => message().textContent(), SETTLED).toMatch(/^connected: peerconn-[a-z0-9]+$/);
    const id = (await message().textContent())!.slice('connected: '.length);
    expect(await page.$$eval('#steps li', (items) => items.map((li) => li.dataset.step))).toEqual([
      'created',
      'active',
      'route-added',
      'route-added',
    ]);
    expect(await page.locator('#steps li').nth(2).textContent()).toMatch(
      /^route-added \(local side → 10\.8\.0\.0\/16\): rr-/,
    );
    await expect.poll(links, SETTLED).toContainEqual([id, 'active-routed', 'yes', 'yes']);
    // The emulator agrees: one peerConn rule on each side.
    const tables = server.emulator.state().routeTables;
    const peerRules = (vpcId: string) =>
      tables.find((t) => t.vpcId === vpcId)!.routeRules.filter((r) => r.nexthopType === 'peerConn');
    expect(peerRules('vpc-alicebj00001').map((r) => r.destinationAddress)).toEqual(['10.8.0.0/16']);
    expect(peerRules(webVpcId).map((r) => r.destinationAddress)).toEqual(['192.168.0.0/16']);
    // The drawn line's colour is the "active and routed" one of the legend.
    const stroke = await page.$eval(
      `#map g.link[data-peer-conn-id="${id}"] line`,
      (line) => getComputedStyle(line).stroke,
    );
    expect(stroke).toBe('rgb(23, 128, 61)');
    mkdirSync(ARTIFACTS, { recursive: true });
    const png = await page.screenshot({ path: `${ARTIFACTS}connected.png`, fullPage: true });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });

  it('deletes from the table', async () => {
    const [[id]] = (await rows()) as [[string]];
    await page.click(`tr[data-id="${id}"] button:text("Delete")`);
    await expect.poll(() => message().textContent(), SETTLED).toBe(`deleting ${id}`);
    expect(await rows()).toContainEqual([id, 'deleting', 'initiator']);
    expect(server.emulator.state().peerConns.find((pc) => pc.peerConnId === id)?.status).toBe('deleting');
  });

  it('signed every API call with the temporary key and its x-bce-security-token, from the page origin', async () => {
    expect(server.issued).toHaveLength(1); // one /sts call: the client caches credentials until near expiry
    const [sessionToken] = server.issued;
    const sts = server.emulator.state().accounts.find((a) => a.accountId === alice.accountId)!.accessKeyIds;
    const temporaryKey = sts.find((key) => key !== alice.accessKeyId)!;
    expect(apiRequests.length).toBeGreaterThanOrEqual(8);
    for (const request of apiRequests) {
      const headers = await request.allHeaders();
      expect(headers['x-bce-security-token']).toBe(sessionToken);
      expect(headers['authorization']).toMatch(new RegExp(`^bce-auth-v1/${temporaryKey}/`));
      expect(headers['origin']).toBe(server.url.slice(0, -1));
    }
    expect(pageErrors.filter((text) => !text.includes('409'))).toEqual([]);
  });
});
