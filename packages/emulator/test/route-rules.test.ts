import { readFileSync } from 'node:fs';
import type { BceClient } from '@bcekit/core';
import { deletePeerconn } from '@bcekit/peerconn';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codeOf, type Started, startEmulator } from './helpers.ts';
import { alice, bob, call, peering, refusal } from './vpc-helpers.ts';

const capture = JSON.parse(
  readFileSync(new URL('./fixtures/python-sdk-vpc-requests.json', import.meta.url), 'utf8'),
) as {
  calls: { operation: string; response: { body: string } }[];
};
const captured = (operation: string) =>
  JSON.parse(capture.calls.find((c) => c.operation === operation)!.response.body) as Record<string, unknown>;
const keys = (value: unknown) => Object.keys(value as object).sort();

const TABLE = 'rt-alicebj00001'; // vpc-alicebj00001, 192.168.0.0/16, subnets 192.168.1.0/24 and 192.168.2.0/24

let env: Started;
let asAlice: BceClient;
let asBob: BceClient;
let hop: { peerConnId: string; localIfId: string; peerIfId: string };
const rule = (extra: Record<string, unknown> = {}) => ({
  routeTableId: TABLE,
  sourceAddress: '192.168.1.0/24',
  destinationAddress: '172.16.0.0/16',
  nexthopType: 'peerConn',
  nexthopId: hop.localIfId,
  description: 'to alice-bj-second',
  ...extra,
});

beforeEach(async () => {
  env = await startEmulator();
  asAlice = env.client(alice);
  asBob = env.client(bob);
  hop = await peering(env, asAlice, 'vpc-alicebj00001', 'vpc-alicebj00002', 'bj');
});
afterEach(() => env.close());

describe('GET /v1/route', () => {
  it('shows the one default table of a VPC with a sys rule per subnet, by vpcId or routeTableId', async () => {
    const byVpc = await call(asAlice, 'GET', '/v1/route?vpcId=vpc-alicebj00001');
    const byId = await call(asAlice, 'GET', `/v1/route?routeTableId=${TABLE}`);
    const both = await call(asAlice, 'GET', `/v1/route?routeTableId=${TABLE}&vpcId=vpc-alicebj00001`);
    const wanted = captured('get_route');

    expect(byVpc.status).toBe(200);
    expect(byId.body).toEqual(byVpc.body);
    expect(both.body).toEqual(byVpc.body);
    expect(keys(byVpc.body)).toEqual(keys(wanted));
    expect(keys((byVpc.body['routeRules'] as unknown[])[0])).toEqual(keys((wanted['routeRules'] as unknown[])[0]));
    expect(byVpc.body).toMatchObject({ routeTableId: TABLE, vpcId: 'vpc-alicebj00001', name: 'default' });
    expect(byVpc.body['routeRules']).toEqual(
      ['192.168.1.0/24', '192.168.2.0/24'].map((cidr) => ({
        routeRuleId: '',
        routeTableId: TABLE,
        sourceAddress: cidr,
        destinationAddress: cidr,
        nexthopId: '',
        nexthopType: 'sys',
        description: 'default',
        pathType: 'normal',
      })),
    );
  });

  it('needs an id, refuses ids of two tables, and hides other accounts’ tables', async () => {
    expect(await refusal(asAlice, 'GET', '/v1/route')).toBe('400 InvalidParameterValue');
    expect(await refusal(asAlice, 'GET', `/v1/route?routeTableId=${TABLE}&vpcId=vpc-alicebj00002`)).toBe(
      '400 InvalidParameterValue',
    );
    expect(await refusal(asBob, 'GET', `/v1/route?routeTableId=${TABLE}`)).toBe('404 NoSuchObject');
    expect(await refusal(asBob, 'GET', '/v1/route?vpcId=vpc-alicebj00001')).toBe('404 NoSuchObject');
  });
});

