// Wire compatibility with Baidu's official Python SDK: each of the 10 calls captured from bce-sdk-python 0.9.72's
// VpcClient, SubnetClient and RouteClient (fixtures/python-sdk-vpc-requests.json, copied from shared/vectors) is
// made through bcekit against a capture server on 127.0.0.1, and what arrives is compared with what Python sent:
// method, path, query keys and values, and the parsed JSON body. Where bcekit deliberately differs from Python,
// the difference is stated below and asserted, not skipped.
import type { BceClient } from '@bcekit/core';
import { describe, expect, it } from 'vitest';
import { useCaptureServer } from '../../../scripts/test-helpers/capture-server.ts';
import { UUID_V4, withoutMetadata } from '../../../scripts/test-helpers/recording-client.ts';
import {
  createRouteRule,
  deleteRouteRule,
  getRouteTable,
  getSubnet,
  getVpc,
  listRouteRules,
  listSubnets,
  listVpcs,
  switchRouteRuleHa,
  updateRouteRule,
} from '../src/index.ts';
import fixture from './fixtures/python-sdk-vpc-requests.json' with { type: 'json' };

type Args = Record<string, unknown>;
type Call = (client: BceClient, args: Args) => Promise<unknown>;
type Capture = (typeof fixture.calls)[number];

const str = (value: unknown) => value as string;
const opt = (value: unknown) => value as string | undefined;

// Python's keyword arguments -> bcekit input. `undefined` fields are simply not given.
const calls: Record<string, Call> = {
  list_vpcs: (client, a) =>
    listVpcs(client, {
      marker: opt(a['marker']),
      maxKeys: a['max_keys'] as number | undefined,
      isDefault: a['is_default'] as boolean | undefined,
      vpcIds: a['vpc_ids'] === undefined ? undefined : str(a['vpc_ids']).split(','),
    }),
  get_vpc: (client, a) => getVpc(client, { vpcId: str(a['vpc_id']) }),
  list_subnets: (client, a) =>
    listSubnets(client, {
      vpcId: opt(a['vpc_id']),
      zoneName: opt(a['zone_name']),
      subnetType: opt(a['subnet_type']),
      marker: opt(a['marker']),
      maxKeys: a['max_keys'] as number | undefined,
    }),
  get_subnet: (client, a) => getSubnet(client, { subnetId: str(a['subnet_id']) }),
  get_route: (client, a) => getRouteTable(client, { vpcId: str(a['vpc_id']) }),
  get_route_rule: (client, a) => listRouteRules(client, { routeTableId: str(a['routeTableId']) }),
  create_route: (client, a) =>
    createRouteRule(client, {
      routeTableId: str(a['route_table_id']),
      sourceAddress: str(a['source_address']),
      destinationAddress: str(a['destination_address']),
      nexthopType: a['next_hop_type'] as 'peerConn',
      nexthopId: str(a['next_hop_id']),
      description: opt(a['description']),
      clientToken: opt(a['client_token']),
    }),
  update_route: (client, a) =>
    updateRouteRule(client, {
      routeRuleId: str(a['route_rule_id']),
      sourceAddress: opt(a['source_address']),
      destinationAddress: opt(a['destination_address']),
      nexthopType: a['next_hop_type'] as 'peerConn' | undefined,
      nexthopId: opt(a['next_hop_id']),
      description: opt(a['description']),
      clientToken: opt(a['client_token']),
    }),
  delete_route: (client, a) =>
    deleteRouteRule(client, { routeRuleId: str(a['route_rule_id']), clientToken: opt(a['client_token']) }),
  switch_route: (client, a) =>
    switchRouteRuleHa(client, { routeRuleId: str(a['route_rule_id']), clientToken: opt(a['client_token']) }),
};

/**
 * The body bcekit sends for a captured call: Python's, except that `updateRouteRule` takes the fields the update
 * documentation lists (no `ipVersion`: an update cannot change a rule's IP version, so it is not an input).
 */
function expectedBody(python: Capture): unknown {
  if (python.operation !== 'update_route' || python.body === null) return python.body;
  const { ipVersion: _, ...rest } = python.body as Record<string, unknown>;
  return rest;
}

function expectSameQuery(sent: Record<string, string>, python: string[][]) {
  const expected = Object.fromEntries(python.map(([key, value]) => [key, value]));
  expect(Object.keys(sent).sort()).toEqual(Object.keys(expected).sort());
  for (const [key, value] of Object.entries(expected)) {
    if (value === fixture.autoClientTokenMarker) expect(sent[key]).toMatch(UUID_V4);
    else expect(sent[key]).toBe(value);
  }
}

