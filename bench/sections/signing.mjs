// Section 2: signing throughput (signatures per second) of one createPeerconn-shaped request.
import { createRequire } from 'node:module';
import { sign, signSync } from '@bcekit/signer';
import { signNaiveWebCrypto, signNodeCrypto } from '../baselines/minimal-signer.mjs';
import { throughput } from '../lib/measure.mjs';
import { num, ratio } from '../lib/report.mjs';

const { Auth } = createRequire(import.meta.url)('@baiducloud/sdk');

const credentials = {
  accessKeyId: 'AKIDALICE00000000000000000EXAMPLE',
  secretAccessKey: 'alice-secret-key-fake-0000000000',
};
const headers = { host: 'bcc.bj.baidubce.com', 'content-type': 'application/json;charset=utf-8' };
const request = (date) => ({
  method: 'POST',
  path: '/v1/peerconn',
  query: { clientToken: '0f4c7d0e-3c1e-4f63-9a6f-2b8d1c7e5a90' },
  headers: { ...headers, 'x-bce-date': `${date.toISOString().slice(0, 19)}Z` },
});
const options = { credentials, headersToSign: ['host', 'content-type'] };
const baidu = new Auth(credentials.accessKeyId, credentials.secretAccessKey);
const baiduSign = (r, date) =>
  baidu.generateAuthorization(r.method, r.path, r.query, r.headers, date.getTime() / 1000, 1800, [
    'host',
    'content-type',
    'x-bce-date',
  ]);

/** Every subject must produce the same Authorization for the same input, or its speed means nothing. */
async function checkAgreement() {
  const date = new Date('2024-06-11T06:13:20Z');
  const r = request(date);
  const values = {
    sign: await sign(r, { ...options, timestamp: date }),
    signSync: signSync(r, { ...options, timestamp: date }),
    nodeCrypto: signNodeCrypto(r, credentials, date),
    naiveWebCrypto: await signNaiveWebCrypto(r, credentials, date),
    baidu: baiduSign(r, date),
  };
  const distinct = new Set(Object.values(values));
  if (distinct.size !== 1) throw new Error(`signing: subjects disagree: ${JSON.stringify(values, null, 2)}`);
}

/** Runs `fn` with native crypto hidden, as in a browser or a Worker without nodejs_compat. */
async function withoutNativeCrypto(fn) {
  const saved = process.getBuiltinModule;
  process.getBuiltinModule = undefined;
  try {
    return await fn();
  } finally {
    process.getBuiltinModule = saved;
  }
}

export async function runSigning({ time }) {
  await checkAgreement();
  // Each call signs "now", as a client does; the date header changes with it.
  const now = () => new Date();
  const native = await throughput(
    {
      'sign() (default path: node:crypto in Node)': async () => {
        const date = now();
        await sign(request(date), { ...options, timestamp: date });
      },
      'signSync() (node:crypto in Node)': () => {
        const date = now();
        signSync(request(date), { ...options, timestamp: date });
      },
      'baseline: minimal node:crypto signer': () => {
        const date = now();
        signNodeCrypto(request(date), credentials, date);
      },
      'baseline: @baiducloud/sdk Auth': () => {
        const date = now();
        baiduSign(request(date), date);
      },
    },
    { time },
  );
  const web = await withoutNativeCrypto(() =>
    throughput(
      {
        'sign() Web Crypto path (browsers, Workers)': async () => {
          const date = now();
          await sign(request(date), { ...options, timestamp: date });
        },
        'signSync() @noble/hashes path (browsers)': () => {
          const date = now();
          signSync(request(date), { ...options, timestamp: date });
        },
        'baseline: naive Web Crypto (key import per call)': async () => {
          const date = now();
          await signNaiveWebCrypto(request(date), credentials, date);
        },
      },
      { time },
    ),
  );
  const r = { ...native, ...web };
  const base = {
    node: r['baseline: minimal node:crypto signer'],
    web: r['baseline: naive Web Crypto (key import per call)'],
    baidu: r['baseline: @baiducloud/sdk Auth'],
  };
  const rows = Object.entries(r).map(([name, ops]) => [
    name,
    `${num(ops)}/s`,
    name.startsWith('baseline') ? '' : ratio(ops, base.node),
    name.startsWith('baseline') ? '' : ratio(ops, base.web),
    name.startsWith('baseline') ? '' : ratio(ops, base.baidu),
  ]);
  const defaultRatio = r['sign() (default path: node:crypto in Node)'] / base.node;
  const webRatio = r['sign() Web Crypto path (browsers, Workers)'] / base.web;
  return {
    title: '2. Signing throughput',
    method:
      'Signatures per second of a createPeerconn-shaped request (POST, query clientToken, host + content-type + x-bce-date signed), each signing "now", tinybench, one at a time (subjects take turns in 5 interleaved rounds, median of the rounds). Every subject is first checked to produce the same Authorization. The Web Crypto and @noble rows run with `process.getBuiltinModule` hidden, as in a browser. Ratio = ours ÷ baseline (higher is better).',
    columns: ['Subject', 'Signatures/s', 'vs node:crypto minimal', 'vs naive Web Crypto', 'vs @baiducloud/sdk'],
    rows,
    targets: [
      {
        text: 'default path ≥ 0.8× the node:crypto baseline',
        met: defaultRatio >= 0.8,
        detail: `${ratio(defaultRatio, 1)}`,
      },
      { text: 'Web Crypto path ≥ 3× naive Web Crypto', met: webRatio >= 3, detail: `${ratio(webRatio, 1)}` },
    ],
    data: r,
  };
}