describe('POST /v1/route/rule', () => {
  it('creates a peerConn rule through this side’s interface; the table, the list and state() show it', async () => {
    const created = await call(asAlice, 'POST', '/v1/route/rule?clientToken=create-1', rule());
    const id = created.body['routeRuleId'] as string;
    const table = await call(asAlice, 'GET', '/v1/route?vpcId=vpc-alicebj00001');
    const list = await call(asAlice, 'GET', `/v1/route/rule?routeTableId=${TABLE}`);
    const shown = {
      routeRuleId: id,
      routeTableId: TABLE,
      sourceAddress: '192.168.1.0/24',
      destinationAddress: '172.16.0.0/16',
      nexthopId: hop.localIfId,
      nexthopType: 'peerConn',
      description: 'to alice-bj-second',
      pathType: 'normal',
    };

    expect(created).toEqual({ status: 200, body: { routeRuleId: expect.stringMatching(/^rr-/) } });
    expect((table.body['routeRules'] as unknown[]).at(-1)).toEqual(shown);
    expect(list.body).toEqual({ marker: id, isTruncated: false, maxKeys: 1000, routeRules: [shown] });
    expect(keys(list.body)).toEqual(keys(captured('get_route_rule')));
    const state = env.emulator.state();
    expect(state.routeTables.find((t) => t.routeTableId === TABLE)?.routeRules.at(-1)).toEqual(shown);
    expect(state.counts.routeRules).toBe(1);
  });

  it('takes 0.0.0.0/0 or a block inside a subnet as source, nothing else (RouteSourceNotInSubnet)', async () => {
    expect((await call(asAlice, 'POST', '/v1/route/rule', rule({ sourceAddress: '0.0.0.0/0' }))).status).toBe(200);
    expect((await call(asAlice, 'POST', '/v1/route/rule', rule({ sourceAddress: '192.168.2.128/25' }))).status).toBe(
      200,
    );
    for (const sourceAddress of ['192.168.0.0/16', '192.168.3.0/24', '10.0.0.0/8']) {
      expect(await refusal(asAlice, 'POST', '/v1/route/rule', rule({ sourceAddress }))).toBe(
        '400 RouteSourceNotInSubnet',
      );
    }
  });

  it('refuses a destination that overlaps the VPC’s own CIDR, as for the fixture pair that overlaps', async () => {
    const hkg = await peering(env, asAlice, 'vpc-alicebj00001', 'vpc-bobhkg00001', 'hkg', {
      client: asBob,
      accountId: bob.accountId,
    });
    const overlapping = rule({ destinationAddress: '192.168.0.0/20', nexthopId: hkg.localIfId });

    expect(await refusal(asAlice, 'POST', '/v1/route/rule', overlapping)).toBe('400 RouteDestinationOverlapsVpc');
    expect(await refusal(asAlice, 'POST', '/v1/route/rule', rule({ destinationAddress: '192.0.0.0/8' }))).toBe(
      '400 RouteDestinationOverlapsVpc',
    );
    expect((await call(asAlice, 'POST', '/v1/route/rule', rule({ destinationAddress: '0.0.0.0/0' }))).status).toBe(200);
  });

  it('refuses a second rule with the same source and destination (RouteRuleAlreadyExists)', async () => {
    await call(asAlice, 'POST', '/v1/route/rule', rule());

    expect(await refusal(asAlice, 'POST', '/v1/route/rule', rule({ description: 'again' }))).toBe(
      '409 RouteRuleAlreadyExists',
    );
    expect((await call(asAlice, 'POST', '/v1/route/rule', rule({ sourceAddress: '192.168.2.0/24' }))).status).toBe(200);
  });

  it('takes as peerConn next hop only the interface of this VPC’s end (InvalidNexthop)', async () => {
    const gz = await peering(env, asAlice, 'vpc-alicegz00001', 'vpc-alicesu00001', 'su');
    for (const nexthopId of [hop.peerIfId, hop.peerConnId, gz.localIfId, 'qpif-000000000000']) {
      expect(await refusal(asAlice, 'POST', '/v1/route/rule', rule({ nexthopId }))).toBe('400 InvalidNexthop');
    }
    const inOther = rule({
      routeTableId: 'rt-alicebj00002',
      sourceAddress: '172.16.1.0/24',
      destinationAddress: '192.168.0.0/16',
      nexthopId: hop.peerIfId,
    });
    expect((await call(asAlice, 'POST', '/v1/route/rule', inOther)).status).toBe(200);
  });

  it('refuses sys rules, unknown types, bad CIDRs and single + multi path at once', async () => {
    const refused = async (extra: Record<string, unknown>) => refusal(asAlice, 'POST', '/v1/route/rule', rule(extra));
    expect(await refused({ nexthopType: 'sys' })).toBe('400 InvalidNexthop');
    expect(await refused({ nexthopType: 'router' })).toBe('400 InvalidNexthop');
    expect(await refused({ nexthopType: 'nat', nexthopId: '' })).toBe('400 InvalidNexthop');
    expect(await refused({ destinationAddress: '172.16.0.1/16' })).toBe('400 InvalidParameterValue');
    expect(await refused({ sourceAddress: '192.168.1.0' })).toBe('400 InvalidParameterValue');
    expect(await refused({ ipVersion: '6' })).toBe('400 InvalidParameterValue');
    expect(await refused({ description: 'x'.repeat(201) })).toBe('400 InvalidParameterValue');
    const hops = [{ nexthopId: 'dcgw-1', nexthopType: 'dcGateway', pathType: 'ecmp' }];
    expect(await refused({ nextHopList: hops })).toBe('400 InvalidParameterValue');
    const { nexthopType: _t, nexthopId: _i, ...bare } = rule();
    expect(await refusal(asAlice, 'POST', '/v1/route/rule', bare)).toBe('400 InvalidParameterValue');
    expect(await refusal(asAlice, 'POST', '/v1/route/rule', { ...bare, routeTableId: undefined })).toBe(
      '400 InappropriateJSON',
    );
    expect(env.emulator.state().counts.routeRules).toBe(0);
  });

  it('accepts ipVersion as Python sends it ("4") and defaultGateway without an id', async () => {
    const made = await call(asAlice, 'POST', '/v1/route/rule', rule({ ipVersion: '4' }));
    const gateway = rule({ destinationAddress: '0.0.0.0/0', nexthopType: 'defaultGateway', nexthopId: '' });

    expect(made.status).toBe(200);
    expect((await call(asAlice, 'POST', '/v1/route/rule', gateway)).status).toBe(200);
  });

  it('is idempotent by clientToken per account: same body → same rule, other body → IdempotentParameterMismatch', async () => {
    const first = await call(asAlice, 'POST', '/v1/route/rule?clientToken=t-1', rule());
    const again = await call(asAlice, 'POST', '/v1/route/rule?clientToken=t-1', rule());

    expect(again.body).toEqual(first.body);
    expect(env.emulator.state().counts.routeRules).toBe(1);
    expect(await refusal(asAlice, 'POST', '/v1/route/rule?clientToken=t-1', rule({ description: 'other' }))).toBe(
      '409 IdempotentParameterMismatch',
    );
    const bobs = {
      routeTableId: 'rt-bobbj000001',
      sourceAddress: '0.0.0.0/0',
      destinationAddress: '10.0.0.0/8',
      nexthopType: 'nat',
      nexthopId: 'nat-1',
    };
    expect((await call(asBob, 'POST', '/v1/route/rule?clientToken=t-1', bobs)).status).toBe(200);
  });

  it('keeps each account to its own tables', async () => {
    expect(await refusal(asBob, 'POST', '/v1/route/rule', rule())).toBe('404 NoSuchObject');
    const { body } = await call(asAlice, 'POST', '/v1/route/rule', rule());
    const id = body['routeRuleId'];
    expect(await refusal(asBob, 'PUT', `/v1/route/rule/${id}`, { description: 'mine now' })).toBe('404 NoSuchObject');
    expect(await refusal(asBob, 'DELETE', `/v1/route/rule/${id}`)).toBe('404 NoSuchObject');
    expect(await refusal(asBob, 'GET', `/v1/route/rule?routeTableId=${TABLE}`)).toBe('404 NoSuchObject');
    expect(
      env.emulator
        .state()
        .routeTables.find((t) => t.routeTableId === TABLE)
        ?.routeRules.at(-1),
    ).toMatchObject({
      routeRuleId: id,
      description: 'to alice-bj-second',
    });
  });
});

