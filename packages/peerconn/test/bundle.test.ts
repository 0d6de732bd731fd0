// Importing one operation must not pull in the others' code (design §3, "Size"). esbuild bundles an entry
// that imports only createPeerconn, for the browser, minified; no string that only another operation holds
// may survive tree-shaking. A second bundle of everything proves the markers are real.
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';

const packages = fileURLToPath(new URL('../../', import.meta.url));
const peerconnIndex = `${packages}peerconn/src/index.ts`;

// Resolve the workspace packages to their sources, as the vitest config does.
const workspaceSources: Plugin = {
  name: 'bcekit-workspace-sources',
  setup(b) {
    b.onResolve({ filter: /^@bcekit\/(core|signer|vpc)(\/operation)?$/ }, (args) => {
      const [name, entry = 'index'] = args.path.slice('@bcekit/'.length).split('/');
      return { path: `${packages}${name}/src/${entry === 'index' ? '' : `${entry}/`}index.ts` };
    });
  },
};

async function bundle(entry: string): Promise<string> {
  const result = await build({
    stdin: { contents: entry, resolveDir: packages, sourcefile: 'entry.ts', loader: 'ts' },
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    plugins: [workspaceSources],
  });
  return result.outputFiles[0]!.text;
}

// Strings that only one operation's module holds (its name, its flag or its body field).
const markersOfOtherOperations = [
  'listPeerconns',
  'getPeerconn',
  'updatePeerconn',
  'acceptPeerconn',
  'rejectPeerconn',
  'handlePeerconn',
  'deletePeerconn',
  'resizePeerconn',
  'newBandwidthInMbps',
  'renewPeerconn',
  'purchaseReserved',
  'openPeerconnDnsSync',
  'closePeerconnDnsSync',
  'updatePeerconnDeleteProtect',
  'refundPeerconn',
  'paginatePeerconns',
  'waitForPeerconn',
  'localIfId',
  'Du Xiaoman', // the region list
];

describe('bundle of createPeerconn alone (esbuild, browser, minified)', () => {
  it('holds no other operation’s code', async () => {
    const code = await bundle(`import { createPeerconn } from '${peerconnIndex}'; console.log(createPeerconn);`);
    const gzip = gzipSync(code, { level: 9 }).length;
    console.log(`createPeerconn alone: ${code.length} B minified, ${gzip} B gzip (level 9)`);

    expect(code).toContain('createPeerconn');
    expect(markersOfOtherOperations.filter((marker) => code.includes(marker))).toEqual([]);
  });

  it('is smaller than the whole package, which does hold every marker', async () => {
    const alone = await bundle(`import { createPeerconn } from '${peerconnIndex}'; console.log(createPeerconn);`);
    const all = await bundle(`import * as peerconn from '${peerconnIndex}'; console.log(peerconn);`);
    console.log(`whole package: ${all.length} B minified, ${gzipSync(all, { level: 9 }).length} B gzip (level 9)`);

    expect(markersOfOtherOperations.filter((marker) => !all.includes(marker))).toEqual([]);
    expect(alone.length).toBeLessThan(all.length);
  });
});
