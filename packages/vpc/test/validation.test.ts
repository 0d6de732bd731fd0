// Every input rule of @bcekit/vpc: a bad input rejects with a BceValidationError naming the field and the fix, and
// nothing is sent (a recording client sees no request).
import { isIPv4, isIPv6 } from 'node:net';
import { BceValidationError } from '@bcekit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRecordingClient } from '../../../scripts/test-helpers/recording-client.ts';
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
import { cidrVersion } from '../src/schemas/cidr.ts';

type Input = Record<string, unknown>;
type Op = (client: ReturnType<typeof createRecordingClient>['client'], input: Input) => Promise<unknown>;

const drain = async (pages: AsyncIterable<unknown>) => {
  for await (const _ of pages);
};
const ops: Record<string, Op> = {
  listVpcs: (c, i) => listVpcs(c, i as never),
  getVpc: (c, i) => getVpc(c, i as never),
  listSubnets: (c, i) => listSubnets(c, i as never),
  getSubnet: (c, i) => getSubnet(c, i as never),
  getRouteTable: (c, i) => getRouteTable(c, i as never),
  listRouteRules: (c, i) => listRouteRules(c, i as never),
  createRouteRule: (c, i) => createRouteRule(c, i as never),
  updateRouteRule: (c, i) => updateRouteRule(c, i as never),
  deleteRouteRule: (c, i) => deleteRouteRule(c, i as never),
  switchRouteRuleHa: (c, i) => switchRouteRuleHa(c, i as never),
  paginateVpcs: (c, i) => drain(paginateVpcs(c, i as never)),
  paginateSubnets: (c, i) => drain(paginateSubnets(c, i as never)),
  paginateRouteRules: (c, i) => drain(paginateRouteRules(c, i as never)),
};

const rule = {
  routeTableId: 'rt-1',
  sourceAddress: '192.168.1.0/24',
  destinationAddress: '172.17.0.0/16',
  nexthopType: 'peerConn',
  nexthopId: 'qpif-1',
};
const { nexthopType: _t, nexthopId: _i, ...ruleWithoutHop } = rule;
const hops = [{ nexthopType: 'dcGateway', nexthopId: 'dcgw-1', pathType: 'ecmp' }];
const ID = 'must be a non-empty id without "/"';
const CIDR = 'must be an IPv4 or IPv6 CIDR block such as "192.168.0.0/16" or "2400:da00::/32"';
const TYPES =
  'must be one of custom, vpn, nat, dcGateway, peerConn, ipv6gateway, enic, havip, defaultGateway (case-sensitive)';
const NO_HOP = 'is required: give nexthopType and nexthopId, or nextHopList';
const NO_ID = 'is required with this nexthopType (peerConn: the localIfId, qpif-…)';
const TOKEN = 'must be 1 to 64 printable ASCII characters';