describe('GET /v1/route/rule paging', () => {
  it('pages the user rules by id with maxKeys, by routeTableId or vpcId', async () => {
    const ids: string[] = [];
    for (const third of [1, 2, 3, 4, 5]) {
      const { body } = await call(
        asAlice,
        'POST',
        '/v1/route/rule',
        rule({ destinationAddress: `10.${third}.0.0/16` }),
      );
      ids.push(body['routeRuleId'] as string);
    }
    const first = await call(asAlice, 'GET', `/v1/route/rule?routeTableId=${TABLE}&maxKeys=2`);
    const second = await call(asAlice, 'GET', `/v1/route/rule?vpcId=vpc-alicebj00001&maxKeys=2&marker=${ids[2]}`);
    const rest = await call(asAlice, 'GET', `/v1/route/rule?vpcId=vpc-alicebj00001&marker=${ids[4]}`);
    const pageIds = (body: Record<string, unknown>) =>
      (body['routeRules'] as { routeRuleId: string }[]).map((r) => r.routeRuleId);

    expect(first.body).toMatchObject({ marker: ids[0], isTruncated: true, maxKeys: 2, nextMarker: ids[2] });
    expect(pageIds(first.body)).toEqual(ids.slice(0, 2));
    expect(pageIds(second.body)).toEqual(ids.slice(2, 4));
    expect(pageIds(rest.body)).toEqual(ids.slice(4));
    expect(rest.body).not.toHaveProperty('nextMarker');
    expect(await refusal(asAlice, 'GET', `/v1/route/rule?routeTableId=${TABLE}&maxKeys=1001`)).toBe(
      '400 InvalidParameterValue',
    );
    expect(await refusal(asAlice, 'GET', '/v1/route/rule')).toBe('400 InvalidParameterValue');
  });
});

