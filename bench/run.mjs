// `pnpm bench`: builds the packages when needed, runs the six sections, prints a table per section with ratios to
// the baselines measured in the same run, and writes bench/.out/results.{md,json}. `--write` also replaces the
// results in BENCHMARKS.md. `--quick` shortens every measurement (for a smoke run; numbers are rougher).
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { OUT, prepare, ROOT } from './lib/prepare.mjs';
import { renderMarkdown, renderText } from './lib/report.mjs';

process.removeAllListeners('warning'); // the AWS SDK warns about Node 20 on import; the figures are unaffected
const quick = process.argv.includes('--quick');
prepare();

const { runSize } = await import('./sections/size.mjs');
const { runSigning } = await import('./sections/signing.mjs');
const { runPerCall } = await import('./sections/per-call.mjs');
const { runColdStart } = await import('./sections/cold-start.mjs');
const { runScale } = await import('./sections/scale.mjs');
const { runFirstRequest } = await import('./sections/first-request.mjs');

const started = performance.now();
const sections = [];
for (const run of [
  () => runSize(),
  () => runSigning({ time: quick ? 300 : 2000 }),
  () => runPerCall({ time: quick ? 300 : 2000 }),
  () => runColdStart({ runs: quick ? 3 : 15 }),
  () => runFirstRequest({ runs: quick ? 3 : 11 }),
  () => runScale({ count: quick ? 10_000 : 100_000 }),
]) {
  const section = await run();
  sections.push(section);
  console.log(renderText(section));
}

const machine = `${cpus()[0]?.model.trim()} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, ${process.platform}/${process.arch}`;
const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
const targets = sections.flatMap((s) => s.targets);
const met = targets.filter((t) => t.met).length;
const summary = `${met} of ${targets.length} targets met`;
console.log(`\n${summary} (${machine}; ${Math.round((performance.now() - started) / 1000)} s)`);

const markdown = [
  `Machine: ${machine}. Date: ${date} UTC. Command: \`pnpm bench${quick ? ' --quick' : ''}\`. ${summary}.`,
  '',
  ...sections.map(renderMarkdown),
].join('\n');
writeFileSync(join(OUT, 'results.md'), markdown);
writeFileSync(join(OUT, 'results.json'), JSON.stringify({ machine, date, sections }, null, 2));
if (process.argv.includes('--write')) {
  const file = join(ROOT, 'BENCHMARKS.md');
  const text = readFileSync(file, 'utf8');
  const begin = '<!-- results:begin -->';
  const end = '<!-- results:end -->';
  const at = text.indexOf(begin);
  const to = text.indexOf(end);
  if (at < 0 || to < 0) throw new Error('BENCHMARKS.md: results markers not found');
  writeFileSync(file, `${text.slice(0, at + begin.length)}\n${markdown}\n${text.slice(to)}`);
  console.log('bench: results written to BENCHMARKS.md');
}
