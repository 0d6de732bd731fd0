// Section 5: time to first request — a fresh `node` process that imports an SDK, creates a client and completes one
// call over real HTTP on 127.0.0.1, from spawn to exit. bcekit creates a peer connection on the emulator; the AWS
// SDK v3 sends CreateVpcPeeringConnection to a stub answering EC2's XML; @baiducloud/sdk sends one signed
// listInstances to a stub. The servers run in this process, which waits (never blocks) while a child runs.
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createEmulator } from '@bcekit/emulator';
import { median, pairedRatio } from '../lib/measure.mjs';
import { BENCH } from '../lib/prepare.mjs';
import { num, spread } from '../lib/report.mjs';

const run = promisify(execFile);

const EC2_ANSWER =
  '<?xml version="1.0" encoding="UTF-8"?><CreateVpcPeeringConnectionResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</requestId><vpcPeeringConnection><vpcPeeringConnectionId>pcx-111aaa111</vpcPeeringConnectionId><status><code>initiating-request</code><message>Initiating Request</message></status></vpcPeeringConnection></CreateVpcPeeringConnectionResponse>';

/** A stub HTTP server on 127.0.0.1 that checks the request was signed, then answers `body`. */
async function stub(contentType, body, signed) {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const ok = signed.test(request.headers.authorization ?? '');
      response.writeHead(ok ? 200 : 403, { 'content-type': contentType, 'x-bce-request-id': 'stub-1' });
      response.end(ok ? body : 'unsigned');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

const BARE = 'bare Node (node -e "0")';
const OURS = 'bcekit: createClient + createPeerconn (emulator)';
const AWS = 'baseline: @aws-sdk/client-ec2 CreateVpcPeeringConnection (stub)';
const BAIDU = 'baseline: @baiducloud/sdk BccClient.listInstances (stub)';

export async function runFirstRequest({ runs }) {
  const aws = await stub('text/xml;charset=UTF-8', EC2_ANSWER, /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\//);
  const baidu = await stub(
    'application/json;charset=utf-8',
    '{"instances":[],"marker":"","isTruncated":false}',
    /^bce-auth-v1\/AKIDBAIDU/,
  );
  // Each run creates a connection, which the emulator allows once per VPC pair: a fresh emulator per run.
  const subjects = {
    [BARE]: { args: ['-e', '0'], expect: /^$/ },
    [OURS]: { script: 'bcekit.mjs', expect: /^peerconn-[0-9a-z]+$/, emulator: true },
    [AWS]: { script: 'aws-ec2.mjs', url: aws.url, expect: /^pcx-111aaa111$/ },
    [BAIDU]: { script: 'baiducloud-sdk.mjs', url: baidu.url, expect: /^instances:0$/ },
  };
  const times = Object.fromEntries(Object.keys(subjects).map((name) => [name, []]));
  try {
    for (let round = -2; round < runs; round++) {
      for (const [name, subject] of Object.entries(subjects)) {
        const server = subject.emulator ? await createEmulator().listen() : undefined;
        const args = subject.args ?? [join(BENCH, 'first-request', subject.script), server?.url ?? subject.url];
        const started = process.hrtime.bigint();
        const { stdout } = await run(process.execPath, ['--no-warnings', ...args], { cwd: BENCH });
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        await server?.close();
        if (!subject.expect.test(stdout.trim())) throw new Error(`first request: ${name} printed ${stdout.trim()}`);
        if (round >= 0) times[name].push(ms);
      }
    }
  } finally {
    aws.close();
    baidu.close();
  }
  const med = Object.fromEntries(Object.entries(times).map(([name, list]) => [name, median(list)]));
  const vsAws = pairedRatio(times[OURS], times[AWS]);
  const vsBaidu = pairedRatio(times[OURS], times[BAIDU]);
  return {
    title: '5. Time to first request',
    method: `Wall time of a fresh \`node\` process from spawn to exit that imports the SDK, creates a client and completes one call over HTTP on 127.0.0.1 (bench/first-request/): bcekit creates a peer connection on the emulator (\`@bcekit/emulator\`, real signature check); the AWS SDK v3 sends CreateVpcPeeringConnection to a stub answering EC2's XML; @baiducloud/sdk sends one signed BCC listInstances to a stub. Each child's output is checked. Median of ${runs} runs per subject, subjects interleaved, after 2 warm-up rounds. Ratio = our time ÷ theirs (lower is better), the median of the per-round ratios with the lowest and highest round.`,
    columns: ['Subject', 'Process, median', 'Above bare Node', 'vs @aws-sdk/client-ec2', 'vs @baiducloud/sdk'],
    rows: Object.keys(subjects).map((name) => [
      name,
      `${num(med[name], 1)} ms`,
      name === BARE ? '' : `+${num(med[name] - med[BARE], 1)} ms`,
      name === OURS ? spread(vsAws) : '',
      name === OURS ? spread(vsBaidu) : '',
    ]),
    targets: [{ text: 'time to first request ≤ 0.3× the AWS SDK v3', met: vsAws.median <= 0.3, detail: spread(vsAws) }],
    data: { median: med, times },
  };
}