// [operation, what is wrong, input, path, message (exact, after "<op>: <path> ")]
const rules: [string, string, Input, string, string][] = [
  ['listVpcs', 'maxKeys 0', { maxKeys: 0 }, 'maxKeys', 'must be an integer from 1 to 1000 (got 0)'],
  ['listVpcs', 'maxKeys 1001', { maxKeys: 1001 }, 'maxKeys', 'must be an integer from 1 to 1000 (got 1001)'],
  ['listVpcs', 'maxKeys as a string', { maxKeys: '5' }, 'maxKeys', 'must be an integer from 1 to 1000 (got "5")'],
  ['listVpcs', 'isDefault as a string', { isDefault: 'True' }, 'isDefault', 'must be true or false (got "True")'],
  [
    'listVpcs',
    'vpcIds empty',
    { vpcIds: [] },
    'vpcIds',
    'must hold at least one id (leave it out to list all) (got an array)',
  ],
  [
    'listVpcs',
    'vpcIds as a string',
    { vpcIds: 'vpc-a,vpc-b' },
    'vpcIds',
    'must be an array of ids (got "vpc-a,vpc-b")',
  ],
  [
    'listVpcs',
    'a vpcId with a comma',
    { vpcIds: ['vpc-a,vpc-b'] },
    'vpcIds[0]',
    'must not contain "," (ids are sent comma-joined) (got "vpc-a,vpc-b")',
  ],
  ['listVpcs', 'an empty vpcId', { vpcIds: ['vpc-a', ''] }, 'vpcIds[1]', `${ID} (got "")`],
  [
    'listVpcs',
    'marker as a number',
    { marker: 5 },
    'marker',
    'must be a string (a nextMarker from a previous page) (got 5)',
  ],
  ['getVpc', 'vpcId missing', {}, 'vpcId', 'is required'],
  ['getVpc', 'vpcId empty', { vpcId: '' }, 'vpcId', `${ID} (got "")`],
  ['getVpc', 'vpcId with a slash', { vpcId: 'vpc-a/b' }, 'vpcId', `${ID} (got "vpc-a/b")`],
  ['getVpc', 'vpcId ..', { vpcId: '..' }, 'vpcId', `${ID} (got "..")`],
  ['listSubnets', 'vpcId with a slash', { vpcId: 'a/b' }, 'vpcId', `${ID} (got "a/b")`],
  ['listSubnets', 'zoneName empty', { zoneName: '' }, 'zoneName', 'must be 1 to 256 characters (got "")'],
  ['listSubnets', 'subnetType a number', { subnetType: 1 }, 'subnetType', 'must be a non-empty string (got 1)'],
  [
    'listSubnets',
    'subnetIds empty',
    { subnetIds: [] },
    'subnetIds',
    'must hold at least one id (leave it out to list all) (got an array)',
  ],
  ['listSubnets', 'maxKeys 1.5', { maxKeys: 1.5 }, 'maxKeys', 'must be an integer from 1 to 1000 (got 1.5)'],
  ['getSubnet', 'subnetId missing', {}, 'subnetId', 'is required'],
  ['getSubnet', 'subnetId empty', { subnetId: '' }, 'subnetId', `${ID} (got "")`],
  ['getRouteTable', 'neither id', {}, 'vpcId', 'is required: give vpcId or routeTableId (one of them)'],
  [
    'getRouteTable',
    'both ids',
    { vpcId: 'vpc-a', routeTableId: 'rt-a' },
    'routeTableId',
    'cannot be given with vpcId: give one of them (got "rt-a")',
  ],
  ['getRouteTable', 'an empty vpcId', { vpcId: '' }, 'vpcId', `${ID} (got "")`],
  ['listRouteRules', 'neither id', { maxKeys: 10 }, 'vpcId', 'is required: give vpcId or routeTableId (one of them)'],
  [
    'listRouteRules',
    'both ids',
    { vpcId: 'vpc-a', routeTableId: 'rt-a' },
    'routeTableId',
    'cannot be given with vpcId: give one of them (got "rt-a")',
  ],
  [
    'listRouteRules',
    'maxKeys 0',
    { routeTableId: 'rt-a', maxKeys: 0 },
    'maxKeys',
    'must be an integer from 1 to 1000 (got 0)',
  ],
  ['paginateVpcs', 'maxKeys 0', { maxKeys: 0 }, 'maxKeys', 'must be an integer from 1 to 1000 (got 0)'],
  [
    'paginateSubnets',
    'subnetIds empty',
    { subnetIds: [] },
    'subnetIds',
    'must hold at least one id (leave it out to list all) (got an array)',
  ],
  ['paginateRouteRules', 'neither id', {}, 'vpcId', 'is required: give vpcId or routeTableId (one of them)'],
  ['createRouteRule', 'routeTableId missing', { ...rule, routeTableId: undefined }, 'routeTableId', 'is required'],
  [
    'createRouteRule',
    'a source without prefix',
    { ...rule, sourceAddress: '192.168.1.0' },
    'sourceAddress',
    `${CIDR} (got "192.168.1.0")`,
  ],
  [
    'createRouteRule',
    'a source octet > 255',
    { ...rule, sourceAddress: '192.168.256.0/24' },
    'sourceAddress',
    `${CIDR} (got "192.168.256.0/24")`,
  ],
  [
    'createRouteRule',
    'a destination prefix > 32',
    { ...rule, destinationAddress: '10.0.0.0/33' },
    'destinationAddress',
    `${CIDR} (got "10.0.0.0/33")`,
  ],
  [
    'createRouteRule',
    'a destination that is an id',
    { ...rule, destinationAddress: 'vpc-b' },
    'destinationAddress',
    `${CIDR} (got "vpc-b")`,
  ],
  [
    'createRouteRule',
    'an IPv6 prefix > 128',
    { ...rule, sourceAddress: '2400:da00::/129', destinationAddress: '::/0' },
    'sourceAddress',
    `${CIDR} (got "2400:da00::/129")`,
  ],
  [
    'createRouteRule',
    'a lower-case peerconn type',
    { ...rule, nexthopType: 'peerconn' },
    'nexthopType',
    `${TYPES} (got "peerconn")`,
  ],
  ['createRouteRule', 'no next hop at all', ruleWithoutHop, 'nexthopType', NO_HOP],
  [
    'createRouteRule',
    'a single path and a nextHopList',
    { ...rule, nextHopList: hops },
    'nextHopList',
    'cannot be combined with nexthopType/nexthopId (got an array)',
  ],
  [
    'createRouteRule',
    'nexthopId without nexthopType',
    { ...ruleWithoutHop, nexthopId: 'qpif-1' },
    'nexthopType',
    NO_HOP,
  ],
  ['createRouteRule', 'peerConn without nexthopId', { ...ruleWithoutHop, nexthopType: 'peerConn' }, 'nexthopId', NO_ID],
  ['createRouteRule', 'peerConn with an empty nexthopId', { ...rule, nexthopId: '' }, 'nexthopId', `${NO_ID} (got "")`],
  [
    'createRouteRule',
    'an empty nextHopList',
    { ...ruleWithoutHop, nextHopList: [] },
    'nextHopList',
    'must hold at least one next hop (got an array)',
  ],
  [
    'createRouteRule',
    'a next hop that is not a dedicated gateway',
    { ...ruleWithoutHop, nextHopList: [{ ...hops[0], nexthopType: 'nat' }] },
    'nextHopList[0].nexthopType',
    'must be "dcGateway" (multi-path rules go through dedicated gateways) (got "nat")',
  ],
  [
    'createRouteRule',
    'a next hop with an unknown pathType',
    { ...ruleWithoutHop, nextHopList: [{ ...hops[0], pathType: 'normal' }] },
    'nextHopList[0].pathType',
    'must be "ecmp", "ha:active" or "ha:standby" (got "normal")',
  ],
  [
    'createRouteRule',
    'a description of 201 characters',
    { ...rule, description: 'd'.repeat(201) },
    'description',
    `must be at most 200 characters (got "${'d'.repeat(40)}…")`,
  ],
  ['createRouteRule', 'ipVersion 5', { ...rule, ipVersion: 5 }, 'ipVersion', 'must be 4 or 6 (got 5)'],
  ['createRouteRule', 'ipVersion as a string', { ...rule, ipVersion: '4' }, 'ipVersion', 'must be 4 or 6 (got "4")'],
  [
    'createRouteRule',
    'ipVersion 6 with IPv4 blocks',
    { ...rule, ipVersion: 6 },
    'ipVersion',
    'does not match the addresses (got 6)',
  ],
  [
    'createRouteRule',
    'an IPv4 source and an IPv6 destination',
    { ...rule, destinationAddress: '2400:da00::/32' },
    'destinationAddress',
    'must be of the IP version of sourceAddress (got "2400:da00::/32")',
  ],
  [
    'createRouteRule',
    'a clientToken of 65 characters',
    { ...rule, clientToken: 't'.repeat(65) },
    'clientToken',
    `${TOKEN} (got "${'t'.repeat(40)}…")`,
  ],
  [
    'createRouteRule',
    'a non-ASCII clientToken',
    { ...rule, clientToken: 'tökén' },
    'clientToken',
    `${TOKEN} (got "tökén")`,
  ],
  [
    'updateRouteRule',
    'nothing to change',
    { routeRuleId: 'rr-1', clientToken: 't' },
    '',
    'nothing to change: give at least one of sourceAddress, destinationAddress, nexthopType, nexthopId, description',
  ],
  ['updateRouteRule', 'routeRuleId empty', { routeRuleId: '', description: 'x' }, 'routeRuleId', `${ID} (got "")`],
  [
    'updateRouteRule',
    'a source that is not a CIDR',
    { routeRuleId: 'rr-1', sourceAddress: '10.0.0.0/8/8' },
    'sourceAddress',
    `${CIDR} (got "10.0.0.0/8/8")`,
  ],
  ['updateRouteRule', 'an empty nexthopId', { routeRuleId: 'rr-1', nexthopId: '' }, 'nexthopId', `${ID} (got "")`],
  [
    'updateRouteRule',
    'an unknown nexthopType',
    { routeRuleId: 'rr-1', nexthopType: 'gateway' },
    'nexthopType',
    `${TYPES} (got "gateway")`,
  ],
  ['deleteRouteRule', 'routeRuleId missing', {}, 'routeRuleId', 'is required'],
  ['deleteRouteRule', 'routeRuleId with a slash', { routeRuleId: 'rr-1/..' }, 'routeRuleId', `${ID} (got "rr-1/..")`],
  [
    'deleteRouteRule',
    'an empty clientToken',
    { routeRuleId: 'rr-1', clientToken: '' },
    'clientToken',
    `${TOKEN} (got "")`,
  ],
  [
    'switchRouteRuleHa',
    'routeRuleId empty (a sys rule has none)',
    { routeRuleId: '' },
    'routeRuleId',
    `${ID} (got "")`,
  ],
  [
    'switchRouteRuleHa',
    'a clientToken with a newline',
    { routeRuleId: 'rr-1', clientToken: 'a\nb' },
    'clientToken',
    `${TOKEN} (got "a\\nb")`,
  ],
];

