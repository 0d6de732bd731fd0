// Routing through a peer connection with @bcekit/vpc over real HTTP against the emulator: both VPCs' tables, one
// peerConn rule per side, listed and paged, then a refusal and a bad input.
import { BceServiceError, BceValidationError } from '@bcekit/core';
import { createPeerconn, getPeerconn, waitForPeerconn } from '@bcekit/peerconn';
import {
  createRouteRule,
  deleteRouteRule,
  getRouteTable,
  getVpc,
  listRouteRules,
  paginateRouteRules,
} from '@bcekit/vpc';
import { equal, instance, ok, rejects } from './assert.ts';
import { type ConformanceCase, clientFor, newAccount } from './context.ts';

export const routeCases: ConformanceCase[] = [
  {
    group: 'routes',
    name: 'a route rule per side of a peer connection: created, listed, paged, refused twice, deleted',
    async run(env) {
      const account = await newAccount(env, ['bj', 'bj']);
      const client = clientFor(env, account);
      const [a, b] = account.vpcIds as [string, string];
      const { peerConnId } = await createPeerconn(client, {
        bandwidthInMbps: 10,
        localVpcId: a,
        peerVpcId: b,
        peerRegion: 'bj',
      });
      await waitForPeerconn(client, {
        peerConnId,
        until: 'active',
        role: 'initiator',
        maxWaitTime: 10_000,
        minDelay: 25,
        maxDelay: 150,
      });
      const sides = [
        { vpcId: a, peer: b, role: 'initiator' as const },
        { vpcId: b, peer: a, role: 'acceptor' as const },
      ];

      const created: string[] = [];
      for (const side of sides) {
        const { localIfId } = await getPeerconn(client, { peerConnId, role: side.role });
        const { cidr } = await getVpc(client, { vpcId: side.peer });
        const { routeTableId } = await getRouteTable(client, { vpcId: side.vpcId });
        const rule = {
          routeTableId,
          sourceAddress: '0.0.0.0/0',
          destinationAddress: cidr,
          nexthopType: 'peerConn',
          nexthopId: localIfId ?? '',
          description: `to ${side.peer} (${env.runtime})`,
        } as const;
        const { routeRuleId } = await createRouteRule(client, rule);
        ok(/^rr-/.test(routeRuleId), `routeRuleId looks wrong: ${routeRuleId}`);
        created.push(routeRuleId);

        const page = await listRouteRules(client, { routeTableId });
        const listed = page.routeRules.find((r) => r.routeRuleId === routeRuleId);
        equal(listed?.destinationAddress, cidr, 'listed destinationAddress');
        equal(listed?.nexthopId, localIfId, 'listed nexthopId (the interface on this side)');
        equal(listed?.description, rule.description, 'listed description');

        const paged: string[] = [];
        for await (const item of paginateRouteRules(client, { vpcId: side.vpcId, maxKeys: 1 }).items()) {
          paged.push(item.routeRuleId);
        }
        ok(paged.includes(routeRuleId), `paginateRouteRules did not yield ${routeRuleId}: ${paged.join(', ')}`);

        const twice = await rejects(
          createRouteRule(client, rule),
          'a second rule with the same source and destination',
        );
        instance(twice, BceServiceError, 'duplicate rule');
        equal((twice as BceServiceError).statusCode, 409, 'duplicate rule status');
      }

      const bad = await rejects(
        createRouteRule(client, {
          routeTableId: 'rt-x',
          sourceAddress: '0.0.0.0/0',
          destinationAddress: '10.0.0.0/33',
          nexthopType: 'peerConn',
          nexthopId: 'qpif-x',
        }),
        'a destination that is no CIDR block',
      );
      instance(bad, BceValidationError, 'bad CIDR');
      equal((bad as BceValidationError).issues[0]?.path, 'destinationAddress', 'bad CIDR path');

      for (const routeRuleId of created) await deleteRouteRule(client, { routeRuleId });
      const left = await listRouteRules(client, { vpcId: a });
      equal(left.routeRules.filter((r) => created.includes(r.routeRuleId)).length, 0, 'rules left after delete');
    },
  },
];
