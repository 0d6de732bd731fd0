// @bcekit/vpc against the emulator over real HTTP: the whole "route traffic through a peer connection" flow, and
// each refusal reaching the client as a BceServiceError with the emulator's code.
import { BceServiceError } from '@bcekit/core';
import { acceptPeerconn, createPeerconn, deletePeerconn, getPeerconn } from '@bcekit/peerconn';
import {
  createRouteRule,
  deleteRouteRule,
  getRouteTable,
  getVpc,
  listRouteRules,
  paginateRouteRules,
  paginateSubnets,
  paginateVpcs,
  switchRouteRuleHa,
  updateRouteRule,
} from '@bcekit/vpc';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codeOf, type Started, startEmulator } from './helpers.ts';
import { alice, bob } from './vpc-helpers.ts';

let env: Started;
beforeEach(async () => {
  env = await startEmulator();
});
afterEach(() => env.close());

describe('@bcekit/vpc against the emulator', () => {
  it('routes two accounts’ VPCs through a peer connection, one rule on each side, and cleans up', async () => {
    const asAlice = env.client(alice);
    const asBob = env.client(bob);
    const { peerConnId } = await createPeerconn(asAlice, {
      bandwidthInMbps: 10,
      localVpcId: 'vpc-alicegz00001',
      peerVpcId: 'vpc-bobgz000001',
      peerRegion: 'gz',
      peerAccountId: bob.accountId,
    });
    await acceptPeerconn(asBob, { peerConnId });
    const aliceEnd = await getPeerconn(asAlice, { peerConnId, role: 'initiator' });
    const bobEnd = await getPeerconn(asBob, { peerConnId, role: 'acceptor' });
    const [aliceVpc, bobVpc] = [
      await getVpc(asAlice, { vpcId: 'vpc-alicegz00001' }),
      await getVpc(asBob, { vpcId: 'vpc-bobgz000001' }),
    ];
    const aliceTable = await getRouteTable(asAlice, { vpcId: aliceVpc.vpcId });
    const bobTable = await getRouteTable(asBob, { vpcId: bobVpc.vpcId });

    const toBob = await createRouteRule(asAlice, {
      routeTableId: aliceTable.routeTableId,
      sourceAddress: '0.0.0.0/0',
      destinationAddress: bobVpc.cidr,
      nexthopType: 'peerConn',
      nexthopId: aliceEnd.localIfId!,
    });
    const toAlice = await createRouteRule(asBob, {
      routeTableId: bobTable.routeTableId,
      sourceAddress: bobVpc.subnets[0]!.cidr,
      destinationAddress: aliceVpc.cidr,
      nexthopType: 'peerConn',
      nexthopId: bobEnd.localIfId!,
    });

    const tables = env.emulator.state().routeTables;
    expect(tables.find((t) => t.vpcId === 'vpc-alicegz00001')?.routeRules.at(-1)).toMatchObject({
      routeRuleId: toBob.routeRuleId,
      destinationAddress: '172.21.0.0/16',
      nexthopType: 'peerConn',
      nexthopId: aliceEnd.localIfId,
    });
    expect(tables.find((t) => t.vpcId === 'vpc-bobgz000001')?.routeRules.at(-1)).toMatchObject({
      routeRuleId: toAlice.routeRuleId,
      sourceAddress: '172.21.1.0/24',
      destinationAddress: '172.17.0.0/16',
      nexthopId: bobEnd.localIfId,
    });
    const blocked = await codeOf(deletePeerconn(asAlice, { peerConnId }));
    expect(blocked).toBe('PeerConnInUse');

    await deleteRouteRule(asAlice, { routeRuleId: toBob.routeRuleId! });
    await deleteRouteRule(asBob, { routeRuleId: toAlice.routeRuleId! });
    await deletePeerconn(asAlice, { peerConnId });
    expect(env.emulator.state().counts.routeRules).toBe(0);
  });

  it('updates, switches and pages through the client; refusals arrive as BceServiceError', async () => {
    const asAlice = env.client(alice);
    for (let third = 1; third <= 3; third++) {
      await createRouteRule(asAlice, {
        routeTableId: 'rt-alicebj00001',
        sourceAddress: '192.168.1.0/24',
        destinationAddress: `10.${third}.0.0/16`,
        nexthopType: 'nat',
        nexthopId: 'nat-000000000001',
      });
    }
    const ha = await createRouteRule(asAlice, {
      routeTableId: 'rt-alicebj00001',
      sourceAddress: '0.0.0.0/0',
      destinationAddress: '10.99.0.0/16',
      nextHopList: [
        { nexthopId: 'dcgw-000000000001', nexthopType: 'dcGateway', pathType: 'ha:active' },
        { nexthopId: 'dcgw-000000000002', nexthopType: 'dcGateway', pathType: 'ha:standby' },
      ],
    });
    const seen: string[] = [];
    for await (const rule of paginateRouteRules(asAlice, { routeTableId: 'rt-alicebj00001', maxKeys: 2 }).items()) {
      seen.push(rule.destinationAddress);
    }
    const [first] = (await listRouteRules(asAlice, { vpcId: 'vpc-alicebj00001', maxKeys: 1 })).routeRules;
    await updateRouteRule(asAlice, { routeRuleId: first!.routeRuleId, description: 'first' });
    await switchRouteRuleHa(asAlice, { routeRuleId: ha.routeRuleIds![0]! });
    const vpcs: string[] = [];
    for await (const vpc of paginateVpcs(asAlice, { maxKeys: 1 }).items()) vpcs.push(vpc.vpcId);
    const subnets: string[] = [];
    for await (const subnet of paginateSubnets(asAlice, { vpcId: 'vpc-alicebj00001' }).items())
      subnets.push(subnet.subnetId);

    expect(seen).toEqual(['10.1.0.0/16', '10.2.0.0/16', '10.3.0.0/16', '10.99.0.0/16', '10.99.0.0/16']);
    expect(vpcs).toEqual(alice.vpcs.map((v) => v.vpcId));
    expect(subnets).toEqual(['sbn-alicebj1a01', 'sbn-alicebj1b01']);
    const rules = (await getRouteTable(asAlice, { routeTableId: 'rt-alicebj00001' })).routeRules;
    expect(rules.find((r) => r.routeRuleId === first!.routeRuleId)?.description).toBe('first');
    expect(rules.filter((r) => r.destinationAddress === '10.99.0.0/16').map((r) => r.pathType)).toEqual([
      'ha:standby',
      'ha:active',
    ]);
    const refused = await createRouteRule(asAlice, {
      routeTableId: 'rt-alicebj00001',
      sourceAddress: '192.168.1.0/24',
      destinationAddress: '10.1.0.0/16',
      nexthopType: 'nat',
      nexthopId: 'nat-000000000001',
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BceServiceError);
    expect(refused).toMatchObject({ code: 'RouteRuleAlreadyExists', statusCode: 409 });
  });
});