describe('input rules (nothing is sent)', () => {
  it.each(rules)('%s rejects %s', async (operation, _what, input, path, message) => {
    const { client, sent } = createRecordingClient();

    const error = await ops[operation]!(client, input).catch((reason: unknown) => reason);

    expect(error).toBeInstanceOf(BceValidationError);
    expect((error as BceValidationError).issues).toEqual([{ path, message }]);
    expect((error as Error).message).toBe(`${operation}: ${path ? `${path} ` : ''}${message}`);
    expect(sent).toHaveLength(0);
  });

  it.each(Object.keys(ops))('%s rejects an input that is not an object', async (operation) => {
    const { client, sent } = createRecordingClient();

    const error = await ops[operation]!(client, null as never).catch((reason: unknown) => reason);

    expect(error).toBeInstanceOf(BceValidationError);
    expect((error as BceValidationError).issues).toEqual([{ path: '', message: 'input must be an object (got null)' }]);
    expect(sent).toHaveLength(0);
  });

  it('accepts what the rules allow: a defaultGateway without nexthopId, IPv6 rules, a multi-path rule', async () => {
    const { client, sent } = createRecordingClient(() => ({ routeRuleId: 'rr-1' }));

    await createRouteRule(client, { ...ruleWithoutHop, nexthopType: 'defaultGateway', nexthopId: '' });
    await createRouteRule(client, {
      ...rule,
      nexthopType: 'peerConn',
      sourceAddress: '::/0',
      destinationAddress: '2400:da00:1::/48',
      ipVersion: 6,
    });
    await createRouteRule(client, { ...ruleWithoutHop, nextHopList: hops as never });

    expect(sent).toHaveLength(3);
    expect(sent[1]?.body).toMatchObject({ ipVersion: '6' });
  });
});

