// Publish checks for every package under packages/, run by `npm test` and `pnpm check:publish`:
//   1. build the stale packages (scripts/lib/ensure-built.mjs),
//   2. `pnpm pack` each package into a temp dir (workspace:* becomes real versions), then on the tarball:
//      publint (strict: any message, suggestions included, fails) and attw (every resolution mode, node10 too),
//   3. the metadata every package must carry (license, repository, engines, files, LICENSE, CHANGELOG.md, jsr.json
//      in step with package.json, a README naming every runtime export),
//   4. JSR: `deno publish --dry-run` in a throwaway Deno workspace made of the packages' jsr.json + src
//      (type-checks against npm: deps; needs the npm registry or Deno's cache, never jsr.io),
//   5. the guides: scripts/check-docs.mjs (every ```ts block is a docs/examples file, and those compile),
//   6. the API reference: typedoc into docs/api with warnings as errors.
// Exits non-zero on any problem and ends with one summary line per check: `ok`, `FAIL`, or `not run` (a check that
// could not run, such as the JSR dry run without a network: never counted as passed; a failure when CI is set).
// Flags: --skip-jsr, --skip-docs (for quick local runs; the pipeline runs everything); --report FILE writes the
// counts as JSON ({ passed, failed, notRun }) for scripts/test-all.mjs.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { ensureBuilt } from './lib/ensure-built.mjs';
import { listPackages } from './lib/packages.mjs';
import { runPnpm } from './lib/pnpm.mjs';
import { jsrDryRunOutcome, shippedDocProblems } from './lib/publish-checks.mjs';
import { readTarball } from './lib/tarball.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules/.bin', name);
/** The oldest TypeScript the packages support: the oldest compiler of the consumer-type matrix (tools/matrix). */
const TYPESCRIPT_FLOOR = JSON.parse(readFileSync(join(root, 'tools/matrix/package.json'), 'utf8')).devDependencies[
  'typescript-5.1'
].replace(/^npm:typescript@(\d+\.\d+).*$/, '$1');
const PACKAGES = listPackages().map((p) => p.folder);
const argv = process.argv.slice(2);
const args = new Set(argv);
const reportFile = argv.includes('--report') ? argv[argv.indexOf('--report') + 1] : undefined;
const inCI = Boolean(process.env.CI) && !['false', '0'].includes(process.env.CI.toLowerCase());
const started = performance.now();
const summary = [];
let failures = 0;
const counts = { passed: 0, failed: 0, notRun: 0 };

function record(name, problems, detail = '') {
  failures += problems.length;
  counts[problems.length === 0 ? 'passed' : 'failed'] += 1;
  summary.push(`${problems.length === 0 ? 'ok  ' : 'FAIL'} ${name}${detail ? ` (${detail})` : ''}`);
  for (const p of problems) console.error(`  ✗ ${name}: ${p}`);
}

/** A check that could not run: said as `not run`, never counted as passed; a failure in CI, where all must run. */
function notRun(name, reason) {
  counts.notRun += 1;
  if (inCI) failures += 1;
  summary.push(`${inCI ? 'FAIL' : 'not run'} ${name} (${reason}${inCI ? '; every check must run in CI' : ''})`);
}

function run(command, commandArgs, options = {}) {
  const result = spawnSync(command, commandArgs, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...options,
  });
  return { status: result.status ?? 1, stdout: result.stdout ?? '', stderr: result.stderr ?? '', error: result.error };
}

// 1. Build what is stale.
ensureBuilt({ log: (line) => console.log(`check-publish: ${line}`) });

