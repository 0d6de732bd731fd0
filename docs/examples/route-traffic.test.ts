import { BceServiceError, createClient } from '@bcekit/core';
import { createEmulator, FIXTURE_ACCOUNTS } from '@bcekit/emulator';
import { createPeerconn, waitForPeerconn } from '@bcekit/peerconn';
import { createRouteRule, getRouteTable, listRouteRules } from '@bcekit/vpc';
import { expect, test } from 'vitest';
import { routeBothSides } from './route-traffic.ts';

test('routeBothSides adds one peerConn rule in each VPC', async () => {
  const emulator = createEmulator({ transitions: { creating: 50 } });
  const client = createClient({ region: 'bj', fetch: emulator.fetch, credentials: FIXTURE_ACCOUNTS[0] });
  const { peerConnId } = await createPeerconn(client, {
    bandwidthInMbps: 10,
    localVpcId: 'vpc-alicebj00001',
    peerVpcId: 'vpc-alicebj00002',
    peerRegion: 'bj',
  });
  await waitForPeerconn(client, { peerConnId, until: 'active', maxWaitTime: 10_000, minDelay: 10, maxDelay: 50 });

  const [toB, toA] = await routeBothSides(client, peerConnId);

  const inA = await listRouteRules(client, { vpcId: 'vpc-alicebj00001' });
  const inB = await listRouteRules(client, { vpcId: 'vpc-alicebj00002' });
  expect(inA.routeRules).toEqual([expect.objectContaining({ routeRuleId: toB, destinationAddress: '172.16.0.0/16' })]);
  expect(inB.routeRules).toEqual([expect.objectContaining({ routeRuleId: toA, destinationAddress: '192.168.0.0/16' })]);
});

test('a destination inside the VPC’s own CIDR block is refused', async () => {
  const emulator = createEmulator();
  const client = createClient({ region: 'bj', fetch: emulator.fetch, credentials: FIXTURE_ACCOUNTS[0], retry: 0 });
  const { routeTableId } = await getRouteTable(client, { vpcId: 'vpc-alicebj00001' }); // 192.168.0.0/16

  const overlapping = createRouteRule(client, {
    routeTableId,
    sourceAddress: '0.0.0.0/0',
    destinationAddress: '192.168.100.0/24',
    nexthopType: 'peerConn',
    nexthopId: 'qpif-anything0001',
  });

  await expect(overlapping).rejects.toBeInstanceOf(BceServiceError);
  await expect(overlapping).rejects.toMatchObject({ code: 'RouteDestinationOverlapsVpc' });
});
