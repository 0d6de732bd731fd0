// Section 1: bundle size of three bcekit apps and three baselines, built by bench/bundles.mjs.
import { BASELINES, buildAll, OURS } from '../bundles.mjs';
import { kb, ratio } from '../lib/report.mjs';

const LABELS = {
  'create-only': 'bcekit: createClient + createPeerconn',
  everything: 'bcekit: every operation + paginator + waiter',
  signer: 'bcekit: signer alone (sign)',
  'aws-ec2': 'baseline: @aws-sdk/client-ec2 (EC2Client + CreateVpcPeeringConnectionCommand)',
  aws4fetch: 'baseline: aws4fetch (AwsClient + AwsV4Signer)',
  'baiducloud-sdk': 'baseline: @baiducloud/sdk (browser build)',
};
const LIMITS = { 'create-only': 10 * 1024, everything: 16 * 1024, signer: 2.5 * 1024 };

export async function runSize() {
  const s = await buildAll([...OURS, ...BASELINES]);
  const row = (name) => {
    const b = s[name];
    const ours = OURS.includes(name);
    return [
      LABELS[name],
      kb(b.initialGzip),
      b.lazyGzip ? `${kb(b.lazyGzip)} (${b.lazyChunks})` : '—',
      kb(b.singleGzip),
      ours ? ratio(b.initialGzip, s['aws-ec2'].initialGzip) : '',
      ours ? ratio(b.initialGzip, s.aws4fetch.initialGzip) : '',
      ours ? ratio(b.initialGzip, s['baiducloud-sdk'].initialGzip) : '',
    ];
  };
  return {
    title: '1. Bundle size',
    method:
      'esbuild 0.27 `--bundle --minify --platform=browser --format=esm`, gzip -9, of the apps in bench/entries/. "Initial" is built with `--splitting` (what a page loads before any code runs; `import()`ed code goes to lazy chunks); "single file" is the same without splitting, where esbuild inlines every `import()`. For bcekit the only lazy chunk is the @noble/hashes fallback of `sign()`, fetched only where neither native crypto nor `crypto.subtle` exists. Targets and size-limit budgets apply to "initial". Ratio = ours ÷ baseline, initial (lower is better).',
    columns: [
      'Bundle',
      'Initial (gzip)',
      'Lazy chunks (gzip)',
      'Single file (gzip)',
      'vs AWS SDK v3',
      'vs aws4fetch',
      'vs @baiducloud/sdk',
    ],
    rows: [...OURS.map(row), ...BASELINES.map(row)],
    targets: OURS.map((name) => ({
      text: `${LABELS[name]} ≤ ${kb(LIMITS[name])} gzip`,
      met: s[name].initialGzip <= LIMITS[name],
      detail: `${kb(s[name].initialGzip)} initial (${kb(s[name].singleGzip)} as one file)`,
    })),
    data: s,
  };
}
