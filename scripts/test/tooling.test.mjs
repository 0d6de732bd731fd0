// The repository's own tooling: the verdicts of check-publish, the tarball reader, the build-if-stale policy, how
// scripts find pnpm and the packages. These decide whether `npm test` says "passed", so they are tested like code.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { staleReason, writeStamp } from '../lib/ensure-built.mjs';
import { listPackages, ROOT } from '../lib/packages.mjs';
import { jsrDryRunOutcome, shippedDocProblems } from '../lib/publish-checks.mjs';
import { readTarball } from '../lib/tarball.mjs';

const temp = mkdtempSync(join(tmpdir(), 'bcekit-tooling-test-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('jsrDryRunOutcome', () => {
  it('is "not run", never passed, when Deno cannot reach the registry', () => {
    const output = 'error: error sending request for url (https://registry.npmjs.org/valibot): dns error';
    expect(jsrDryRunOutcome(1, output)).toEqual({
      result: 'not run',
      reason: "npm registry unreachable and not in Deno's cache",
    });
  });
  it('passes only on a clean exit that says the dry run completed, and lists each warning code once', () => {
    const output =
      'warning[unanalyzable-dynamic-import]: x\nwarning[unanalyzable-dynamic-import]: y\nSuccess Dry run complete';
    expect(jsrDryRunOutcome(0, output)).toEqual({ result: 'passed', warnings: ['unanalyzable-dynamic-import'] });
    expect(jsrDryRunOutcome(0, 'Checking for slow types')).toEqual({ result: 'failed' });
    expect(jsrDryRunOutcome(1, 'error[missing-explicit-return-type]: Dry run complete')).toEqual({ result: 'failed' });
  });
});

describe('shippedDocProblems', () => {
  const file = (text) => Buffer.from(text);
  it('flags spec references and notes about how the code was written in .d.ts and .d.cts', () => {
    const problems = shippedDocProblems(
      new Map([
        [
          'package/dist/types/index.d.ts',
          file('/** Status of a peer connection (spec §4.1). */\nexport type S = string;'),
        ],
        [
          'package/dist/types/index.d.cts',
          file(' * (Written first so that core and peerconn can be built side by side.)'),
        ],
        ['package/dist/types/other.d.ts', file('/** See peerconn-api.md for the rules. */')],
      ]),
    );
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^dist\/types\/index\.d\.ts:1 has a section sign/);
    expect(problems[1]).toMatch(/^dist\/types\/index\.d\.cts:1 has a note about how the code was written/);
    expect(problems[2]).toMatch(/^dist\/types\/other\.d\.ts:1 has a spec reference/);
  });
  it('lets public standards and code files through', () => {
    const problems = shippedDocProblems(
      new Map([
        ['package/dist/types/index.d.ts', file('/** Methods that may be repeated (RFC 9110 §9.2.2). */')],
        ['package/dist/esm/index.js', file('// spec §4.1 in a comment of the code, not of the types')],
      ]),
    );
    expect(problems).toEqual([]);
  });
});

describe('readTarball', () => {
  it('reads every regular file of a .tgz, long names included, without a tar on the PATH', () => {
    const source = join(temp, 'tar-src');
    const longDir = `package/${'d'.repeat(60)}/${'e'.repeat(60)}`;
    mkdirSync(join(source, longDir), { recursive: true });
    writeFileSync(join(source, 'package/package.json'), '{"name":"x"}');
    writeFileSync(join(source, longDir, 'index.d.ts'), 'export {};\n'.repeat(100));
    const tarball = join(temp, 'x.tgz');
    execFileSync('tar', ['-czf', tarball, '-C', source, 'package']);
    const files = readTarball(tarball);
    expect([...files.keys()].sort()).toEqual([`${longDir}/index.d.ts`, 'package/package.json']);
    expect(files.get(`${longDir}/index.d.ts`)?.toString()).toBe('export {};\n'.repeat(100));
  });
});

describe('the build-if-stale policy (staleReason)', () => {
  const dir = join(temp, 'pkg');
  const p = {
    dir,
    folder: `zz-tooling-test-${process.pid}`,
    pkg: { exports: { '.': { import: './dist/esm/index.js', types: './dist/types/index.d.ts' } } },
  };
  const stamp = join(ROOT, 'node_modules/.cache/bcekit-build', `${p.folder}.json`);
  afterAll(() => rmSync(stamp, { force: true }));

  it('rebuilds when an export target is missing, when no build was stamped, and when a source changed after it', () => {
    mkdirSync(join(dir, 'src'), { recursive: true });
    writeFileSync(join(dir, 'src/index.ts'), 'export const a = 1;');
    expect(staleReason(p)).toBe('./dist/esm/index.js is missing');
    mkdirSync(join(dir, 'dist/esm'), { recursive: true });
    mkdirSync(join(dir, 'dist/types'), { recursive: true });
    writeFileSync(join(dir, 'dist/esm/index.js'), '');
    writeFileSync(join(dir, 'dist/types/index.d.ts'), '');
    expect(staleReason(p)).toBe('no build stamp');
    const started = Date.now() + 1000; // the build started after every source was written
    writeStamp(p.folder, started);
    expect(staleReason(p)).toBeNull();
    const later = new Date(started + 5000);
    utimesSync(join(dir, 'src/index.ts'), later, later);
    expect(staleReason(p)).toBe('sources changed since the last build');
  });
});

describe('listPackages', () => {
  it('finds every folder under packages/ and puts each package after the @bcekit packages it depends on', () => {
    const packages = listPackages();
    const folders = execFileSync('ls', [join(ROOT, 'packages')], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    expect(packages.map((p) => p.folder).sort()).toEqual(
      folders.filter((f) => spawnSync('test', ['-f', join(ROOT, 'packages', f, 'package.json')]).status === 0).sort(),
    );
    packages.forEach((p, index) => {
      for (const dep of Object.keys({ ...p.pkg.dependencies, ...p.pkg.peerDependencies })) {
        const at = packages.findIndex((other) => other.name === dep);
        if (at !== -1) expect(at, `${dep} before ${p.name}`).toBeLessThan(index);
      }
    });
  });
});

describe('pnpmCommand', () => {
  it('falls back to npx with the pinned version when pnpm is not on the PATH', () => {
    const pinned = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).packageManager.replace('pnpm@', '');
    const noPnpm = join(temp, 'no-pnpm');
    mkdirSync(noPnpm, { recursive: true });
    writeFileSync(join(noPnpm, 'pnpm'), '#!/bin/sh\nexit 127\n', { mode: 0o755 });
    const script = `import('${join(ROOT, 'scripts/lib/pnpm.mjs')}').then((m) => console.log(JSON.stringify(m.pnpmCommand())))`;
    const out = execFileSync(process.execPath, ['-e', script], {
      encoding: 'utf8',
      env: { ...process.env, PATH: `${noPnpm}:/usr/bin:/bin` },
    });
    expect(JSON.parse(out)).toEqual(['npx', '-y', `pnpm@${pinned}`]);
  });
});
