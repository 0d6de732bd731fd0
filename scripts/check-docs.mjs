// The guides' code samples are type-checked: every ```ts / ```typescript block in docs/*.md must appear verbatim
// (after trimming each line's trailing spaces) in a file under docs/examples/, and `tsc -p docs/tsconfig.json`
// (which compiles docs/examples and docs/api-entries) must pass. A guide shows a file whole or an excerpt of it;
// the file is what compiles. The test samples also run under vitest (docs/vitest.config.ts). Exits non-zero and
// names the block when one is not found.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const docs = join(root, 'docs');
const normalize = (text) =>
  text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();

const examples = readdirSync(join(docs, 'examples'), { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && /\.(ts|tsx|mts)$/.test(e.name))
  .map((e) => {
    const path = join(e.parentPath, e.name);
    return { path: relative(root, path), text: normalize(readFileSync(path, 'utf8')) };
  });

let problems = 0;
let blocks = 0;
const guides = readdirSync(docs).filter((f) => f.endsWith('.md'));
for (const guide of guides) {
  const text = readFileSync(join(docs, guide), 'utf8');
  for (const match of text.matchAll(/^```(ts|typescript)\s*\n([\s\S]*?)^```\s*$/gm)) {
    blocks += 1;
    const block = normalize(match[2]);
    const line = text.slice(0, match.index).split('\n').length;
    if (!examples.some((e) => e.text.includes(block))) {
      problems += 1;
      console.error(`docs/${guide}:${line}: this ts block is not in any docs/examples file:\n${block.slice(0, 300)}\n`);
    }
  }
}

const tsc = spawnSync(join(root, 'node_modules/.bin/tsc'), ['-p', 'docs/tsconfig.json', '--noEmit'], {
  cwd: root,
  encoding: 'utf8',
});
if (tsc.status !== 0) {
  problems += 1;
  console.error(`tsc -p docs/tsconfig.json failed:\n${tsc.stdout}${tsc.stderr}`);
}
// The test samples (testing-*.test.ts) run too, against the packages' sources.
const vitest = spawnSync(join(root, 'node_modules/.bin/vitest'), ['run', '--config', 'docs/vitest.config.ts'], {
  cwd: root,
  encoding: 'utf8',
  env: { ...process.env, NO_COLOR: '1' },
});
const counts = /Tests\s+(.+)/.exec(vitest.stdout)?.[1]?.trim() ?? 'no report';
if (vitest.status !== 0) {
  problems += 1;
  console.error(`vitest run --config docs/vitest.config.ts failed:\n${vitest.stdout}${vitest.stderr}`);
}
console.log(
  `check-docs: ${guides.length} guides, ${blocks} ts blocks, ${examples.length} example files, tsc ${tsc.status === 0 ? 'clean' : 'FAILED'}, samples run: ${counts}`,
);
process.exitCode = problems === 0 ? 0 : 1;
