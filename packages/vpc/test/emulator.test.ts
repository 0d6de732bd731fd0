// @bcekit/vpc against the emulator of the VPC host over real HTTP on 127.0.0.1, with real signatures: the reads,
// the peer-route workflow (a connection, then one peerConn rule per side), the service's route rules arriving as
// BceServiceErrors, idempotency, paging and account isolation.
import { type BceClient, BceServiceError, createClient } from '@bcekit/core';
import { createEmulator, type EmulatorServer, FIXTURE_ACCOUNTS } from '@bcekit/emulator';
import { acceptPeerconn, createPeerconn, getPeerconn } from '@bcekit/peerconn';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createRouteRule,
  deleteRouteRule,
  getRouteTable,
  getSubnet,
  getVpc,
  listRouteRules,
  listSubnets,
  listVpcs,
  paginateRouteRules,
  paginateSubnets,
  paginateVpcs,
  switchRouteRuleHa,
  updateRouteRule,
} from '../src/index.ts';

const [alice, bob] = FIXTURE_ACCOUNTS;
const A = 'vpc-alicebj00001'; // 192.168.0.0/16, subnets 192.168.1.0/24 (a) and 192.168.2.0/24 (b)
const B = 'vpc-alicebj00002'; // 172.16.0.0/16, subnet 172.16.1.0/24
const alicesVpcs = alice.vpcs.map((vpc) => vpc.vpcId).sort();

let emulator: ReturnType<typeof createEmulator>;
let server: EmulatorServer;
let asAlice: BceClient;
let asBob: BceClient;

beforeEach(async () => {
  emulator = createEmulator({ realTime: false });
  server = await emulator.listen();
  asAlice = createClient({ endpoint: server.url, credentials: alice, retry: 0 });
  asBob = createClient({ endpoint: server.url, credentials: bob, retry: 0 });
});
afterEach(() => server.close());

const codeOf = (call: Promise<unknown>) =>
  call.then(
    () => 'resolved',
    (error: unknown) => (error instanceof BceServiceError ? `${error.statusCode} ${error.code}` : String(error)),
  );

/** An active connection between A and B, and each side's interface id read from its own view. */
async function connectAtoB() {
  const { peerConnId } = await createPeerconn(asAlice, {
    bandwidthInMbps: 10,
    localVpcId: A,
    peerVpcId: B,
    peerRegion: 'bj',
  });
  emulator.clock.advance(60_000);
  const initiator = await getPeerconn(asAlice, { peerConnId, role: 'initiator' });
  const acceptor = await getPeerconn(asAlice, { peerConnId, role: 'acceptor' });
  return { peerConnId, aIf: initiator.localIfId!, bIf: acceptor.localIfId! };
}

describe('reads', () => {
  it('lists, filters and reads VPCs and subnets', async () => {
    const all = await listVpcs(asAlice);
    const one = await listVpcs(asAlice, { vpcIds: [B] });
    const vpc = await getVpc(asAlice, { vpcId: A });

    // The emulator on 127.0.0.1 serves every region: alice's four VPCs, none of bob's.
    expect(all.vpcs.map((v) => v.vpcId).sort()).toEqual(alicesVpcs);
    expect(all.isTruncated).toBe(false);
    expect(one.vpcs.map((v) => v.vpcId)).toEqual([B]);
    expect(vpc).toMatchObject({ vpcId: A, cidr: '192.168.0.0/16' });
    expect(vpc.subnets.map((s) => s.cidr).sort()).toEqual(['192.168.1.0/24', '192.168.2.0/24']);

    const subnets = await listSubnets(asAlice, { vpcId: A });
    const zoned = await listSubnets(asAlice, { vpcId: A, zoneName: subnets.subnets[0]!.zoneName });
    const subnet = await getSubnet(asAlice, { subnetId: subnets.subnets[0]!.subnetId });
    expect(subnets.subnets).toHaveLength(2);
    expect(zoned.subnets).toHaveLength(1);
    expect(subnet).toMatchObject({ vpcId: A, subnetId: subnets.subnets[0]!.subnetId });
  });

  it('reads the default route table by vpcId or routeTableId, with one sys rule per subnet', async () => {
    const byVpc = await getRouteTable(asAlice, { vpcId: A });
    const byId = await getRouteTable(asAlice, { routeTableId: byVpc.routeTableId });

    expect({ ...byId, $metadata: undefined }).toEqual({ ...byVpc, $metadata: undefined });
    expect(byVpc.vpcId).toBe(A);
    expect(byVpc.routeRules.map((r) => r.nexthopType)).toEqual(['sys', 'sys']);
    expect(byVpc.routeRules.every((r) => r.routeRuleId === '')).toBe(true);
  });

  it('pages: paginateVpcs and paginateSubnets read everything one item per page', async () => {
    const vpcs: string[] = [];
    for await (const vpc of paginateVpcs(asAlice, { maxKeys: 1 }).items()) vpcs.push(vpc.vpcId);
    const subnets: string[] = [];
    for await (const subnet of paginateSubnets(asAlice, { maxKeys: 1 }).items()) subnets.push(subnet.subnetId);

    const everySubnet = await listSubnets(asAlice);
    expect(vpcs.sort()).toEqual(alicesVpcs);
    expect(subnets.sort()).toEqual(everySubnet.subnets.map((s) => s.subnetId).sort());
    expect(subnets.length).toBeGreaterThan(2);
  });

  it('shows an account only its own VPCs: bob cannot read alice’s', async () => {
    const bobs = await listVpcs(asBob);

    expect(bobs.vpcs.some((v) => v.vpcId === A)).toBe(false);
    expect(await codeOf(getVpc(asBob, { vpcId: A }))).toMatch(/^404 /);
    expect(await codeOf(getRouteTable(asBob, { vpcId: A }))).toMatch(/^404 /);
  });
});

