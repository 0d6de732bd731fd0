// Section 3: per-call overhead — createPeerconn through the whole stack against a fetch that answers at once.
import { CreateVpcPeeringConnectionCommand, EC2Client } from '@aws-sdk/client-ec2';
import { createClient } from '@bcekit/core';
import { createPeerconn } from '@bcekit/peerconn';
import { handWrittenCreate } from '../baselines/hand-written-call.mjs';
import { pairedRatio, throughput } from '../lib/measure.mjs';
import { num, spread } from '../lib/report.mjs';

const credentials = {
  accessKeyId: 'AKIDALICE00000000000000000EXAMPLE',
  secretAccessKey: 'alice-secret-key-fake-0000000000',
};
const endpoint = 'https://bcc.bj.baidubce.com';
const input = { bandwidthInMbps: 10, localVpcId: 'vpc-alicebj00001', peerVpcId: 'vpc-bobbj000001', peerRegion: 'bj' };
const answer = '{"peerConnId":"peerconn-9td54fmx143e"}';

/** An in-memory fetch that answers at once, as BCE would (JSON body, request id, Date). */
export const instantFetch = async () =>
  new Response(answer, {
    status: 200,
    headers: {
      'content-type': 'application/json;charset=utf-8',
      'x-bce-request-id': 'c4abab14-6b29-4c3a-8bd4-1b0e5c2f3e4d',
      date: new Date().toUTCString(),
    },
  });

const ec2Answer = new TextEncoder().encode(
  '<?xml version="1.0" encoding="UTF-8"?><CreateVpcPeeringConnectionResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</requestId><vpcPeeringConnection><vpcPeeringConnectionId>pcx-111aaa111</vpcPeeringConnectionId><status><code>initiating-request</code><message>Initiating Request</message></status></vpcPeeringConnection></CreateVpcPeeringConnectionResponse>',
);

/** What `call` sends through the fetch it is given: the parts that must not differ between two subjects. */
async function record(call) {
  let seen;
  await call(async (url, init) => {
    const { pathname, searchParams } = new URL(url);
    const headers = Object.fromEntries(new Headers(init.headers));
    const authorization = headers.authorization ?? '';
    seen = {
      method: init.method,
      path: pathname,
      query: [...searchParams.keys()],
      headers: Object.keys(headers).sort(),
      // bce-auth-v1/{ak}/{time}/{expiration}/{signed headers}/{signature}: the signed headers must match.
      signedHeaders: authorization.split('/')[4],
      userAgent: headers['user-agent'],
      body: init.body,
    };
    return instantFetch();
  });
  return seen;
}

/** AWS SDK v3's request handler interface, answering at once. */
const stubHandler = {
  handle: async () => ({
    response: {
      statusCode: 200,
      reason: 'OK',
      headers: {
        'content-type': 'text/xml;charset=UTF-8',
        'x-amzn-requestid': '7a62c49f',
        date: new Date().toUTCString(),
      },
      body: ec2Answer,
    },
  }),
  updateHttpClientConfig() {},
  httpHandlerConfigs: () => ({}),
};

export async function runPerCall({ time }) {
  const client = createClient({ endpoint, credentials, fetch: instantFetch, retry: 0 });
  const ec2 = new EC2Client({ region: 'us-east-1', credentials, requestHandler: stubHandler, maxAttempts: 1 });
  const ec2Input = { VpcId: 'vpc-1a2b3c4d', PeerVpcId: 'vpc-11122233', PeerRegion: 'us-west-2' };

  // Each subject must really complete a call before it is timed, and the hand-written one must send what bcekit
  // sends: same method, path, query keys, header names and body (only the token, date and signature differ).
  const ours = await createPeerconn(client, input);
  const theirs = await ec2.send(new CreateVpcPeeringConnectionCommand(ec2Input));
  const userAgent = client.config.userAgent;
  const hand = await handWrittenCreate(instantFetch, endpoint, credentials, input, userAgent);
  const [sentByUs, sentByHand] = await Promise.all([
    record((fetch) => createPeerconn(createClient({ endpoint, credentials, fetch, retry: 0 }), input)),
    record((fetch) => handWrittenCreate(fetch, endpoint, credentials, input, userAgent)),
  ]);
  if (!sentByUs?.body || !sentByUs.signedHeaders || JSON.stringify(sentByUs) !== JSON.stringify(sentByHand))
    throw new Error(
      `per-call: the hand-written call sends another request:\n${JSON.stringify([sentByUs, sentByHand])}`,
    );
  if (ours.peerConnId !== 'peerconn-9td54fmx143e' || hand.peerConnId !== ours.peerConnId)
    throw new Error('per-call: bcekit or the hand-written call did not return the id');
  if (theirs.VpcPeeringConnection?.VpcPeeringConnectionId !== 'pcx-111aaa111')
    throw new Error('per-call: the AWS SDK did not parse its answer');

  const OURS = 'bcekit createPeerconn (whole stack)';
  const AWS = 'baseline: AWS SDK v3 CreateVpcPeeringConnectionCommand';
  const HAND = 'baseline: hand-written sign + fetch';
  const { ops: r, rounds } = await throughput(
    {
      [OURS]: () => createPeerconn(client, input),
      [AWS]: () => ec2.send(new CreateVpcPeeringConnectionCommand(ec2Input)),
      [HAND]: () => handWrittenCreate(instantFetch, endpoint, credentials, input, userAgent),
    },
    { time },
  );
  const vsAws = pairedRatio(rounds[OURS], rounds[AWS]);
  const vsHand = pairedRatio(rounds[OURS], rounds[HAND]);
  return {
    title: '3. Per-call overhead',
    method:
      'Calls per second, one at a time (tinybench; subjects take turns in 7 interleaved rounds after a warm-up, median of the rounds), against a fetch / request handler that answers at once with a canned success. bcekit: `createClient({ endpoint, credentials, fetch, retry: 0 })` then `createPeerconn` (validation, clientToken, signing, fetch transport, JSON parse). Hand-written: the same request (the bench first checks that method, path, query, header names, signed headers, user-agent and body match), built, signed with node:crypto (two HMACs), fetched and parsed, with no input checks, timeout or retry state (bench/baselines/hand-written-call.mjs). AWS: `EC2Client` with a stub `requestHandler`, `maxAttempts: 1` (different work: SigV4, XML). Ratio = ours ÷ baseline (higher is better), the median of the per-round ratios with the lowest and highest round.',
    columns: ['Subject', 'Calls/s', 'µs per call', 'vs AWS SDK v3', 'vs hand-written'],
    rows: Object.entries(r).map(([name, ops]) => [
      name,
      `${num(ops)}/s`,
      num(1e6 / ops, 1),
      name === OURS ? spread(vsAws) : '',
      name === OURS ? spread(vsHand) : '',
    ]),
    targets: [
      { text: '≥ 5× AWS SDK v3', met: vsAws.median >= 5, detail: spread(vsAws) },
      { text: '≥ 0.9× the hand-written sign + fetch', met: vsHand.median >= 0.9, detail: spread(vsHand) },
    ],
    data: { ops: r, rounds },
  };
}