describe('CIDR notation', () => {
  // node:net is the oracle for the address part; the prefix must be 0..32 (IPv4) or 0..128 (IPv6).
  const oracle = (address: string, prefix: number) =>
    isIPv4(address) && prefix <= 32 ? 4 : isIPv6(address) && prefix <= 128 ? 6 : undefined;
  // Strings of address characters only reach the URL parser: '.', '1.2.3', '0.0.0.0.', '::1.2.3' and the like.
  const addressChars = fc.string({ unit: fc.constantFrom(...'0123456789.:abcdefxABCDEF'), maxLength: 45 });
  const address = fc.oneof(
    fc.ipV4(),
    fc.ipV6(),
    fc.ipV4Extended(),
    addressChars,
    fc.string({ maxLength: 20 }),
    fc.domain(),
  );

  it('agrees with node:net on every address, for every prefix length', () => {
    fc.assert(
      fc.property(
        address.filter((a) => !a.includes('/') && !a.includes('%')),
        fc.integer({ min: 0, max: 140 }),
        (a, prefix) => {
          expect(cidrVersion(`${a}/${prefix}`)).toBe(oracle(a, prefix));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it.each([
    '10.0.0.0',
    '10.0.0.0/',
    '10.0.0.0/08',
    '10.0.0.0/-1',
    '10.0.0.0/8 ',
    ' 10.0.0.0/8',
    '01.0.0.0/8',
    './8',
    '1.2.3/8',
    '1.2.3.4./8',
    '::1::/64',
    '/8',
  ])('rejects %j', (cidr) => {
    expect(cidrVersion(cidr)).toBeUndefined();
  });
});
