import { readFileSync } from 'node:fs';
import type { BceClient } from '@bcekit/core';
import { createEmulator } from '@bcekit/emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Started, startEmulator } from './helpers.ts';
import { alice, bob, call, refusal } from './vpc-helpers.ts';

const capture = JSON.parse(
  readFileSync(new URL('./fixtures/python-sdk-vpc-requests.json', import.meta.url), 'utf8'),
) as { calls: { operation: string; response: { body: string } }[] };
const captured = (operation: string) =>
  JSON.parse(capture.calls.find((c) => c.operation === operation)!.response.body) as Record<string, unknown>;
const keys = (value: unknown) => Object.keys(value as object).sort();

let env: Started;
let asAlice: BceClient;
let asBob: BceClient;
beforeEach(async () => {
  env = await startEmulator();
  asAlice = env.client(alice);
  asBob = env.client(bob);
});
afterEach(() => env.close());

describe('GET /v1/vpc', () => {
  it("lists only the caller's VPCs, in creation order, with their CIDRs", async () => {
    const mine = await call(asAlice, 'GET', '/v1/vpc');
    const theirs = await call(asBob, 'GET', '/v1/vpc');

    expect(mine.status).toBe(200);
    expect((mine.body['vpcs'] as { vpcId: string; cidr: string }[]).map((v) => [v.vpcId, v.cidr])).toEqual(
      alice.vpcs.map((v) => [v.vpcId, v.cidr]),
    );
    expect((theirs.body['vpcs'] as { vpcId: string }[]).map((v) => v.vpcId)).toEqual(bob.vpcs.map((v) => v.vpcId));
    expect(mine.body).toMatchObject({ marker: 'vpc-alicebj00001', isTruncated: false, maxKeys: 1000 });
    expect(mine.body).not.toHaveProperty('nextMarker');
  });

  it('answers the fields and shapes the service answers (the Python capture)', async () => {
    const { body } = await call(asAlice, 'GET', '/v1/vpc?maxKeys=1');
    const wanted = captured('list_vpcs');

    expect(keys(body)).toEqual(keys(wanted));
    expect(keys((body['vpcs'] as unknown[])[0])).toEqual(keys((wanted['vpcs'] as unknown[])[0]));
    expect((body['vpcs'] as { createdTime: string }[])[0]!.createdTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('pages with marker and maxKeys: nextMarker only while truncated, the marker is the first item', async () => {
    const first = await call(asAlice, 'GET', '/v1/vpc?maxKeys=3');
    const second = await call(asAlice, 'GET', `/v1/vpc?maxKeys=3&marker=${first.body['nextMarker']}`);

    expect(first.body).toMatchObject({ isTruncated: true, maxKeys: 3, nextMarker: 'vpc-alicesu00001' });
    expect(second.body).toMatchObject({ marker: 'vpc-alicesu00001', isTruncated: false, maxKeys: 3 });
    expect(second.body['vpcs']).toHaveLength(1);
    expect(second.body).not.toHaveProperty('nextMarker');
  });

  it('refuses maxKeys outside 1..1000 and a marker that is not one of its own', async () => {
    for (const maxKeys of ['0', '1001', 'ten', '2.5']) {
      expect(await refusal(asAlice, 'GET', `/v1/vpc?maxKeys=${maxKeys}`)).toBe('400 InvalidParameterValue');
    }
    expect((await call(asAlice, 'GET', '/v1/vpc?maxKeys=1000')).status).toBe(200);
    expect(await refusal(asAlice, 'GET', '/v1/vpc?marker=vpc-bobbj000001')).toBe('400 InvalidParameterValue');
    expect(await refusal(asAlice, 'GET', '/v1/vpc?marker=sbn-alicebj1a01')).toBe('400 InvalidParameterValue');
  });

  it('filters by isDefault (any case, as Python sends True) and by vpcIds', async () => {
    const vpc = env.emulator.addVpc({ accountId: alice.accountId, region: 'bj', isDefault: true });

    const defaults = await call(asAlice, 'GET', '/v1/vpc?isDefault=True');
    const others = await call(asAlice, 'GET', '/v1/vpc?isDefault=false');
    const picked = await call(asAlice, 'GET', '/v1/vpc?vpcIds=vpc-alicegz00001%2Cvpc-bobbj000001');

    expect((defaults.body['vpcs'] as { vpcId: string }[]).map((v) => v.vpcId)).toEqual([vpc.vpcId]);
    expect(others.body['vpcs']).toHaveLength(4);
    expect((picked.body['vpcs'] as { vpcId: string }[]).map((v) => v.vpcId)).toEqual(['vpc-alicegz00001']);
    expect(await refusal(asAlice, 'GET', '/v1/vpc?isDefault=yes')).toBe('400 InvalidParameterValue');
  });

  it('serves one region on bcc.{region}.baidubce.com and every region on other hosts', async () => {
    const emulator = createEmulator();
    const { createClient } = await import('@bcekit/core');
    const inGz = createClient({ region: 'gz', fetch: emulator.fetch, credentials: alice });

    const { body } = await call(inGz, 'GET', '/v1/vpc');

    expect((body['vpcs'] as { vpcId: string }[]).map((v) => v.vpcId)).toEqual(['vpc-alicegz00001']);
    expect(await refusal(inGz, 'GET', '/v1/vpc/vpc-alicebj00001')).toBe('404 NoSuchObject');
  });
});

describe('GET /v1/vpc/{vpcId}', () => {
  it('shows the VPC with relay and its subnets, in the captured shape', async () => {
    const { status, body } = await call(asAlice, 'GET', '/v1/vpc/vpc-alicebj00001');
    const wanted = captured('get_vpc')['vpc'] as Record<string, unknown>;
    const vpc = body['vpc'] as Record<string, unknown>;

    expect(status).toBe(200);
    expect(keys(body)).toEqual(['vpc']);
    expect(keys(vpc)).toEqual(keys(wanted));
    expect(vpc).toMatchObject({ vpcId: 'vpc-alicebj00001', cidr: '192.168.0.0/16', relay: false, isDefault: false });
    expect((vpc['subnets'] as { subnetId: string }[]).map((s) => s.subnetId)).toEqual([
      'sbn-alicebj1a01',
      'sbn-alicebj1b01',
    ]);
  });

  it("another account's VPC is not found, and neither is an unknown or empty id", async () => {
    expect(await refusal(asBob, 'GET', '/v1/vpc/vpc-alicebj00001')).toBe('404 NoSuchObject');
    expect(await refusal(asAlice, 'GET', '/v1/vpc/vpc-nothere0001')).toBe('404 NoSuchObject');
    expect(await refusal(asAlice, 'GET', '/v1/vpc/')).toBe('400 InvalidURI');
    expect(await refusal(asAlice, 'POST', '/v1/vpc', {})).toBe('405 MethodNotAllowed');
  });
});

describe('GET /v1/subnet and /v1/subnet/{subnetId}', () => {
  it("lists the caller's subnets, filtered by vpcId, zoneName, subnetType and subnetIds", async () => {
    const all = await call(asAlice, 'GET', '/v1/subnet');
    const inVpc = await call(asAlice, 'GET', '/v1/subnet?vpcId=vpc-alicebj00001&zoneName=cn-bj-b&subnetType=BCC');
    const byIds = await call(asAlice, 'GET', '/v1/subnet?subnetIds=sbn-alicegz1a01,sbn-bobbj1a0001');
    const foreign = await call(asAlice, 'GET', '/v1/subnet?vpcId=vpc-bobbj000001');
    const ids = (body: Record<string, unknown>) => (body['subnets'] as { subnetId: string }[]).map((s) => s.subnetId);

    expect(ids(all.body)).toEqual(alice.vpcs.flatMap((v) => v.subnets.map((s) => s.subnetId)));
    expect(ids(inVpc.body)).toEqual(['sbn-alicebj1b01']);
    expect(ids(byIds.body)).toEqual(['sbn-alicegz1a01']);
    expect(ids(foreign.body)).toEqual([]);
    expect(foreign.body).toEqual({ isTruncated: false, maxKeys: 1000, subnets: [] });
  });

  it('shows one subnet in the captured shape; free addresses follow the block size', async () => {
    const { body } = await call(asAlice, 'GET', '/v1/subnet/sbn-alicebj1a01');
    const wanted = captured('get_subnet')['subnet'] as Record<string, unknown>;

    expect(keys(body['subnet'])).toEqual(keys(wanted));
    expect(body['subnet']).toMatchObject({
      subnetId: 'sbn-alicebj1a01',
      vpcId: 'vpc-alicebj00001',
      zoneName: 'cn-bj-a',
      cidr: '192.168.1.0/24',
      subnetType: 'BCC',
      availableIp: 250,
    });
    expect(await refusal(asBob, 'GET', '/v1/subnet/sbn-alicebj1a01')).toBe('404 NoSuchObject');
  });
});

describe('addVpc and addSubnet', () => {
  it('give each added VPC its own block and route table, and keep subnets inside and apart', () => {
    const a = env.emulator.addVpc({ accountId: alice.accountId, region: 'bj' });
    const b = env.emulator.addVpc({ accountId: alice.accountId, region: 'bj' });
    const c = env.emulator.addVpc({ accountId: alice.accountId, region: 'bj', cidr: '10.200.0.0/16' });
    const subnet = env.emulator.addSubnet({ vpcId: c.vpcId, cidr: '10.200.3.0/24', zoneName: 'cn-bj-c' });

    expect(a.cidr).not.toBe(b.cidr);
    expect(a.routeTableId).toMatch(/^rt-/);
    expect(a.routeTableId).not.toBe(b.routeTableId);
    expect(subnet).toMatchObject({ vpcId: c.vpcId, accountId: alice.accountId, zoneName: 'cn-bj-c' });
    expect(() => env.emulator.addSubnet({ vpcId: c.vpcId, cidr: '10.201.0.0/24' })).toThrow('is not inside VPC');
    expect(() => env.emulator.addSubnet({ vpcId: c.vpcId, cidr: '10.200.3.128/25' })).toThrow('overlaps subnet');
    expect(() => env.emulator.addSubnet({ vpcId: c.vpcId, cidr: '10.200.4.1/24' })).toThrow('IPv4 block');
    expect(() => env.emulator.addVpc({ accountId: alice.accountId, region: 'bj', cidr: '300.0.0.0/8' })).toThrow(
      'IPv4 block',
    );
    expect(() => env.emulator.addVpc({ accountId: alice.accountId, region: 'bj', vpcId: a.vpcId })).toThrow(
      'already used',
    );
    expect(env.emulator.state().subnets.map((s) => s.subnetId)).toContain(subnet.subnetId);
  });
});