describe('PUT and DELETE /v1/route/rule/{id}', () => {
  it('updates a single-path rule under the same rules as create', async () => {
    const { body } = await call(asAlice, 'POST', '/v1/route/rule', rule());
    const other = await call(asAlice, 'POST', '/v1/route/rule', rule({ destinationAddress: '10.9.0.0/16' }));
    const path = `/v1/route/rule/${body['routeRuleId']}`;

    const updated = await call(asAlice, 'PUT', `${path}?clientToken=u-1`, {
      description: 'moved',
      destinationAddress: '172.16.0.0/12',
      ipVersion: '4',
      nexthopType: 'peerConn',
    });

    expect(updated).toEqual({ status: 200, body: {} });
    expect((await call(asAlice, 'GET', `/v1/route/rule?routeTableId=${TABLE}`)).body['routeRules']).toContainEqual(
      expect.objectContaining({
        routeRuleId: body['routeRuleId'],
        destinationAddress: '172.16.0.0/12',
        description: 'moved',
      }),
    );
    expect(await refusal(asAlice, 'PUT', path, { destinationAddress: '192.168.5.0/24' })).toBe(
      '400 RouteDestinationOverlapsVpc',
    );
    expect(await refusal(asAlice, 'PUT', path, { destinationAddress: '10.9.0.0/16' })).toBe(
      '409 RouteRuleAlreadyExists',
    );
    expect(await refusal(asAlice, 'PUT', path, { nexthopId: hop.peerIfId })).toBe('400 InvalidNexthop');
    expect(await refusal(asAlice, 'PUT', path, { nexthopType: 'sys' })).toBe('400 InvalidNexthop');
    expect(other.status).toBe(200);
  });

  it('deletes a rule once; then it is not found', async () => {
    const { body } = await call(asAlice, 'POST', '/v1/route/rule', rule());
    const path = `/v1/route/rule/${body['routeRuleId']}`;

    expect(await call(asAlice, 'DELETE', `${path}?clientToken=d-1`)).toEqual({ status: 200, body: {} });
    expect(await refusal(asAlice, 'DELETE', `${path}?clientToken=d-2`)).toBe('404 NoSuchObject');
    expect(env.emulator.state().counts.routeRules).toBe(0);
    expect(await refusal(asAlice, 'DELETE', '/v1/route/rule/')).toBe('400 InvalidURI');
  });

  it('multi-path: one rule per hop; not updatable; the HA switch swaps active and standby', async () => {
    const created = await call(asAlice, 'POST', '/v1/route/rule', {
      routeTableId: TABLE,
      sourceAddress: '0.0.0.0/0',
      destinationAddress: '10.50.0.0/16',
      nextHopList: [
        { nexthopId: 'dcgw-active0001', nexthopType: 'dcGateway', pathType: 'ha:active' },
        { nexthopId: 'dcgw-standby001', nexthopType: 'dcGateway', pathType: 'ha:standby' },
      ],
    });
    const [active, standby] = created.body['routeRuleIds'] as string[];
    const pathTypes = async () =>
      Object.fromEntries(
        (
          (await call(asAlice, 'GET', `/v1/route/rule?routeTableId=${TABLE}`)).body['routeRules'] as {
            routeRuleId: string;
            pathType: string;
          }[]
        ).map((r) => [r.routeRuleId, r.pathType]),
      );

    expect(await pathTypes()).toEqual({ [active!]: 'ha:active', [standby!]: 'ha:standby' });
    expect(await refusal(asAlice, 'PUT', `/v1/route/rule/${active}`, { description: 'x' })).toBe(
      '400 MultiPathRuleNotUpdatable',
    );
    expect(await call(asAlice, 'PUT', `/v1/route/rule/${active}?switchRouteHA&clientToken=s-1`)).toEqual({
      status: 200,
      body: {},
    });
    expect(await pathTypes()).toEqual({ [active!]: 'ha:standby', [standby!]: 'ha:active' });
    expect(await refusal(asAlice, 'PUT', `/v1/route/rule/${active}?switchRouteHA=`)).toBe('400 RouteRuleNotHaActive');
  });
});

