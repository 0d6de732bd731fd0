// Section 1: bundle size of the bcekit apps and three baselines, built by bench/bundles.mjs in both modes (a page's
// initial load, a Worker's one file), plus the Cloudflare Worker example as `wrangler deploy --dry-run` bundles it.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASELINES, buildAll, gzipSize, isBuildable, LIMITS, OURS, REFERENCE, workerOptions } from '../bundles.mjs';
import { marginalGzip } from '../lib/leave-one-out.mjs';
import { OUT, ROOT } from '../lib/prepare.mjs';
import { kb, ratio } from '../lib/report.mjs';

const LABELS = {
  'create-only': 'bcekit: createClient + createPeerconn',
  everything: 'bcekit: every peerconn operation + paginator + waiter',
  signer: 'bcekit: signer alone (sign)',
  'route-rule-only': 'bcekit: createClient + createRouteRule (@bcekit/vpc)',
  'connect-vpcs': 'bcekit: connectVpcs app (@bcekit/peerconn on @bcekit/vpc)',
  'client-only': 'reference: bcekit createClient alone (core + signer, no operation; no target)',
  'aws-ec2': 'baseline: @aws-sdk/client-ec2 (EC2Client + CreateVpcPeeringConnectionCommand)',
  aws4fetch: 'baseline: aws4fetch (AwsClient + AwsV4Signer)',
  'baiducloud-sdk': 'baseline: @baiducloud/sdk (browser build)',
};

/** examples/cloudflare-worker bundled by wrangler itself (`--minify`), or why it could not be. */
function wranglerBundle() {
  const outdir = join(OUT, 'wrangler');
  rmSync(outdir, { recursive: true, force: true });
  const bin = join(ROOT, 'node_modules', 'wrangler', 'bin', 'wrangler.js');
  // The example's tsconfig extends the repo's, whose `paths` lead to the packages' sources; an installed app has no
  // such paths, so wrangler gets an empty tsconfig and resolves @bcekit/* through node_modules and `exports`.
  const tsconfig = join(OUT, 'wrangler.tsconfig.json');
  writeFileSync(tsconfig, '{}\n');
  try {
    execFileSync(
      process.execPath,
      [bin, 'deploy', '--dry-run', '--minify', '--outdir', outdir, '--tsconfig', tsconfig],
      {
        cwd: join(ROOT, 'examples', 'cloudflare-worker'),
        env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const text = readFileSync(join(outdir, 'worker.js'), 'utf8');
    // 1116352408 = 0x428a2f98, SHA-256's first round constant: present only if @noble/hashes was bundled.
    if (text.includes('1116352408') || text.includes('0x428a2f98')) throw new Error('the bundle holds @noble/hashes');
    return { gzip: gzipSize(text) };
  } catch (error) {
    return {
      error: String(error.stderr || error.message)
        .trim()
        .split('\n')[0],
    };
  }
}

export async function runSize() {
  const s = await buildAll([...OURS, ...REFERENCE, ...BASELINES]);
  const names = [...OURS, ...REFERENCE, ...BASELINES];
  const row = (name) => {
    const b = s[name];
    const ours = OURS.includes(name);
    const vs = (base) =>
      ours ? `${ratio(b.initialGzip, s[base].initialGzip)} / ${ratio(b.workerGzip, s[base].workerGzip)}` : '';
    return [
      LABELS[name] ?? `bcekit: ${name}`,
      kb(b.initialGzip),
      b.lazyGzip ? `${kb(b.lazyGzip)} (${b.lazyChunks})` : '—',
      kb(b.workerGzip),
      ours ? kb(LIMITS[name]) : '',
      vs('aws-ec2'),
      vs('aws4fetch'),
      vs('baiducloud-sdk'),
    ];
  };
  const wrangler = wranglerBundle();
  const rows = names.map(row);
  if (!isBuildable('connect-vpcs')) {
    const missing = [
      LABELS['connect-vpcs'],
      'not built: connectVpcs is not on main yet',
      '',
      '',
      kb(LIMITS['connect-vpcs']),
    ];
    rows.splice(OURS.length, 0, [...missing, '', '', '']);
  }
  rows.push([
    'examples/cloudflare-worker, `wrangler deploy --dry-run --minify --outdir` (wrangler 4.86 on Node 20; empty tsconfig, so @bcekit/* resolve as installed)',
    '',
    '',
    wrangler.error ? `not run: ${wrangler.error}` : kb(wrangler.gzip),
    '',
    '',
    '',
    '',
  ]);
  const origins = (name) =>
    Object.entries(s[name].workerMinByOrigin)
      .filter(([, bytes]) => bytes > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([origin, bytes]) => `${origin} ${bytes.toLocaleString('en-US')} B`)
      .join(', ');
  const notes = ['create-only', 'route-rule-only']
    .filter((name) => s[name])
    .map((name) => `${LABELS[name]}, Worker one file, minified bytes by origin: ${origins(name)}.`);
  // Where the gzip bytes go: each module left out in turn (barrel index files are not code of their own).
  const marginal = {};
  for (const name of ['create-only', 'route-rule-only'].filter((n) => s[n])) {
    marginal[name] = await marginalGzip(workerOptions(name));
    const list = marginal[name].costs
      .filter((c) => !c.module.endsWith('/index'))
      .slice(0, 16)
      .map((c) => `${c.module} ${c.bytes.toLocaleString('en-US')} B`)
      .join(', ');
    notes.push(
      `${LABELS[name]}, Worker one file (${marginal[name].total.toLocaleString('en-US')} B gzip): what the bundle would lose without each module (and what only it pulls in), largest first; the costs overlap, so they add up to more than the total: ${list}.`,
    );
  }
  return {
    title: '1. Bundle size',
    notes,
    method:
      'esbuild 0.27 `--bundle --minify --format=esm`, gzip -9, of the apps in bench/entries/, built two ways. **Page, initial**: `--platform=browser --splitting`, what a page loads before any code runs (`import()`ed code goes to lazy chunks, fetched when it runs; for bcekit the only one is the @noble/hashes fallback of `sign()`, needed only where neither native crypto nor `crypto.subtle` exists). **Worker, one file**: no splitting, with the conditions wrangler 4 gives esbuild (`workerd`, `worker`, `browser`), where the signer leaves that fallback out. Targets and size-limit budgets (`.size-limit.cjs`) apply to both. The last row is the Worker example as wrangler itself bundles it (a larger app: create, paginate, every error class). Ratio = ours ÷ baseline, page / Worker (lower is better).',
    columns: [
      'Bundle',
      'Page, initial (gzip)',
      'Page, lazy chunks (gzip)',
      'Worker, one file (gzip)',
      'Target',
      'vs AWS SDK v3',
      'vs aws4fetch',
      'vs @baiducloud/sdk',
    ],
    rows,
    targets: OURS.flatMap((name) =>
      [
        ['page, initial', s[name].initialGzip],
        ['Worker, one file', s[name].workerGzip],
      ].map(([mode, bytes]) => ({
        text: `${LABELS[name] ?? name}, ${mode} ≤ ${kb(LIMITS[name])} gzip`,
        met: bytes <= LIMITS[name],
        detail: `${kb(bytes)} (${bytes.toLocaleString('en-US')} B)`,
      })),
    ),
    data: { bundles: s, wrangler, marginal },
  };
}
