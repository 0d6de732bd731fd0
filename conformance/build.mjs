// Builds what the non-node runners load, from the packages' shipped ESM (dist/esm, rebuilt when stale:
// scripts/lib/ensure-built.mjs):
//   .build/suite.browser.bundle.js  the suite for browsers      (platform browser)
//   .build/suite.worker.bundle.js   the suite for workerd, Deno and Bun (platform neutral, worker conditions)
//   .build/server.bundle.js        the emulator + control route for node (test-all.mjs starts it for deno and bun)
// The browser and worker builds must not touch `process`, `Buffer` or any `node:` module: the build fails if they do.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { ensureBuilt } from '../scripts/lib/ensure-built.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const here = fileURLToPath(new URL('.', import.meta.url));
export const OUT_DIR = join(here, '.build');

const alias = {
  '@bcekit/signer': join(root, 'packages/signer/dist/esm/index.js'),
  '@bcekit/core': join(root, 'packages/core/dist/esm/index.js'),
  '@bcekit/core/operation': join(root, 'packages/core/dist/esm/operation/index.js'),
  '@bcekit/vpc': join(root, 'packages/vpc/dist/esm/index.js'),
  '@bcekit/emulator': join(root, 'packages/emulator/dist/esm/index.js'),
  '@bcekit/peerconn': join(root, 'packages/peerconn/dist/esm/index.js'),
};

// Free (global) references to these are replaced by a marker that cannot occur otherwise, so that property
// names (`globalThis.process`, a method called `process`) and strings do not count, only real uses.
const FORBIDDEN_GLOBALS = ['process', 'Buffer', 'require', '__dirname', '__filename'];
const MARKER = '__bcekit_forbidden_global__';

/** What a browser/worker build does that it must not: import a `node:` module or use a Node global. */
export function forbiddenUses(code, metafile) {
  const found = [];
  for (const output of Object.values(metafile.outputs)) {
    for (const imported of output.imports) {
      if (imported.path.startsWith('node:') || imported.external) found.push(`imports ${imported.path}`);
    }
  }
  for (const input of Object.keys(metafile.inputs)) if (input.startsWith('node:')) found.push(`imports ${input}`);
  const lines = code.split('\n');
  lines.forEach((line, index) => {
    for (const match of line.matchAll(new RegExp(`${MARKER}(\\w+)`, 'g'))) {
      found.push(`uses the global ${match[1]} at line ${index + 1}: ${line.trim().slice(0, 160)}`);
    }
  });
  return found;
}

async function bundle(name, options) {
  const result = await build({
    entryPoints: [join(here, 'suite', 'index.ts')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
    alias,
    define: Object.fromEntries(FORBIDDEN_GLOBALS.map((name) => [name, `${MARKER}${name}`])),
    ...options,
  }).catch((error) => {
    // esbuild cannot resolve `node:` modules for the browser or neutral platform: that is a Node API too.
    throw new Error(`conformance: the ${name} build failed (Node APIs are not allowed there):\n${error.message}`);
  });
  const { text, path } = result.outputFiles[0];
  const problems = forbiddenUses(text, result.metafile);
  if (problems.length > 0) {
    throw new Error(`conformance: the ${name} build must not use Node APIs:\n  ${problems.join('\n  ')}`);
  }
  return { text, path };
}

/**
 * Builds the three outputs; rejects (and writes nothing) if a browser/worker build uses Node APIs.
 */
export async function buildConformance() {
  ensureBuilt({ log: (line) => console.log(`conformance: ${line}`) });
  mkdirSync(OUT_DIR, { recursive: true });
  const started = performance.now();
  const outputs = [
    await bundle('browser', { platform: 'browser', outfile: join(OUT_DIR, 'suite.browser.bundle.js') }),
    await bundle('worker', {
      platform: 'neutral',
      conditions: ['workerd', 'worker', 'browser', 'import', 'default'],
      mainFields: ['module', 'main'],
      outfile: join(OUT_DIR, 'suite.worker.bundle.js'),
    }),
  ];
  const server = await build({
    entryPoints: [join(here, 'server', 'control-server.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    outfile: join(OUT_DIR, 'server.bundle.js'),
    alias,
    logLevel: 'silent',
  });
  outputs.push(server.outputFiles[0]);
  // Write then rename, so a runner reading a file while another project rebuilds it never sees half of it.
  for (const { path, text } of outputs) {
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  }
  console.log(
    `conformance: built .build/suite.browser.bundle.js, suite.worker.bundle.js, server.bundle.js in ${Math.round(performance.now() - started)} ms`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  buildConformance().catch((error) => {
    console.error(error.message);
    process.exitCode = 1;
  });
}
