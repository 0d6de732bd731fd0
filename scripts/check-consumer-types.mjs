// The consumer-app type matrix: what a TypeScript user of each package compiles, from the packed tarballs.
// For every package under packages/ (found on disk, so new packages join by themselves):
//   1. `pnpm pack` it (workspace:* becomes real versions) and lay the tarballs out as npm installs them,
//      in a fresh folder outside the repo: node_modules/@bcekit/<name> from each tarball, and each third-party
//      dependency (valibot, @noble/hashes) linked from the workspace's locked copy (the same files npm would fetch);
//   2. write one tiny app per package and cell that imports every entry point of the package (`import * as` in ESM,
//      `import x = require()` where CommonJS is written that way) and names one export of each, with
//      `strict` and `skipLibCheck: false`, so every shipped .d.ts / .d.cts is type-checked;
//   3. compile each app with `tsc --noEmit --listFiles` and check both that it compiles and that the declaration
//      file each entry point resolved to is the one for that format (.d.cts for CommonJS under node16/nodenext).
// Cells: moduleResolution node10, node16, nodenext and bundler, each as an ESM app and a CommonJS app, on the oldest
// TypeScript the packages support (5.1: valibot's types need it) and on the newest (7). Two cells cannot exist on those
// compilers and run on the nearest one that has them: CommonJS under bundler is written with `module: preserve`, which
// arrived in 5.4; TypeScript 7 no longer has node10 (6.0 deprecated it), so node10 runs on 6 in the newest column.
// Also two cells without the DOM lib (nodenext, ESM and CJS, `types: ["node"]`): the types need `fetch`, `Request`,
// `Response`, `Headers` and `AbortSignal`, which @types/node declares as well as lib DOM.
// Prints one line per cell and `consumer types: N passed, N failed`; --report FILE writes { passed, failed };
// --only TEXT runs the cells whose label contains TEXT (e.g. `--only "peerconn node16 cjs"`); --keep keeps the apps.
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt } from './lib/ensure-built.mjs';
import { listPackages, ROOT } from './lib/packages.mjs';
import { runPnpm } from './lib/pnpm.mjs';
import { extractTarball } from './lib/tarball.mjs';

const argv = process.argv.slice(2);
const reportFile = argv.includes('--report') ? argv[argv.indexOf('--report') + 1] : undefined;
const keep = argv.includes('--keep');
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
const started = performance.now();

/** The compilers: devDependencies of tools/matrix, installed under these aliases. */
const COMPILERS = {
  oldest: 'typescript-5.1',
  oldestWithPreserve: 'typescript-5.4',
  newest: 'typescript-7',
  newestWithNode10: 'typescript-6',
};

function compiler(alias) {
  const dir = join(ROOT, 'tools/matrix/node_modules', alias);
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return { alias, version, tsc: join(dir, 'bin/tsc') };
}

/**
 * One cell's compiler options, entry file and app package type. `cjsRequire` writes `import x = require()`: how
 * CommonJS is written where `import` would not resolve through the `require` condition (bundler needs
 * `module: preserve` for that, TypeScript 5.4 and later).
 */
const MODES = {
  node10: {
    esm: { options: { module: 'esnext', moduleResolution: 'node10' }, type: 'module', file: 'index.ts' },
    cjs: { options: { module: 'commonjs', moduleResolution: 'node10' }, type: 'commonjs', file: 'index.ts' },
  },
  node16: {
    esm: { options: { module: 'node16', moduleResolution: 'node16' }, type: 'module', file: 'index.ts' },
    cjs: { options: { module: 'node16', moduleResolution: 'node16' }, type: 'commonjs', file: 'index.ts' },
  },
  nodenext: {
    esm: { options: { module: 'nodenext', moduleResolution: 'nodenext' }, type: 'module', file: 'index.ts' },
    cjs: { options: { module: 'nodenext', moduleResolution: 'nodenext' }, type: 'commonjs', file: 'index.ts' },
  },
  bundler: {
    esm: { options: { module: 'esnext', moduleResolution: 'bundler' }, type: 'module', file: 'index.ts' },
    cjs: {
      options: { module: 'preserve', moduleResolution: 'bundler' },
      type: 'commonjs',
      file: 'index.cts',
      cjsRequire: true,
    },
  },
};

