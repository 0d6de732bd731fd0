// Importing one operation must not pull in the others' code, and @bcekit/peerconn must not pull in @bcekit/vpc.
// esbuild bundles small apps for the browser, minified; no string that only another module holds may survive
// tree-shaking. A bundle of the whole package proves the markers are real.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bundle } from '../../../scripts/test-helpers/bundle.ts';

// Strings that only one module of @bcekit/vpc holds (its operation name, a path segment or a message).
const markersOf = {
  listVpcs: 'listVpcs',
  getVpc: 'getVpc',
  listSubnets: 'listSubnets',
  getSubnet: 'getSubnet',
  getRouteTable: 'getRouteTable',
  listRouteRules: 'listRouteRules',
  createRouteRule: 'createRouteRule',
  updateRouteRule: 'updateRouteRule',
  deleteRouteRule: 'deleteRouteRule',
  switchRouteRuleHa: 'switchRouteHA',
  paginateVpcs: 'paginateVpcs',
  paginateSubnets: 'paginateSubnets',
  paginateRouteRules: 'paginateRouteRules',
  cidr: '2400:da00::/32',
  idList: 'ids are sent comma-joined',
  tableIds: 'give vpcId or routeTableId',
};
const all = Object.values(markersOf);
// Everything @bcekit/peerconn exports that works on peer connections alone (connectVpcs/disconnectVpcs route VPCs).
const PEERCONN_OPERATIONS = [
  'createPeerconn',
  'listPeerconns',
  'getPeerconn',
  'updatePeerconn',
  'acceptPeerconn',
  'rejectPeerconn',
  'handlePeerconn',
  'deletePeerconn',
  'resizePeerconn',
  'renewPeerconn',
  'openPeerconnDnsSync',
  'closePeerconnDnsSync',
  'updatePeerconnDeleteProtect',
  'refundPeerconn',
  'paginatePeerconns',
  'waitForPeerconn',
];

describe('bundles of @bcekit/vpc (esbuild, browser, minified)', () => {
  it('the whole package holds every marker', async () => {
    const code = await bundle(`import * as vpc from '@bcekit/vpc'; console.log(vpc);`);

    expect(all.filter((marker) => !code.includes(marker))).toEqual([]);
  });

  it('createClient + createRouteRule holds no other operation’s code', async () => {
    const code = await bundle(
      `import { createClient } from '@bcekit/core'; import { createRouteRule } from '@bcekit/vpc'; console.log(createClient, createRouteRule);`,
    );
    console.log(
      `createClient + createRouteRule: ${code.length} B minified, ${gzipSync(code, { level: 9 }).length} B gzip`,
    );

    const own = [markersOf.createRouteRule, markersOf.cidr];
    expect(own.filter((marker) => !code.includes(marker))).toEqual([]);
    expect(all.filter((marker) => !own.includes(marker) && code.includes(marker))).toEqual([]);
  });

  it('getVpc alone holds no route-rule, subnet or paginator code', async () => {
    const code = await bundle(`import { getVpc } from '@bcekit/vpc'; console.log(getVpc);`);

    expect(code).toContain(markersOf.getVpc);
    expect(all.filter((marker) => marker !== markersOf.getVpc && code.includes(marker))).toEqual([]);
  });

  it('importing every @bcekit/peerconn operation, the paginator and the waiter pulls in no @bcekit/vpc code', async () => {
    const code = await bundle(
      `import { ${PEERCONN_OPERATIONS.join(', ')} } from '@bcekit/peerconn'; console.log(${PEERCONN_OPERATIONS.join(', ')});`,
    );

    expect(code).toContain('createPeerconn');
    expect(code).toContain('waitForPeerconn');
    expect(all.filter((marker) => code.includes(marker))).toEqual([]);
  });

  it('connectVpcs brings the @bcekit/vpc operations it uses, and only those', async () => {
    const code = await bundle(`import { connectVpcs } from '@bcekit/peerconn'; console.log(connectVpcs);`);
    const used = [
      markersOf.getVpc,
      markersOf.getRouteTable,
      markersOf.createRouteRule,
      markersOf.cidr,
      markersOf.tableIds,
    ];

    expect(used.filter((marker) => !code.includes(marker))).toEqual([]);
    expect(all.filter((marker) => !used.includes(marker) && code.includes(marker))).toEqual([]);
  });
});