describe('routing through a peer connection', () => {
  it('creates one peerConn rule per side, lists, updates and deletes them', async () => {
    const { aIf, bIf } = await connectAtoB();
    const tableA = await getRouteTable(asAlice, { vpcId: A });
    const tableB = await getRouteTable(asAlice, { vpcId: B });

    const toB = await createRouteRule(asAlice, {
      routeTableId: tableA.routeTableId,
      sourceAddress: '0.0.0.0/0',
      destinationAddress: '172.16.0.0/16',
      nexthopType: 'peerConn',
      nexthopId: aIf,
    });
    const toA = await createRouteRule(asAlice, {
      routeTableId: tableB.routeTableId,
      sourceAddress: '172.16.1.0/24',
      destinationAddress: '192.168.0.0/16',
      nexthopType: 'peerConn',
      nexthopId: bIf,
      description: 'to A',
    });

    const rulesA = await listRouteRules(asAlice, { vpcId: A });
    const created = rulesA.routeRules.find((r) => r.routeRuleId === toB.routeRuleId);
    expect(created).toMatchObject({ destinationAddress: '172.16.0.0/16', nexthopType: 'peerConn', nexthopId: aIf });
    expect((await getRouteTable(asAlice, { vpcId: B })).routeRules.map((r) => r.routeRuleId)).toContain(
      toA.routeRuleId,
    );

    await updateRouteRule(asAlice, { routeRuleId: toA.routeRuleId, description: 'to A, renamed' });
    const afterUpdate = await listRouteRules(asAlice, { routeTableId: tableB.routeTableId });
    expect(afterUpdate.routeRules.find((r) => r.routeRuleId === toA.routeRuleId)?.description).toBe('to A, renamed');

    await deleteRouteRule(asAlice, { routeRuleId: toB.routeRuleId });
    const afterDelete = await listRouteRules(asAlice, { vpcId: A });
    expect(afterDelete.routeRules.map((r) => r.routeRuleId)).not.toContain(toB.routeRuleId);
  });

  it('refuses, as BceServiceErrors, what the service refuses', async () => {
    const { aIf, bIf } = await connectAtoB();
    const { routeTableId } = await getRouteTable(asAlice, { vpcId: A });
    const rule = {
      routeTableId,
      sourceAddress: '192.168.1.0/24',
      destinationAddress: '172.16.0.0/16',
      nexthopType: 'peerConn',
      nexthopId: aIf,
    } as const;
    await createRouteRule(asAlice, rule);

    expect(await codeOf(createRouteRule(asAlice, rule))).toBe('409 RouteRuleAlreadyExists');
    expect(await codeOf(createRouteRule(asAlice, { ...rule, sourceAddress: '10.0.0.0/8' }))).toBe(
      '400 RouteSourceNotInSubnet',
    );
    expect(await codeOf(createRouteRule(asAlice, { ...rule, destinationAddress: '192.168.100.0/24' }))).toBe(
      '400 RouteDestinationOverlapsVpc',
    );
    // B's interface is not a next hop of A's table.
    expect(
      await codeOf(createRouteRule(asAlice, { ...rule, destinationAddress: '172.16.1.0/24', nexthopId: bIf })),
    ).toBe('400 InvalidNexthop');
    expect(await codeOf(createRouteRule(asBob, { ...rule, destinationAddress: '172.16.2.0/24' }))).toMatch(/^404 /);
  });

  it('is idempotent by clientToken: the same token gives the same rule', async () => {
    const { aIf } = await connectAtoB();
    const { routeTableId } = await getRouteTable(asAlice, { vpcId: A });
    const rule = {
      routeTableId,
      sourceAddress: '0.0.0.0/0',
      destinationAddress: '172.16.0.0/16',
      nexthopType: 'peerConn',
      nexthopId: aIf,
      clientToken: 'route-a-to-b-0001',
    } as const;

    const first = await createRouteRule(asAlice, rule);
    const again = await createRouteRule(asAlice, rule);

    expect(again.routeRuleId).toBe(first.routeRuleId);
    expect(
      (await listRouteRules(asAlice, { vpcId: A })).routeRules.filter((r) => r.nexthopType === 'peerConn'),
    ).toHaveLength(1);
  });

  it('paginateRouteRules reads every rule of a table, one per page', async () => {
    const { aIf } = await connectAtoB();
    const { routeTableId } = await getRouteTable(asAlice, { vpcId: A });
    for (const destination of ['172.16.0.0/16', '172.30.0.0/16', '10.1.0.0/16']) {
      await createRouteRule(asAlice, {
        routeTableId,
        sourceAddress: '0.0.0.0/0',
        destinationAddress: destination,
        nexthopType: 'peerConn',
        nexthopId: aIf,
      });
    }

    const pages: number[] = [];
    const rules: string[] = [];
    for await (const page of paginateRouteRules(asAlice, { routeTableId, maxKeys: 1 })) {
      pages.push(page.routeRules.length);
      rules.push(...page.routeRules.map((r) => r.destinationAddress));
    }

    // The emulator lists the rules users made; the table view adds the sys rules.
    expect(rules.sort()).toEqual(['10.1.0.0/16', '172.16.0.0/16', '172.30.0.0/16']);
    expect(pages).toEqual([1, 1, 1]);
  });

  it('switches an active/standby rule, and refuses the switch of a single-path rule', async () => {
    const { aIf } = await connectAtoB();
    const { routeTableId } = await getRouteTable(asAlice, { vpcId: A });
    const single = await createRouteRule(asAlice, {
      routeTableId,
      sourceAddress: '0.0.0.0/0',
      destinationAddress: '172.16.0.0/16',
      nexthopType: 'peerConn',
      nexthopId: aIf,
    });
    const pair = await createRouteRule(asAlice, {
      routeTableId,
      sourceAddress: '0.0.0.0/0',
      destinationAddress: '10.0.0.0/8',
      nextHopList: [
        { nexthopType: 'dcGateway', nexthopId: 'dcgw-line0001', pathType: 'ha:active' },
        { nexthopType: 'dcGateway', nexthopId: 'dcgw-line0002', pathType: 'ha:standby' },
      ],
    });

    expect(pair.routeRuleIds).toHaveLength(2);
    await switchRouteRuleHa(asAlice, { routeRuleId: pair.routeRuleId });
    expect(await codeOf(switchRouteRuleHa(asAlice, { routeRuleId: single.routeRuleId }))).toBe(
      '400 RouteRuleNotHaActive',
    );
  });
});

it('connects across accounts: the acceptor adds the rule on its side', async () => {
  const { peerConnId } = await createPeerconn(asAlice, {
    bandwidthInMbps: 10,
    localVpcId: A,
    peerVpcId: 'vpc-bobbj000001',
    peerRegion: 'bj',
    peerAccountId: bob.accountId,
  });
  await acceptPeerconn(asBob, { peerConnId });
  emulator.clock.advance(60_000);
  const bobsSide = await getPeerconn(asBob, { peerConnId, role: 'acceptor' });
  const { routeTableId } = await getRouteTable(asBob, { vpcId: 'vpc-bobbj000001' });

  const { routeRuleId } = await createRouteRule(asBob, {
    routeTableId,
    sourceAddress: '0.0.0.0/0',
    destinationAddress: '192.168.0.0/16',
    nexthopType: 'peerConn',
    nexthopId: bobsSide.localIfId!,
  });

  expect((await listRouteRules(asBob, { routeTableId })).routeRules.map((r) => r.routeRuleId)).toContain(routeRuleId);
  expect(await codeOf(listRouteRules(asAlice, { routeTableId }))).toMatch(/^404 /);
});