/** The declaration file an entry point must resolve to in a cell (node10 reads `types` / the subpath's folder). */
function expectedTypes(entry, mode, format) {
  if (mode === 'node10') return entry.node10Types;
  return format === 'cjs' ? entry.require : entry.import;
}

/** The package's entry points and their declaration files; `dir` is where the package is installed. */
function entryPoints(pkg, dir) {
  const entries = [];
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    if (subpath === './package.json' || typeof target !== 'object') continue;
    const specifier = subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`;
    // node10 ignores `exports`: the root reads `types`, a subpath the package.json in the folder of that name.
    const folder = join(dir, subpath);
    const node10Types =
      subpath === '.'
        ? pkg.types
        : existsSync(join(folder, 'package.json'))
          ? join(subpath, JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')).types ?? 'index.d.ts')
          : join(subpath, 'index.d.ts');
    entries.push({ specifier, import: target.import.types, require: target.require.types, node10Types });
  }
  return entries;
}

function source(entries, exportNames, cjsRequire) {
  const lines = ['// Every entry point, and one export of each, so a missing or untyped module fails to compile.'];
  entries.forEach((entry, i) => {
    lines.push(
      cjsRequire
        ? `import entry${i} = require('${entry.specifier}');`
        : `import * as entry${i} from '${entry.specifier}';`,
    );
  });
  exportNames.forEach((name, i) => {
    lines.push(`export const name${i}: keyof typeof entry${i} = '${name}';`);
    lines.push(`export const value${i} = entry${i}.${name};`);
  });
  return `${lines.join('\n')}\n`;
}

function runTsc(tsc, cwd) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '-p', 'tsconfig.json', '--listFiles'], { cwd });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      out += chunk;
    });
    child.on('error', (error) => resolve({ status: -1, out: error.message }));
    child.on('close', (status) => resolve({ status, out }));
  });
}

/** Runs the tasks, `size` at a time. */
async function pool(tasks, size) {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) await tasks[next++]();
  };
  await Promise.all(Array.from({ length: size }, worker));
}

ensureBuilt({ log: (line) => console.log(`consumer types: ${line}`) });
const packages = listPackages().filter((p) => !p.pkg.private);
const compilers = Object.fromEntries(Object.entries(COMPILERS).map(([key, alias]) => [key, compiler(alias)]));
const work = mkdtempSync(join(tmpdir(), 'bcekit-consumer-types-'));
const counts = { passed: 0, failed: 0 };
try {
  // 1. Pack and install.
  const modules = join(work, 'node_modules');
  const linked = new Set();
  for (const p of packages) {
    const dest = join(work, 'tarballs', p.folder);
    mkdirSync(dest, { recursive: true });
    const pack = runPnpm(['pack', '--pack-destination', dest], { cwd: p.dir, encoding: 'utf8' });
    const tarball = readdirSync(dest).find((f) => f.endsWith('.tgz'));
    if (pack.status !== 0 || !tarball) {
      throw new Error(`pnpm pack failed in ${p.dir}: ${pack.error?.message ?? ''}${pack.stderr ?? ''}`);
    }
    const installed = join(modules, p.name);
    extractTarball(join(dest, tarball), installed);
    const packed = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    for (const dep of Object.keys({ ...packed.dependencies, ...packed.peerDependencies })) {
      if (dep.startsWith('@bcekit/') || linked.has(dep)) continue;
      const from = join(p.dir, 'node_modules', dep);
      if (!existsSync(from)) throw new Error(`${p.name} depends on ${dep}, which is not installed in ${p.dir}`);
      mkdirSync(dirname(join(modules, dep)), { recursive: true });
      symlinkSync(realpathSync(from), join(modules, dep), 'dir');
      linked.add(dep);
    }
  }
  mkdirSync(join(modules, '@types'), { recursive: true });
  symlinkSync(realpathSync(join(ROOT, 'node_modules/@types/node')), join(modules, '@types/node'), 'dir');

  // 2. The apps.
  const cells = [];
  for (const p of packages) {
    const installed = JSON.parse(readFileSync(join(modules, p.name, 'package.json'), 'utf8'));
    const entries = entryPoints(installed, join(modules, p.name));
    const exportNames = [];
    for (const entry of entries) {
      const subpath = entry.specifier === p.name ? '.' : `./${entry.specifier.slice(p.name.length + 1)}`;
      const mod = await import(pathToFileURL(join(modules, p.name, installed.exports[subpath].import.default)).href);
      exportNames.push(Object.keys(mod).sort()[0]);
    }
    const plan = [];
    for (const [mode, formats] of Object.entries(MODES)) {
      for (const [format, cell] of Object.entries(formats)) {
        const preserve = cell.options.module === 'preserve';
        plan.push({ mode, format, cell, ts: preserve ? 'oldestWithPreserve' : 'oldest', lib: 'dom' });
        plan.push({ mode, format, cell, ts: mode === 'node10' ? 'newestWithNode10' : 'newest', lib: 'dom' });
      }
    }
    for (const format of ['esm', 'cjs']) {
      for (const ts of ['oldest', 'newest']) {
        plan.push({ mode: 'nodenext', format, cell: MODES.nodenext[format], ts, lib: 'node' });
      }
    }
    for (const { mode, format, cell, ts, lib } of plan) {
      const { version, tsc } = compilers[ts];
      const label = `${p.name} ${mode} ${format} TypeScript ${version}${lib === 'node' ? ' @types/node, no DOM' : ''}`;
      if (only && !label.includes(only)) continue;
      const name = `${p.folder}-${mode}-${format}-ts${version}-${lib}`;
      const dir = join(work, 'apps', name);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true, type: cell.type }));
      const compilerOptions = {
        ...cell.options,
        target: 'es2022',
        lib: lib === 'dom' ? ['es2022', 'dom'] : ['es2022'],
        types: lib === 'dom' ? [] : ['node'],
        strict: true,
        skipLibCheck: false,
        noEmit: true,
        // TypeScript 6 warns that node10 goes away in 7; that is what the node10 cell is about.
        ...(mode === 'node10' && Number(version.split('.')[0]) === 6 ? { ignoreDeprecations: '6.0' } : {}),
      };
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: [cell.file] }, null, 2));
      writeFileSync(join(dir, cell.file), source(entries, exportNames, cell.cjsRequire));
      const expected = entries.map((entry) => join(modules, p.name, expectedTypes(entry, mode, format)));
      cells.push({
        label: `${p.name} ${mode} ${format} TypeScript ${version}${lib === 'node' ? ' @types/node, no DOM' : ''}`,
        dir,
        tsc,
        expected,
      });
    }
  }

  // 3. Compile, two at a time (the machine has two cores); each cell is printed as it ends.
  await pool(
    cells.map((cell) => async () => {
      const { status, out } = await runTsc(cell.tsc, cell.dir);
      const listed = out.split('\n').map((line) => line.trim());
      const problems = [];
      if (status !== 0) {
        const errors = listed.filter((line) => /error TS\d+|error:/i.test(line));
        problems.push(...(errors.length ? errors : [`tsc exited ${status}: ${out.slice(0, 400)}`]).slice(0, 6));
      }
      for (const file of cell.expected) {
        const real = existsSync(file) ? realpathSync(file) : file;
        if (!listed.includes(file) && !listed.includes(real)) {
          problems.push(`did not load ${file.slice(work.length + 1)}`);
        }
      }
      counts[problems.length === 0 ? 'passed' : 'failed'] += 1;
      console.log(`${problems.length === 0 ? 'ok  ' : 'FAIL'} ${cell.label}`);
      for (const problem of problems) console.log(`       ${problem.replaceAll(work, '<app>')}`);
    }),
    2,
  );
} finally {
  if (keep) console.log(`consumer types: apps kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

console.log(
  `consumer types: TypeScript ${compilers.oldest.version} (oldest supported; bundler cjs on ${compilers.oldestWithPreserve.version}) and ${compilers.newest.version} (newest; node10 on ${compilers.newestWithNode10.version}), ${packages.length} package(s), in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
console.log(`consumer types: ${counts.passed} passed, ${counts.failed} failed`);
if (reportFile) writeFileSync(reportFile, JSON.stringify(counts));
process.exitCode = counts.failed === 0 ? 0 : 1;