describe('wire compatibility with bce-sdk-python 0.9.72 (VpcClient, SubnetClient, RouteClient)', () => {
  const server = useCaptureServer();

  it('covers 10 calls, every public Python method of the three clients', () => {
    expect(fixture.calls).toHaveLength(10);
    expect(new Set(fixture.calls.map((c) => c.operation))).toEqual(new Set(fixture.publicMethods));
    expect(Object.keys(calls).sort()).toEqual([...fixture.publicMethods].sort());
  });

  it.each(fixture.calls.map((c) => [`${c.id} ${c.call}`, c] as const))(
    'sends the same method, path, query and body: %s',
    async (_title, python) => {
      server.current.respond({ status: python.response.status, body: JSON.parse(python.response.body) });

      await calls[python.operation]!(server.current.client(), python.args as Args);

      expect(server.current.requests).toHaveLength(1);
      const [sent] = server.current.requests;
      expect(sent?.method).toBe(python.method);
      expect(sent?.path).toBe(python.path);
      expectSameQuery(sent?.query ?? {}, python.query as string[][]);
      expect(sent?.body ?? null).toEqual(expectedBody(python));
      if (python.body !== null) expect(sent?.headers['content-type']).toBe(python.headers['content-type']);
    },
  );

  it('sends the HA switch flag bare (`?switchRouteHA&clientToken=…`), as the service documents it', async () => {
    await switchRouteRuleHa(server.current.client(), { routeRuleId: 'rr-ha0active001', clientToken: 'token-1' });

    expect(server.current.requests[0]?.rawQuery).toBe('switchRouteHA&clientToken=token-1');
    expect(server.current.requests[0]?.rawBody).toBe('');
  });

  it('reads the captured responses: the VPC, the subnet, the route table and the rule page', async () => {
    const reply = (operation: string) => {
      const python = fixture.calls.find((c) => c.operation === operation)!;
      server.current.respond({ body: JSON.parse(python.response.body) });
      return JSON.parse(python.response.body) as Record<string, unknown>;
    };
    const client = server.current.client();

    const vpcBody = reply('get_vpc');
    expect(withoutMetadata(await getVpc(client, { vpcId: 'vpc-a8n5p6qwxrmq' }))).toEqual(vpcBody['vpc']);
    const subnetBody = reply('get_subnet');
    expect(withoutMetadata(await getSubnet(client, { subnetId: 'sbn-1xq7b2c3d4e5' }))).toEqual(subnetBody['subnet']);
    const tableBody = reply('get_route');
    expect(withoutMetadata(await getRouteTable(client, { vpcId: 'vpc-a8n5p6qwxrmq' }))).toEqual(tableBody);
    const rulesBody = reply('get_route_rule');
    expect(withoutMetadata(await listRouteRules(client, { routeTableId: 'rt-4fa7kd9qm1xs' }))).toEqual(rulesBody);
    const vpcsBody = reply('list_vpcs');
    const page = await listVpcs(client, { marker: 'vpc-a8n5p6qwxrmq', maxKeys: 2 });
    expect(withoutMetadata(page)).toEqual(vpcsBody);
    expect(page.isTruncated).toBe(true);
  });
});

// What Python sends and bcekit deliberately does not (each differs from the Python client on purpose).
describe('quirks of the Python clients that bcekit does not copy', () => {
  const server = useCaptureServer();

  it("isDefault goes as `true`/`false`, not Python's `True`/`False`", async () => {
    await listVpcs(server.current.client(), { isDefault: true });
    await listVpcs(server.current.client(), { isDefault: false });

    expect(server.current.requests.map((r) => r.rawQuery)).toEqual(['isDefault=true', 'isDefault=false']);
  });

  it('vpcIds and subnetIds are arrays, comma-joined on the wire (the comma percent-encoded, as Python sends it)', async () => {
    await listVpcs(server.current.client(), { vpcIds: ['vpc-a', 'vpc-b'] });
    await listSubnets(server.current.client(), { subnetIds: ['sbn-a', 'sbn-b', 'sbn-c'] });

    expect(server.current.requests.map((r) => r.rawQuery)).toEqual([
      'vpcIds=vpc-a%2Cvpc-b',
      'subnetIds=sbn-a%2Csbn-b%2Csbn-c',
    ]);
  });

  it('path ids are percent-encoded (Python inserts them raw)', async () => {
    await getVpc(server.current.client(), { vpcId: 'vpc a?b' });
    await deleteRouteRule(server.current.client(), { routeRuleId: 'rr-ü', clientToken: 't' });

    expect(server.current.requests.map((r) => r.path)).toEqual(['/v1/vpc/vpc%20a%3Fb', '/v1/route/rule/rr-%C3%BC']);
  });

  it('create sends description and ipVersion only when given (Python always sends `"description": ""`)', async () => {
    server.current.respond({ body: { routeRuleId: 'rr-1' } });
    const rule = {
      routeTableId: 'rt-1',
      sourceAddress: '0.0.0.0/0',
      destinationAddress: '172.17.0.0/16',
      nexthopType: 'peerConn',
      nexthopId: 'qpif-1',
    } as const;

    await createRouteRule(server.current.client(), rule);
    await createRouteRule(server.current.client(), { ...rule, description: '', ipVersion: 4 });

    expect(server.current.requests[0]?.body).toEqual(rule);
    expect(server.current.requests[1]?.body).toEqual({ ...rule, description: '', ipVersion: '4' });
  });

  it('update sends only the fields given, never routeRuleId or clientToken in the body (Go/Java do)', async () => {
    await updateRouteRule(server.current.client(), { routeRuleId: 'rr-1', nexthopId: 'qpif-2', clientToken: 'tok' });

    const [sent] = server.current.requests;
    expect(sent?.body).toEqual({ nexthopId: 'qpif-2' });
    expect(sent?.query).toEqual({ clientToken: 'tok' });
  });

  it('getRouteTable and listRouteRules send the one id they are given', async () => {
    await getRouteTable(server.current.client(), { routeTableId: 'rt-1' });
    await listRouteRules(server.current.client(), { vpcId: 'vpc-1', maxKeys: 5 });

    expect(server.current.requests.map((r) => r.query)).toEqual([
      { routeTableId: 'rt-1' },
      { vpcId: 'vpc-1', maxKeys: '5' },
    ]);
  });
});
