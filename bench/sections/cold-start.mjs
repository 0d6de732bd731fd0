// Section 4: cold start — a fresh `node` process that imports the SDK and exits, against one that imports nothing.
import { spawnSync } from 'node:child_process';
import { median } from '../lib/measure.mjs';
import { BENCH } from '../lib/prepare.mjs';
import { num, ratio } from '../lib/report.mjs';

const SUBJECTS = {
  'bare Node (node -e "0")': '0',
  '@bcekit/peerconn + @bcekit/core': "Promise.all([import('@bcekit/core'), import('@bcekit/peerconn')])",
  'baseline: @aws-sdk/client-ec2': "import('@aws-sdk/client-ec2')",
  'baseline: @baiducloud/sdk': "import('@baiducloud/sdk')",
};

function once(code) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--no-warnings', '-e', code], {
    cwd: BENCH,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`cold start: ${code} failed: ${result.stderr}`);
  return ms;
}

export async function runColdStart({ runs }) {
  const times = Object.fromEntries(Object.keys(SUBJECTS).map((name) => [name, []]));
  // Two unrecorded rounds warm the file cache; then subjects take turns so drift hits them all alike.
  for (let round = -2; round < runs; round++) {
    for (const [name, code] of Object.entries(SUBJECTS)) {
      const ms = once(code);
      if (round >= 0) times[name].push(ms);
    }
  }
  const med = Object.fromEntries(Object.entries(times).map(([name, list]) => [name, median(list)]));
  const bare = med['bare Node (node -e "0")'];
  const ours = med['@bcekit/peerconn + @bcekit/core'] - bare;
  const aws = med['baseline: @aws-sdk/client-ec2'] - bare;
  const baidu = med['baseline: @baiducloud/sdk'] - bare;
  const rows = Object.keys(SUBJECTS).map((name, i) => {
    const above = med[name] - bare;
    return [
      name,
      `${num(med[name], 1)} ms`,
      i === 0 ? '' : `+${num(above, 1)} ms`,
      i === 1 ? ratio(ours, aws) : '',
      i === 1 ? ratio(ours, baidu) : '',
    ];
  });
  return {
    title: '4. Cold start',
    method: `Wall time of \`node -e "<import>"\` from spawn to exit (ESM, through each package's exports), median of ${runs} runs per subject, subjects interleaved, after 2 warm-up rounds. "Import cost" = median − bare Node. Ratio = our import cost ÷ theirs (lower is better).`,
    columns: ['Subject', 'Process, median', 'Import cost', 'vs @aws-sdk/client-ec2', 'vs @baiducloud/sdk'],
    rows,
    targets: [
      {
        text: 'import cost ≤ a fifth of a bare Node start',
        met: ours <= bare / 5,
        detail: `+${num(ours, 1)} ms = ${num((ours / bare) * 100, 0)}% of ${num(bare, 1)} ms`,
      },
    ],
    data: med,
  };
}
