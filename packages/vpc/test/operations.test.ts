// Every operation of @bcekit/vpc against a capture server on 127.0.0.1: the request it sends, what it returns, and
// that a service error arrives as a BceServiceError. Wire equality with Python's clients is in wire-compat.test.ts;
// the input rules are in validation.test.ts.
import { type BceClient, BceError, BceServiceError, createClient } from '@bcekit/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { serviceError, TEST_CREDENTIALS, useCaptureServer } from '../../../scripts/test-helpers/capture-server.ts';
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

const server = useCaptureServer();
let retrying: BceClient | undefined;
const client = () => retrying ?? server.current.client();
beforeEach(() => {
  retrying = undefined;
});

const peerRule = {
  routeTableId: 'rt-4fa7kd9qm1xs',
  sourceAddress: '192.168.1.0/24',
  destinationAddress: '172.17.0.0/16',
  nexthopType: 'peerConn',
  nexthopId: 'qpif-4n2nm1pwchhz',
} as const;

interface Case {
  name: string;
  call: () => Promise<unknown>;
  method: string;
  path: string;
  /** The query without clientToken. */
  query: Record<string, string>;
  body?: unknown;
  mutating: boolean;
  reply: unknown;
  output: unknown;
}

const vpc = { vpcId: 'vpc-a', name: 'a', cidr: '192.168.0.0/16', isDefault: false, future: 1 };
const subnet = { subnetId: 'sbn-a', name: 'a', zoneName: 'cn-bj-d', cidr: '192.168.1.0/24', vpcId: 'vpc-a' };
const rule = { ...peerRule, routeRuleId: 'rr-a', description: '', pathType: 'normal' };
const page = { marker: 'x', isTruncated: true, nextMarker: 'y', maxKeys: 1 };

const cases: Case[] = [
  {
    name: 'listVpcs',
    call: () => listVpcs(client(), { maxKeys: 1, isDefault: false, vpcIds: ['vpc-a'], marker: 'x' }),
    method: 'GET',
    path: '/v1/vpc',
    query: { marker: 'x', maxKeys: '1', isDefault: 'false', vpcIds: 'vpc-a' },
    mutating: false,
    reply: { ...page, vpcs: [vpc] },
    output: { ...page, vpcs: [vpc] },
  },
  {
    name: 'getVpc',
    call: () => getVpc(client(), { vpcId: 'vpc-a' }),
    method: 'GET',
    path: '/v1/vpc/vpc-a',
    query: {},
    mutating: false,
    reply: { vpc: { ...vpc, subnets: [subnet] } },
    output: { ...vpc, subnets: [subnet] },
  },
  {
    name: 'listSubnets',
    call: () => listSubnets(client(), { vpcId: 'vpc-a', zoneName: 'cn-bj-d', subnetType: 'BCC', subnetIds: ['sbn-a'] }),
    method: 'GET',
    path: '/v1/subnet',
    query: { vpcId: 'vpc-a', zoneName: 'cn-bj-d', subnetType: 'BCC', subnetIds: 'sbn-a' },
    mutating: false,
    reply: { ...page, subnets: [subnet] },
    output: { ...page, subnets: [subnet] },
  },
  {
    name: 'getSubnet',
    call: () => getSubnet(client(), { subnetId: 'sbn-a' }),
    method: 'GET',
    path: '/v1/subnet/sbn-a',
    query: {},
    mutating: false,
    reply: { subnet },
    output: subnet,
  },
  {
    name: 'getRouteTable',
    call: () => getRouteTable(client(), { vpcId: 'vpc-a' }),
    method: 'GET',
    path: '/v1/route',
    query: { vpcId: 'vpc-a' },
    mutating: false,
    reply: { routeTableId: 'rt-a', vpcId: 'vpc-a', routeRules: [rule] },
    output: { routeTableId: 'rt-a', vpcId: 'vpc-a', routeRules: [rule] },
  },
  {
    name: 'listRouteRules',
    call: () => listRouteRules(client(), { routeTableId: 'rt-a', maxKeys: 1, marker: 'x' }),
    method: 'GET',
    path: '/v1/route/rule',
    query: { routeTableId: 'rt-a', maxKeys: '1', marker: 'x' },
    mutating: false,
    reply: { ...page, routeRules: [rule] },
    output: { ...page, routeRules: [rule] },
  },
  {
    name: 'createRouteRule',
    call: () => createRouteRule(client(), peerRule),
    method: 'POST',
    path: '/v1/route/rule',
    query: {},
    body: peerRule,
    mutating: true,
    reply: { routeRuleId: 'rr-a' },
    output: { routeRuleId: 'rr-a', routeRuleIds: ['rr-a'] },
  },
  {
    name: 'updateRouteRule',
    call: () => updateRouteRule(client(), { routeRuleId: 'rr-a', description: 'to b', sourceAddress: '0.0.0.0/0' }),
    method: 'PUT',
    path: '/v1/route/rule/rr-a',
    query: {},
    body: { description: 'to b', sourceAddress: '0.0.0.0/0' },
    mutating: true,
    reply: {},
    output: {}, // { $metadata } alone
  },
  {
    name: 'deleteRouteRule',
    call: () => deleteRouteRule(client(), { routeRuleId: 'rr-a' }),
    method: 'DELETE',
    path: '/v1/route/rule/rr-a',
    query: {},
    mutating: true,
    reply: {},
    output: {}, // { $metadata } alone
  },
  {
    name: 'switchRouteRuleHa',
    call: () => switchRouteRuleHa(client(), { routeRuleId: 'rr-a' }),
    method: 'PUT',
    path: '/v1/route/rule/rr-a',
    query: { switchRouteHA: '' },
    mutating: true,
    reply: {},
    output: {}, // { $metadata } alone
  },
];

