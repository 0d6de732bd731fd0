// Section 2: signing throughput (signatures per second) of one createPeerconn-shaped request.
import { createRequire } from 'node:module';
import { sign, signSync } from '@bcekit/signer';
import { AwsV4Signer } from 'aws4fetch';
import { signNaiveWebCrypto, signNodeCrypto } from '../baselines/minimal-signer.mjs';
import { pairedRatio, throughput } from '../lib/measure.mjs';
import { num, ratio, spread } from '../lib/report.mjs';

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

// aws4fetch signs SigV4 with Web Crypto and, like sign(), caches its derived key (per secret, day, region and
// service, in the Map its AwsClient keeps). The same shape of request: POST, a clientToken query, host +
// content-type + date signed; the payload is declared unsigned, so that neither signer hashes a body.
const awsCache = new Map();
const awsSign = (date) =>
  new AwsV4Signer({
    method: 'POST',
    url: 'https://ec2.us-east-1.amazonaws.com/v1/peerconn?clientToken=0f4c7d0e-3c1e-4f63-9a6f-2b8d1c7e5a90',
    headers: { 'content-type': headers['content-type'], 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    service: 'ec2',
    region: 'us-east-1',
    cache: awsCache,
    datetime: date.toISOString().replace(/[:-]|\.\d{3}/g, ''),
  }).authHeader();

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
  // aws4fetch signs another scheme; check it signs at all, with the derived key reused on a second call.
  const first = await awsSign(date);
  if (!/^AWS4-HMAC-SHA256 Credential=.*Signature=[0-9a-f]{64}$/.test(first) || (await awsSign(date)) !== first)
    throw new Error(`signing: aws4fetch did not sign: ${first}`);
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
        'baseline: aws4fetch AwsV4Signer (Web Crypto, derived key cached)': async () => {
          const date = now();
          await awsSign(date);
        },
        'baseline: naive Web Crypto (key import per call)': async () => {
          const date = now();
          await signNaiveWebCrypto(request(date), credentials, date);
        },
      },
      { time },
    ),
  );
  const r = { ...native.ops, ...web.ops };
  const rounds = { ...native.rounds, ...web.rounds };
  const NODE = 'baseline: minimal node:crypto signer';
  const AWS4 = 'baseline: aws4fetch AwsV4Signer (Web Crypto, derived key cached)';
  const NAIVE = 'baseline: naive Web Crypto (key import per call)';
  const BAIDU = 'baseline: @baiducloud/sdk Auth';
  const OURS_NATIVE = 'sign() (default path: node:crypto in Node)';
  const OURS_WEB = 'sign() Web Crypto path (browsers, Workers)';
  // Ratios within a group are paired round by round; the two groups ran one after the other.
  const webGroup = (name) => name in web.ops;
  const paired = (name, base) =>
    webGroup(name) === webGroup(base) ? spread(pairedRatio(rounds[name], rounds[base])) : ratio(r[name], r[base]);
  const rows = Object.entries(r).map(([name, ops]) => [
    name,
    `${num(ops)}/s`,
    name.startsWith('baseline') ? '' : paired(name, NODE),
    name.startsWith('baseline') || !webGroup(name) ? '' : paired(name, AWS4),
    name.startsWith('baseline') || !webGroup(name) ? '' : paired(name, NAIVE),
    name.startsWith('baseline') ? '' : paired(name, BAIDU),
  ]);
  const defaultRatio = pairedRatio(rounds[OURS_NATIVE], rounds[NODE]);
  const awsRatio = pairedRatio(rounds[OURS_WEB], rounds[AWS4]);
  return {
    title: '2. Signing throughput',
    method:
      'Signatures per second of a createPeerconn-shaped request (POST, query clientToken, host + content-type + x-bce-date signed), each signing "now", tinybench, one at a time (subjects take turns in 7 interleaved rounds, median of the rounds). Every BCE subject is first checked to produce the same Authorization. The Web Crypto, aws4fetch and @noble rows run with `process.getBuiltinModule` hidden, as in a browser. aws4fetch signs SigV4 for a request of the same shape (POST, a query, host + content-type + date signed, payload declared unsigned) and, like sign(), keeps its derived key. Ratio = ours ÷ baseline (higher is better): the median of the per-round ratios (the two ran in the same round), with the lowest and highest round in brackets; across the two groups (native, hidden) the ratio of the medians.',
    columns: [
      'Subject',
      'Signatures/s',
      'vs node:crypto minimal',
      'vs aws4fetch',
      'vs naive Web Crypto',
      'vs @baiducloud/sdk',
    ],
    rows,
    targets: [
      {
        text: 'default path ≥ 0.8× the node:crypto baseline',
        met: defaultRatio.median >= 0.8,
        detail: spread(defaultRatio),
      },
      {
        text: 'Web Crypto path ≥ 1× aws4fetch (keys cached by both)',
        met: awsRatio.median >= 1,
        detail: spread(awsRatio),
      },
    ],
    data: { ops: r, rounds },
  };
}