const work = mkdtempSync(join(tmpdir(), 'bcekit-publish-'));
try {
  // 2 + 3. Pack, publint, attw, metadata.
  for (const name of PACKAGES) {
    const dir = join(root, 'packages', name);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const dest = join(work, name);
    mkdirSync(dest);
    const pack = runPnpm(['pack', '--pack-destination', dest], { cwd: dir, encoding: 'utf8' });
    const tarballName = readdirSync(dest).find((f) => f.endsWith('.tgz'));
    if (pack.status !== 0 || !tarballName) {
      record(`${pkg.name} pack`, [
        `pnpm pack failed: ${pack.error?.message ?? ''}${(pack.stderr ?? '').trim() || (pack.stdout ?? '').trim()}`,
      ]);
      continue;
    }
    const tarball = join(dest, tarballName);

    const buffer = readFileSync(tarball);
    const lint = await publint({
      pack: { tarball: buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) },
      level: 'suggestion',
      strict: true,
    });
    record(
      `${pkg.name} publint`,
      lint.messages.map((m) => `${m.type}: ${formatMessage(m, lint.pkg, { color: false }) ?? m.code}`),
    );

    const attw = run(bin('attw'), [tarball, '--format', 'json', '--profile', 'strict']);
    const attwProblems = [];
    try {
      const report = JSON.parse(attw.stdout);
      const problems = report.analysis?.problems ?? report.problems ?? [];
      for (const p of Array.isArray(problems) ? problems : Object.values(problems).flat()) {
        attwProblems.push(
          `${p.kind}${p.entrypoint ? ` at ${p.entrypoint}` : ''}${p.resolutionKind ? ` (${p.resolutionKind})` : ''}`,
        );
      }
      const modes = new Set();
      for (const entry of Object.values(report.analysis?.entrypoints ?? {})) {
        for (const mode of Object.keys(entry.resolutions ?? {})) modes.add(mode);
      }
      for (const mode of ['node10', 'node16-cjs', 'node16-esm', 'bundler']) {
        if (!modes.has(mode)) attwProblems.push(`resolution mode ${mode} was not checked`);
      }
    } catch {
      attwProblems.push(
        `attw did not answer JSON (exit ${attw.status}): ${(attw.stderr || attw.stdout).slice(0, 400)}`,
      );
    }
    if (attw.status !== 0 && attwProblems.length === 0) attwProblems.push(`attw exited ${attw.status}`);
    record(`${pkg.name} attw`, attwProblems, 'node10, node16 cjs/esm, bundler');

    const meta = [];
    if (pkg.license !== 'Apache-2.0') meta.push('license must be Apache-2.0');
    if (!pkg.repository?.url || pkg.repository.directory !== `packages/${name}`) meta.push('repository.url/directory');
    if (!pkg.engines?.node) meta.push('engines.node');
    if (!Array.isArray(pkg.files) || !pkg.files.includes('dist')) meta.push('files must list dist');
    if (pkg.publishConfig?.access !== 'public') meta.push('publishConfig.access must be public');
    for (const file of ['README.md', 'CHANGELOG.md', 'LICENSE', 'jsr.json']) {
      if (!existsSync(join(dir, file))) meta.push(`missing ${file}`);
    }
    const files = readTarball(tarball);
    const packed = [...files.keys()];
    for (const file of ['README.md', 'CHANGELOG.md', 'LICENSE']) {
      if (!packed.includes(`package/${file}`)) meta.push(`${file} is not in the tarball`);
    }
    if (packed.some((f) => f.startsWith('package/src/') || f.startsWith('package/test/'))) {
      meta.push('the tarball holds src/ or test/');
    }
    if (
      existsSync(join(dir, 'CHANGELOG.md')) &&
      !readFileSync(join(dir, 'CHANGELOG.md'), 'utf8').includes(`## ${pkg.version}`)
    ) {
      meta.push(`CHANGELOG.md has no "## ${pkg.version}" entry`);
    }
    if (existsSync(join(dir, 'jsr.json'))) {
      const jsr = JSON.parse(readFileSync(join(dir, 'jsr.json'), 'utf8'));
      if (jsr.name !== pkg.name) meta.push(`jsr.json name ${jsr.name} != ${pkg.name}`);
      if (jsr.version !== pkg.version) meta.push(`jsr.json version ${jsr.version} != ${pkg.version}`);
      if (jsr.license !== pkg.license) meta.push('jsr.json license differs from package.json');
      for (const [dep, version] of Object.entries(pkg.dependencies ?? {})) {
        const mapped = jsr.imports?.[dep] ?? jsr.imports?.[`${dep}/`];
        const want = dep.startsWith('@bcekit/')
          ? `jsr:${dep}@^${pkg.version}`
          : jsr.imports?.[dep]
            ? `npm:${dep}@${version}`
            : `npm:/${dep}@${version}/`;
        if (mapped !== want) meta.push(`jsr.json imports["${dep}"] should be "${want}" (got ${mapped})`);
      }
      for (const key of Object.keys(jsr.imports ?? {})) {
        if (!(key.replace(/\/$/, '') in (pkg.dependencies ?? {})))
          meta.push(`jsr.json imports "${key}", not a dependency`);
      }
      const exported = typeof jsr.exports === 'string' ? { '.': jsr.exports } : jsr.exports;
      const npmSubpaths = Object.keys(pkg.exports).filter((k) => k !== './package.json');
      if (JSON.stringify(Object.keys(exported).sort()) !== JSON.stringify(npmSubpaths.sort())) {
        meta.push(`jsr.json exports ${Object.keys(exported)} != package.json exports ${npmSubpaths}`);
      }
      for (const target of Object.values(exported)) {
        if (!existsSync(join(dir, target))) meta.push(`jsr.json export ${target} does not exist`);
      }
    }
    // The README's API tables must name every runtime export of every entry point (built ESM).
    const readme = existsSync(join(dir, 'README.md')) ? readFileSync(join(dir, 'README.md'), 'utf8') : '';
    for (const [subpath, target] of Object.entries(pkg.exports)) {
      if (subpath === './package.json') continue;
      const entry = await import(pathToFileURL(join(dir, target.import.default)).href);
      const missing = Object.keys(entry).filter((name) => !readme.includes(`\`${name}`));
      if (missing.length) meta.push(`README.md does not mention ${subpath} exports: ${missing.join(', ')}`);
    }
    // The README states the supported ranges: Node as `engines` says, and the TypeScript floor the consumer-type
    // matrix (scripts/check-consumer-types.mjs) compiles against.
    const nodeFloor = /^>=\s*(\d+(?:\.\d+)*)$/.exec(pkg.engines?.node ?? '')?.[1];
    if (!nodeFloor) meta.push(`engines.node should read ">=X.Y" (got ${pkg.engines?.node})`);
    else if (!readme.includes(`Node ≥ ${nodeFloor}`)) meta.push(`README.md does not state "Node ≥ ${nodeFloor}"`);
    if (!readme.includes(`TypeScript ≥ ${TYPESCRIPT_FLOOR}`)) {
      meta.push(`README.md does not state "TypeScript ≥ ${TYPESCRIPT_FLOOR}"`);
    }
    record(`${pkg.name} metadata`, meta);
    record(`${pkg.name} shipped docs`, shippedDocProblems(files), 'no spec references or internal notes in .d.ts');
  }

  // 4. JSR dry run in a throwaway Deno workspace.
  if (args.has('--skip-jsr')) {
    notRun('jsr dry run', '--skip-jsr');
  } else {
    const jsrRoot = join(work, 'jsr');
    mkdirSync(jsrRoot);
    writeFileSync(join(jsrRoot, 'deno.json'), JSON.stringify({ workspace: PACKAGES.map((n) => `./${n}`) }));
    for (const name of PACKAGES) {
      const from = join(root, 'packages', name);
      const to = join(jsrRoot, name);
      cpSync(join(from, 'src'), join(to, 'src'), { recursive: true });
      for (const file of ['jsr.json', 'README.md', 'CHANGELOG.md', 'LICENSE']) {
        if (existsSync(join(from, file))) cpSync(join(from, file), join(to, file));
      }
    }
    const deno = bin('deno');
    const env = { ...process.env, DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' };
    for (const name of PACKAGES) {
      // @bcekit/peerconn and @bcekit/vpc export valibot schemas whose types are inferred ("slow types" to JSR):
      // allowed there only.
      const extra = name === 'peerconn' || name === 'vpc' ? ['--allow-slow-types'] : [];
      const result = run(deno, ['publish', '--dry-run', '--allow-dirty', ...extra], { cwd: join(jsrRoot, name), env });
      const output = `${result.stdout}\n${result.stderr}`;
      const outcome = jsrDryRunOutcome(result.status, output);
      if (outcome.result === 'passed') {
        const detail = outcome.warnings.length ? `warnings: ${outcome.warnings.join(', ')}` : '';
        record(`@bcekit/${name} jsr dry run`, [], detail);
      } else if (outcome.result === 'not run') {
        notRun(`@bcekit/${name} jsr dry run`, outcome.reason);
      } else {
        record(`@bcekit/${name} jsr dry run`, [output.trim().split('\n').slice(-25).join('\n')]);
      }
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

// 5. Guides.
if (args.has('--skip-docs')) {
  notRun('guides and typedoc', '--skip-docs');
} else {
  const guides = run(process.execPath, ['scripts/check-docs.mjs']);
  process.stdout.write(guides.stdout);
  record(
    'guides (docs/*.md samples = docs/examples, tsc)',
    guides.status === 0 ? [] : [guides.stderr.trim() || 'failed'],
  );

  // 6. API reference.
  rmSync(join(root, 'docs/api'), { recursive: true, force: true });
  const typedoc = run(bin('typedoc'), ['--treatWarningsAsErrors', '--logLevel', 'Warn']);
  const said = `${typedoc.stdout}${typedoc.stderr}`.trim();
  record('typedoc → docs/api', typedoc.status === 0 && said === '' ? [] : [said || `exit ${typedoc.status}`]);
}

console.log('\ncheck-publish summary');
for (const line of summary) console.log(`  ${line}`);
if (reportFile) writeFileSync(reportFile, JSON.stringify(counts));
console.log(
  `check-publish: ${counts.passed} passed, ${counts.failed} failed, ${counts.notRun} not run; ${failures === 0 ? 'no problem' : `${failures} problem(s)`} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
process.exitCode = failures === 0 ? 0 : 1;