describe('releasing a peer connection that route rules use (an assumption: undocumented by the service)', () => {
  it('refuses by default (PeerConnInUse) until the rules are deleted', async () => {
    const { body } = await call(asAlice, 'POST', '/v1/route/rule', rule());

    expect(await codeOf(deletePeerconn(asAlice, { peerConnId: hop.peerConnId }))).toBe('PeerConnInUse');
    expect(env.emulator.state().peerConns.map((p) => p.status)).toEqual(['active']);
    await call(asAlice, 'DELETE', `/v1/route/rule/${body['routeRuleId']}`);
    await deletePeerconn(asAlice, { peerConnId: hop.peerConnId });
    expect(env.emulator.state().peerConns.map((p) => p.status)).toEqual(['deleting']);
  });

  it('with peerConnRoutes: remove, deletes the rules with the connection; with keep, leaves them', async () => {
    for (const policy of ['remove', 'keep'] as const) {
      const other = await startEmulator({ peerConnRoutes: policy });
      const client = other.client(alice);
      const own = await peering(other, client, 'vpc-alicebj00001', 'vpc-alicebj00002', 'bj');
      await call(client, 'POST', '/v1/route/rule', rule({ nexthopId: own.localIfId }));

      await deletePeerconn(client, { peerConnId: own.peerConnId });

      expect(other.emulator.state().counts.routeRules).toBe(policy === 'remove' ? 0 : 1);
      await other.close();
    }
  });
});
