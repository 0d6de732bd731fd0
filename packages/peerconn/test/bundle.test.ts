// Importing one operation must not pull in the others' code (design §3, "Size"). esbuild bundles an entry
// that imports only createPeerconn, for the browser, minified; no string that only another operation holds
// may survive tree-shaking. A second bundle of everything proves the markers are real.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bundle, PACKAGES_DIR } from '../../../scripts/test-helpers/bundle.ts';

const peerconnIndex = `${PACKAGES_DIR}peerconn/src/index.ts`;

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