describe.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  it(`sends ${c.method} ${c.path} and returns what the service answered`, async () => {
    server.current.respond({ body: c.reply });

    const output = await c.call();

    expect(server.current.requests).toHaveLength(1);
    const [sent] = server.current.requests;
    expect(sent?.method).toBe(c.method);
    expect(sent?.path).toBe(c.path);
    const { clientToken, ...query } = sent?.query ?? {};
    expect(query).toEqual(c.query);
    if (c.mutating) expect(clientToken).toMatch(UUID_V4);
    else expect(clientToken).toBeUndefined();
    expect(sent?.body).toEqual(c.body);
    expect(withoutMetadata(output)).toEqual(c.output);
  });

  it('rejects a service error as a BceServiceError with its code, status and request id', async () => {
    server.current.respond(serviceError(400, 'InvalidParameterValue'));

    const error = await c.call().catch((reason: unknown) => reason);

    expect(error).toBeInstanceOf(BceServiceError);
    expect(error).toMatchObject({ statusCode: 400, code: 'InvalidParameterValue', operation: c.name });
    expect((error as BceServiceError).requestId).toBe('c4abab14-0000-4000-8000-000000000001');
  });
});

describe('clientToken of the route-rule changes', () => {
  const mutations = [
    ['createRouteRule', (token?: string) => createRouteRule(client(), { ...peerRule, clientToken: token })],
    [
      'updateRouteRule',
      (token?: string) => updateRouteRule(client(), { routeRuleId: 'rr-a', nexthopId: 'qpif-b', clientToken: token }),
    ],
    ['deleteRouteRule', (token?: string) => deleteRouteRule(client(), { routeRuleId: 'rr-a', clientToken: token })],
    ['switchRouteRuleHa', (token?: string) => switchRouteRuleHa(client(), { routeRuleId: 'rr-a', clientToken: token })],
  ] as const;

  it.each(mutations)('%s sends the given token, and one fresh token per call otherwise', async (_name, call) => {
    server.current.respond({ body: { routeRuleId: 'rr-a' } });

    await call('my-token-1');
    await call();
    await call();

    const tokens = server.current.requests.map((r) => r.query['clientToken']);
    expect(tokens[0]).toBe('my-token-1');
    expect(tokens[1]).toMatch(UUID_V4);
    expect(tokens[2]).toMatch(UUID_V4);
    expect(tokens[1]).not.toBe(tokens[2]);
  });

  it.each(mutations)('%s sends the same token on a retry', async (_name, call) => {
    server.current.respond((_request, index) =>
      index === 0 ? serviceError(503, 'ServiceUnavailable') : { body: { routeRuleId: 'rr-a' } },
    );
    retrying = createClient({
      endpoint: server.current.url,
      credentials: TEST_CREDENTIALS,
      retry: { limit: 1, baseDelay: 1 },
    });

    await call();

    const tokens = server.current.requests.map((r) => r.query['clientToken']);
    expect(tokens).toHaveLength(2);
    expect(tokens[0]).toMatch(UUID_V4);
    expect(tokens[1]).toBe(tokens[0]);
  });
});

describe('createRouteRule output', () => {
  it('gives every id of a multi-path rule, the first as routeRuleId', async () => {
    server.current.respond({ body: { routeRuleIds: ['rr-1', 'rr-2'] } });

    const output = await createRouteRule(client(), {
      routeTableId: 'rt-a',
      sourceAddress: '192.168.1.0/24',
      destinationAddress: '10.0.0.0/8',
      nextHopList: [
        { nexthopType: 'dcGateway', nexthopId: 'dcgw-1', pathType: 'ha:active' },
        { nexthopType: 'dcGateway', nexthopId: 'dcgw-2', pathType: 'ha:standby' },
      ],
    });

    expect(withoutMetadata(output)).toEqual({ routeRuleId: 'rr-1', routeRuleIds: ['rr-1', 'rr-2'] });
    expect(server.current.requests[0]?.body).toMatchObject({
      nextHopList: [{ nexthopId: 'dcgw-1' }, { nexthopId: 'dcgw-2' }],
    });
    expect(server.current.requests[0]?.body).not.toHaveProperty('nexthopType');
  });

  it('fails with a BceError carrying the clientToken when the service sends no id (the rule may exist)', async () => {
    server.current.respond({ body: {} });

    const error = await createRouteRule(client(), { ...peerRule, clientToken: 'retry-me' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(BceError);
    expect(error).not.toBeInstanceOf(BceServiceError);
    expect(error).toMatchObject({ operation: 'createRouteRule', clientToken: 'retry-me' });
    expect((error as Error).message).toMatch(/without a routeRuleId/);
  });
});

describe('lenient reading', () => {
  it('lists default to [] and page fields to their types when the service leaves them out or sends strings', async () => {
    server.current.respond({ body: { isTruncated: 'true', maxKeys: '5', nextMarker: 'n' } });

    expect(withoutMetadata(await listVpcs(client()))).toEqual({
      vpcs: [],
      marker: '',
      isTruncated: true,
      maxKeys: 5,
      nextMarker: 'n',
    });
    server.current.respond({ body: { vpc: { vpcId: 'vpc-a' } } });
    expect(withoutMetadata(await getVpc(client(), { vpcId: 'vpc-a' }))).toEqual({ vpcId: 'vpc-a', subnets: [] });
    server.current.respond({ body: { routeTableId: 'rt-a' } });
    expect(withoutMetadata(await getRouteTable(client(), { routeTableId: 'rt-a' }))).toEqual({
      routeTableId: 'rt-a',
      routeRules: [],
    });
  });
});
