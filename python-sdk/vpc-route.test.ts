// Baidu's official Python VpcClient, SubnetClient and RouteClient (bce-sdk-python 0.9.72, unmodified) against the
// emulator over HTTP on 127.0.0.1: every method, each route rule of the service refused with a BCE error the client
// parses, and the clients' known quirks (named in each test, expected as they are).
import { createEmulator, type Emulator, type EmulatorServer } from '@bcekit/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  IN_CI,
  model,
  type PyCredentials,
  type PyResult,
  type PythonSdk,
  pythonProblem,
  serverError,
  startPythonSdk,
} from './harness.ts';

const problem = pythonProblem();
if (problem && !IN_CI) console.warn(`WARNING: skipped the Python VPC/subnet/route client tests (${problem})`);

let emulator: Emulator;
let server: EmulatorServer;
let py: PythonSdk;

const NO_RETRY = { retry: { max_error_retry: 0 } };
const vpc = (who: PyCredentials, method: string, kwargs: Record<string, unknown> = {}) =>
  py.call('vpc', method, kwargs, who, NO_RETRY);
const subnet = (who: PyCredentials, method: string, kwargs: Record<string, unknown> = {}) =>
  py.call('subnet', method, kwargs, who, NO_RETRY);
const route = (who: PyCredentials, method: string, kwargs: Record<string, unknown> = {}) =>
  py.call('route', method, kwargs, who, NO_RETRY);
const hop = (id: string, pathType: string) =>
  model('services.route.route_model.NextHop', {
    next_hop_id: id,
    next_hop_type: 'dcGateway',
    path_type: pathType,
  });

function attrs(result: PyResult): Record<string, unknown> {
  if (!result.ok) throw new Error(`the call failed: ${JSON.stringify(result.error)}`);
  return result.attrs;
}
const refused = (result: PyResult) => {
  const error = serverError(result);
  return `${error.status} ${error.code}`;
};

type Network = Awaited<ReturnType<typeof network>>;
/** `create_route` arguments of a rule in A's table to B's CIDR through A's peer connection interface. */
const toB = (n: Network, more: Record<string, unknown> = {}) => ({
  route_table_id: n.tableA,
  source_address: '0.0.0.0/0',
  destination_address: '10.2.0.0/16',
  next_hop_type: 'peerConn',
  next_hop_id: n.aIf,
  ...more,
});
/** Creates a rule and returns its id. */
const ruleId = async (n: Network, kwargs: Record<string, unknown>) =>
  attrs(await route(n.account, 'create_route', kwargs))['route_rule_id'] as string;

/**
 * A fresh account with two VPCs in bj (10.1.0.0/16 with subnets 10.1.1.0/24 and 10.1.2.0/24; 10.2.0.0/16 with
 * 10.2.1.0/24), an active peer connection between them, each side's interface id and each VPC's table.
 */
async function network() {
  const account = emulator.addAccount();
  const a = emulator.addVpc({ accountId: account.accountId, region: 'bj', cidr: '10.1.0.0/16' });
  const b = emulator.addVpc({ accountId: account.accountId, region: 'bj', cidr: '10.2.0.0/16' });
  const a1 = emulator.addSubnet({ vpcId: a.vpcId, cidr: '10.1.1.0/24', zoneName: 'cn-bj-a' });
  emulator.addSubnet({ vpcId: a.vpcId, cidr: '10.1.2.0/24', zoneName: 'cn-bj-b' });
  emulator.addSubnet({ vpcId: b.vpcId, cidr: '10.2.1.0/24', zoneName: 'cn-bj-a' });
  const created = attrs(
    await py.call(
      'peerconn',
      'create_peerconn',
      { bandwidth_in_mbps: 10, local_vpc_id: a.vpcId, peer_vpc_id: b.vpcId, peer_region: 'bj' },
      account,
      NO_RETRY,
    ),
  );
  const peerConnId = created['peer_conn_id'] as string;
  emulator.clock.advance(60_000);
  const side = async (role: string) =>
    attrs(await py.call('peerconn', 'get_peerconn', { peer_conn_id: peerConnId, role }, account, NO_RETRY))[
      'local_if_id'
    ] as string;
  const tableOf = async (vpcId: string) =>
    attrs(await route(account, 'get_route', { vpc_id: vpcId }))['route_table_id'] as string;
  return {
    account,
    a: a.vpcId,
    b: b.vpcId,
    a1: a1.subnetId,
    aIf: await side('initiator'),
    bIf: await side('acceptor'),
    tableA: await tableOf(a.vpcId),
    tableB: await tableOf(b.vpcId),
  };
}

