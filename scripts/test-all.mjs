// The README's test command: build, lint, typecheck, then every test suite in every runtime present.
// Prints each suite's counts and ends with the plain `N passed, N failed` line CI reads.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const results = [];
let failedSteps = 0;

function run(label, command, args, options = {}) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`=== ${label} FAILED (exit ${result.status ?? result.signal})`);
    failedSteps += 1;
  }
  return result.status === 0;
}

function readVitestReport(label, file) {
  if (!existsSync(file)) {
    results.push({ label, passed: 0, failed: 1, skipped: 0, note: 'no report (the run crashed)' });
    return;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const failed = (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0);
  results.push({ label, passed: report.numPassedTests ?? 0, failed, skipped: report.numPendingTests ?? 0 });
}

const bin = (name) => `node_modules/.bin/${name}`;

run('build', process.execPath, ['scripts/build.mjs']);
run('lint', bin('biome'), ['check', '.']);
run('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);

rmSync('.vitest-report.json', { force: true });
run('node (vitest)', bin('vitest'), ['run']);
readVitestReport('node', '.vitest-report.json');

console.log('\n=== results per runtime');
let passed = 0;
let failed = 0;
for (const r of results) {
  passed += r.passed;
  failed += r.failed;
  console.log(`${r.label}: ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}${r.note ? ` (${r.note})` : ''}`);
}
if (failedSteps > 0) console.log(`${failedSteps} step(s) failed (see above)`);
console.log(`${passed} passed, ${failed + failedSteps} failed`);
process.exitCode = failed + failedSteps > 0 ? 1 : 0;
