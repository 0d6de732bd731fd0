// Section 5: scale — runs scale-child.mjs in a fresh process with --expose-gc.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { num } from '../lib/report.mjs';

export async function runScale({ count }) {
  const child = fileURLToPath(new URL('./scale-child.mjs', import.meta.url));
  const out = execFileSync(process.execPath, ['--expose-gc', child, String(count)], { encoding: 'utf8' });
  const r = JSON.parse(out.trim().split('\n').pop());
  if (r.items !== count) throw new Error(`scale: paginated ${r.items} of ${count} peer connections`);
  const mb = (bytes) => `${num(bytes / 2 ** 20, 1)} MB`;
  const sdkMs = r.ms - r.handleMs;
  return {
    title: '6. Scale',
    method: `paginatePeerconns over ${num(count)} peer connections at maxKeys 1000 (${r.pages} pages), emulator in a worker thread on 127.0.0.1 (its own heap), real fetch. Heap = this thread's \`heapUsed\`, gc() before the baseline, sampled after every page.`,
    columns: ['Figure', 'Value'],
    rows: [
      ['Peer connections read', num(r.items)],
      ['Total time', `${num(r.ms)} ms`],
      ['… of which emulator (list handler, in its thread)', `${num(r.handleMs)} ms`],
      ['… of which SDK + HTTP (total − emulator)', `${num(sdkMs)} ms (${num((r.items / sdkMs) * 1000)} items/s)`],
      ['Peak heap growth during pagination', mb(r.peakGrowth)],
      ['Heap retained after pagination (after gc)', mb(r.retained)],
      ['Loading the connections (emulator.seedPeerConns, before the timing)', `${num(r.seedMs)} ms`],
    ],
    targets: [{ text: 'heap growth < 50 MB', met: r.peakGrowth < 50 * 2 ** 20, detail: `peak +${mb(r.peakGrowth)}` }],
    data: r,
  };
}