describe.skipIf(problem !== null && !IN_CI)('VpcClient, SubnetClient and RouteClient of bce-sdk-python 0.9.72', () => {
  beforeAll(async () => {
    if (problem) throw new Error(`the Python SDK tests cannot run in CI: ${problem}`);
    emulator = createEmulator({ realTime: false });
    server = await emulator.listen();
    py = startPythonSdk(server.url);
  });
  afterAll(async () => {
    await py?.close();
    await server?.close();
  });

  describe('VpcClient', () => {
    it('list_vpcs lists, filters by vpc_ids and pages with max_keys and marker', async () => {
      const n = await network();

      const all = attrs(await vpc(n.account, 'list_vpcs'));
      const only = attrs(await vpc(n.account, 'list_vpcs', { vpc_ids: n.b }));
      const first = attrs(await vpc(n.account, 'list_vpcs', { max_keys: 1 }));
      const second = attrs(await vpc(n.account, 'list_vpcs', { max_keys: 1, marker: first['next_marker'] }));

      const ids = (page: Record<string, unknown>) => (page['vpcs'] as { vpc_id: string }[]).map((v) => v.vpc_id);
      expect(ids(all)).toEqual([n.a, n.b]);
      expect(ids(only)).toEqual([n.b]);
      expect(first).toMatchObject({ is_truncated: true, max_keys: 1, next_marker: n.b });
      expect(ids(second)).toEqual([n.b]);
      expect(second['is_truncated']).toBe(false);
    });

    it('list_vpcs(is_default=…) sends isDefault=True/False (known quirk: capital letter); the emulator reads either case', async () => {
      const n = await network();

      const defaults = attrs(await vpc(n.account, 'list_vpcs', { is_default: true }));
      const others = attrs(await vpc(n.account, 'list_vpcs', { is_default: false }));

      expect(defaults['vpcs']).toEqual([]);
      expect((others['vpcs'] as unknown[]).length).toBe(2);
    });

    it('get_vpc reads the VPC with its subnets (snake_case attributes)', async () => {
      const n = await network();

      const result = attrs(await vpc(n.account, 'get_vpc', { vpc_id: n.a }));

      const detail = result['vpc'] as { vpc_id: string; cidr: string; subnets: { cidr: string }[] };
      expect(detail).toMatchObject({ vpc_id: n.a, cidr: '10.1.0.0/16' });
      expect(detail.subnets.map((s) => s.cidr)).toEqual(['10.1.1.0/24', '10.1.2.0/24']);
    });

    it('get_vpc of another account’s VPC is refused with a parsed BCE error', async () => {
      const n = await network();
      const stranger = emulator.addAccount();

      expect(refused(await vpc(stranger, 'get_vpc', { vpc_id: n.a }))).toMatch(/^404 /);
    });
  });

  describe('SubnetClient', () => {
    it('list_subnets filters by vpc_id, zone_name and subnet_type; get_subnet reads one', async () => {
      const n = await network();

      const inA = attrs(await subnet(n.account, 'list_subnets', { vpc_id: n.a }));
      const zoned = attrs(
        await subnet(n.account, 'list_subnets', { vpc_id: n.a, zone_name: 'cn-bj-b', subnet_type: 'BCC' }),
      );
      const one = attrs(await subnet(n.account, 'get_subnet', { subnet_id: n.a1 }));

      expect((inA['subnets'] as { cidr: string }[]).map((s) => s.cidr)).toEqual(['10.1.1.0/24', '10.1.2.0/24']);
      expect((zoned['subnets'] as { cidr: string }[]).map((s) => s.cidr)).toEqual(['10.1.2.0/24']);
      expect(one['subnet']).toMatchObject({ subnet_id: n.a1, vpc_id: n.a, cidr: '10.1.1.0/24', zone_name: 'cn-bj-a' });
    });

    it('get_subnet of an unknown id is refused with a parsed BCE error', async () => {
      const n = await network();

      expect(refused(await subnet(n.account, 'get_subnet', { subnet_id: 'sbn-nosuchsubnet' }))).toMatch(/^404 /);
    });
  });

  describe('RouteClient', () => {
    it('get_route by vpc_id or route_table_id: one table, one sys rule per subnet', async () => {
      const n = await network();

      const byVpc = attrs(await route(n.account, 'get_route', { vpc_id: n.a }));
      const byId = attrs(await route(n.account, 'get_route', { route_table_id: n.tableA }));

      expect(byId).toEqual(byVpc);
      expect(byVpc).toMatchObject({ route_table_id: n.tableA, vpc_id: n.a });
      const rules = byVpc['route_rules'] as { nexthop_type: string; route_rule_id: string }[];
      expect(rules.map((r) => [r.nexthop_type, r.route_rule_id])).toEqual([
        ['sys', ''],
        ['sys', ''],
      ]);
    });

    it('create_route one peerConn rule per side; get_route_rule (camelCase kwargs, a known quirk) lists them', async () => {
      const n = await network();

      const intoB = attrs(await route(n.account, 'create_route', toB(n)));
      const toA = attrs(
        await route(n.account, 'create_route', {
          route_table_id: n.tableB,
          source_address: '10.2.1.0/24',
          destination_address: '10.1.0.0/16',
          next_hop_type: 'peerConn',
          next_hop_id: n.bIf,
          description: 'to a',
          ip_version: 4,
        }),
      );
      const listA = attrs(await route(n.account, 'get_route_rule', { routeTableId: n.tableA }));
      const listB = attrs(await route(n.account, 'get_route_rule', { vpcId: n.b, maxKeys: 10 }));

      expect(intoB['route_rule_id']).toMatch(/^rr-/);
      // The SDK's samples read resp.routeRuleId, which is None: attributes are snake_case (known quirk).
      expect(intoB).not.toHaveProperty('routeRuleId');
      expect(listA['route_rules']).toEqual([
        expect.objectContaining({ route_rule_id: intoB['route_rule_id'], nexthop_id: n.aIf, nexthop_type: 'peerConn' }),
      ]);
      expect(listB['route_rules']).toEqual([
        expect.objectContaining({
          route_rule_id: toA['route_rule_id'],
          description: 'to a',
          source_address: '10.2.1.0/24',
        }),
      ]);
    });

    it('refuses each route rule of the service with a BCE error the client parses', async () => {
      const n = await network();
      const rule = toB(n, { source_address: '10.1.1.0/24' });
      attrs(await route(n.account, 'create_route', rule));
      // Each rule of the service, as [what it says, the arguments that break it, the answer].
      const noHop = { next_hop_type: null, next_hop_id: null };
      const refusals: [string, Record<string, unknown>, string][] = [
        ['1. the source is 0.0.0.0/0 or in a subnet', { source_address: '10.1.9.0/24' }, '400 RouteSourceNotInSubnet'],
        ['2. not over the VPC’s CIDR', { destination_address: '10.1.200.0/24' }, '400 RouteDestinationOverlapsVpc'],
        ['3. one rule per source and destination', {}, '409 RouteRuleAlreadyExists'],
        ['a hop on its side (B’s)', { destination_address: '10.3.0.0/16', next_hop_id: n.bIf }, '400 InvalidNexthop'],
        ['no sys rules', { destination_address: '10.4.0.0/16', next_hop_type: 'sys' }, '400 InvalidNexthop'],
        // The client sends a rule without one (known quirk: no single- vs multi-path check).
        ['a next hop', { ...noHop, destination_address: '10.5.0.0/16' }, '400 InvalidParameterValue'],
      ];
      for (const [what, broken, answer] of refusals) {
        expect(refused(await route(n.account, 'create_route', { ...rule, ...broken })), what).toBe(answer);
      }
      // Each account sees only its own tables.
      const stranger = emulator.addAccount();
      expect(refused(await route(stranger, 'create_route', { ...rule, destination_address: '10.6.0.0/16' }))).toMatch(
        /^404 /,
      );
    });

    it('update_route changes the given fields; with none it sends description "" and clears it (known quirk)', async () => {
      const n = await network();
      const id = await ruleId(n, toB(n, { description: 'keep me' }));
      const read = async () =>
        (
          attrs(await route(n.account, 'get_route_rule', { routeTableId: n.tableA }))['route_rules'] as {
            route_rule_id: string;
            description: string;
            source_address: string;
          }[]
        ).find((r) => r.route_rule_id === id)!;

      attrs(
        await route(n.account, 'update_route', {
          route_rule_id: id,
          source_address: '10.1.1.0/24',
          description: 'keep me',
        }),
      );
      expect(await read()).toMatchObject({ source_address: '10.1.1.0/24', description: 'keep me' });

      attrs(await route(n.account, 'update_route', { route_rule_id: id }));
      expect((await read()).description).toBe('');
      expect(
        refused(await route(n.account, 'update_route', { route_rule_id: id, destination_address: '10.1.0.0/24' })),
      ).toBe('400 RouteDestinationOverlapsVpc');
    });

    it('multi-path rules: next_hops create one rule per hop; switch_route switches the ha:active one; update refused', async () => {
      const n = await network();
      const created = attrs(
        await route(n.account, 'create_route', {
          route_table_id: n.tableA,
          source_address: '0.0.0.0/0',
          destination_address: '172.16.0.0/12',
          next_hops: [hop('dcgw-line0001', 'ha:active'), hop('dcgw-line0002', 'ha:standby')],
        }),
      );
      const ids = created['route_rule_ids'] as string[];
      const single = await ruleId(n, toB(n));

      expect(ids).toHaveLength(2);
      expect(attrs(await route(n.account, 'switch_route', { route_rule_id: ids[0] }))).toBeDefined();
      expect(refused(await route(n.account, 'switch_route', { route_rule_id: single }))).toBe(
        '400 RouteRuleNotHaActive',
      );
      expect(refused(await route(n.account, 'update_route', { route_rule_id: ids[0], description: 'x' }))).toBe(
        '400 MultiPathRuleNotUpdatable',
      );
    });

    it('delete_route removes a rule; deleting it again is refused as unknown', async () => {
      const n = await network();
      const id = await ruleId(n, toB(n));

      attrs(await route(n.account, 'delete_route', { route_rule_id: id }));

      expect(attrs(await route(n.account, 'get_route_rule', { routeTableId: n.tableA }))['route_rules']).toEqual([]);
      expect(refused(await route(n.account, 'delete_route', { route_rule_id: id }))).toMatch(/^404 /);
    });
  });
});
