// The documented service rules the Python SDK run found the emulator not following (issue 12), and the
// behaviours no other test held: each test here fails on the emulator before that change. Raw signed requests
// over real HTTP on 127.0.0.1, so the wire (a key left out, a status, a message) is what is checked.
import { FIXTURE_ACCOUNTS } from '@bcekit/emulator';
import type { BceCredentials } from '@bcekit/signer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Started, signedRequest, startEmulator } from './helpers.ts';

const [alice, bob] = FIXTURE_ACCOUNTS;
const SECOND = 1000;
let env: Started;

beforeEach(async () => {
  env = await startEmulator();
});
afterEach(() => env.close());

/** Sends a signed request to the emulator over HTTP and reads the JSON answer. */
async function call(
  credentials: BceCredentials,
  method: string,
  path: string,
  query: Record<string, string> = {},
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const request = await signedRequest({
    url: `${env.server.url}${path}`,
    method,
    query,
    credentials,
    emptyFlags: true,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const response = await fetch(request);
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

let tokens = 0;
const create = (credentials: BceCredentials, body: Record<string, unknown>) =>
  call(credentials, 'POST', '/v1/peerconn', { clientToken: `t-${++tokens}` }, { bandwidthInMbps: 10, ...body });

async function created(credentials: BceCredentials, body: Record<string, unknown>): Promise<string> {
  const { status, json } = await create(credentials, body);
  expect(status, JSON.stringify(json)).toBe(200);
  env.emulator.clock.advance(10 * SECOND);
  return json['peerConnId'] as string;
}

/** A new account with `count` VPCs in `region`. */
function accountWithVpcs(count: number, region = 'bj') {
  const account = env.emulator.addAccount();
  const vpcs = Array.from({ length: count }, () => env.emulator.addVpc({ accountId: account.accountId, region }).vpcId);
  return { ...account, vpcs };
}

describe('list', () => {
  it('an empty list has no marker key (the service leaves it out)', async () => {
    const { status, json } = await call(alice, 'GET', '/v1/peerconn', { vpcId: 'vpc-alicegz00001' });

    expect(status).toBe(200);
    expect(json).toEqual({ isTruncated: false, maxKeys: 1000, peerConns: [] });
    expect(json).not.toHaveProperty('marker');
  });

  it('a list with items starts its marker at the first one', async () => {
    const id = await created(alice, {
      localVpcId: 'vpc-alicebj00001',
      peerVpcId: 'vpc-alicebj00002',
      peerRegion: 'bj',
    });

    const { json } = await call(alice, 'GET', '/v1/peerconn', { vpcId: 'vpc-alicebj00001' });

    expect(json['marker']).toBe(id);
  });

  it('maxKeys over 1000 (the service limit) is refused; 1000 is accepted', async () => {
    for (const maxKeys of ['1001', '5000']) {
      const { status, json } = await call(alice, 'GET', '/v1/peerconn', { maxKeys });
      expect([status, json['code']], maxKeys).toEqual([400, 'InvalidParameterValue']);
      expect(json['message']).toContain('maxKeys');
    }
    expect((await call(alice, 'GET', '/v1/peerconn', { maxKeys: '1000' })).status).toBe(200);
  });

  it('another account’s id as marker is answered exactly like an id never issued', async () => {
    const bobs = await created(bob, { localVpcId: 'vpc-bobbj000001', peerVpcId: 'vpc-bobgz000001', peerRegion: 'gz' });
    const unknown = 'peerconn-zzzzzzzzzzzz';

    const foreign = await call(alice, 'GET', '/v1/peerconn', { marker: bobs });
    const never = await call(alice, 'GET', '/v1/peerconn', { marker: unknown });

    expect(foreign.status).toBe(never.status);
    const { requestId: _a, ...foreignError } = foreign.json;
    const { requestId: _b, ...neverError } = never.json;
    expect(JSON.parse(JSON.stringify(foreignError).replaceAll(bobs, unknown))).toEqual(neverError);
    expect(neverError['code']).toBe('InvalidParameterValue');
  });

  it('a cross-account connection’s id is a marker for both of its accounts', async () => {
    const id = await created(alice, {
      localVpcId: 'vpc-alicebj00001',
      peerVpcId: 'vpc-bobbj000001',
      peerRegion: 'bj',
      peerAccountId: bob.accountId,
    });

    expect((await call(alice, 'GET', '/v1/peerconn', { marker: id })).status).toBe(200);
    expect((await call(bob, 'GET', '/v1/peerconn', { marker: id })).json['peerConns']).toHaveLength(1);
  });
});

describe('refund is for prepaid connections that are not cross-border', () => {
  it.each([
    ['gz', 'hkg', 'CrossBorderCannotRefund'],
    ['hkg', 'bj', 'CrossBorderCannotRefund'],
    ['hkg', 'sin', 'CrossBorderCannotRefund'],
    ['bj', 'su', null],
  ])('prepaid %s -> %s: %s', async (from, to, code) => {
    const account = env.emulator.addAccount();
    const local = env.emulator.addVpc({ accountId: account.accountId, region: from }).vpcId;
    const peer = env.emulator.addVpc({ accountId: account.accountId, region: to }).vpcId;
    const id = await created(account, {
      localVpcId: local,
      peerVpcId: peer,
      peerRegion: to,
      billing: { paymentTiming: 'Prepaid', reservation: { reservationLength: 1, reservationTimeUnit: 'Month' } },
    });

    const { status, json } = await call(account, 'PUT', `/v1/peerconn/${id}`, { refund: '', clientToken: `r-${id}` });

    const record = env.emulator.state().peerConns.find((r) => r.peerConnId === id);
    if (code) {
      expect([status, json['code']]).toEqual([400, code]);
      expect(json['message']).toContain(id);
      expect(record?.status).toBe('active');
    } else {
      expect(status).toBe(200);
      expect(record?.status).toBe('deleting');
    }
  });
});

describe('10 peer connections per user', () => {
  it('the eleventh connection of an account is QuotaExceeded, naming the account', async () => {
    const account = accountWithVpcs(22);
    for (let i = 0; i < 20; i += 2) {
      await created(account, { localVpcId: account.vpcs[i], peerVpcId: account.vpcs[i + 1], peerRegion: 'bj' });
    }

    const { status, json } = await create(account, {
      localVpcId: account.vpcs[20],
      peerVpcId: account.vpcs[21],
      peerRegion: 'bj',
    });

    expect([status, json['code']]).toEqual([400, 'QuotaExceeded']);
    expect(json['message']).toContain(account.accountId);
    expect(env.emulator.state().counts.peerConns).toBe(10);
  });

  it('the peer account’s connections count too', async () => {
    const peer = accountWithVpcs(21);
    for (let i = 0; i < 20; i += 2) {
      await created(peer, { localVpcId: peer.vpcs[i], peerVpcId: peer.vpcs[i + 1], peerRegion: 'bj' });
    }

    const { status, json } = await create(alice, {
      localVpcId: 'vpc-alicebj00001',
      peerVpcId: peer.vpcs[20],
      peerRegion: 'bj',
      peerAccountId: peer.accountId,
    });

    expect([status, json['code']]).toEqual([400, 'QuotaExceeded']);
    expect(json['message']).toContain(peer.accountId);
  });

  it('is configurable with quotaPerUser, like quotaPerVpc', async () => {
    await env.close();
    env = await startEmulator({ quotaPerUser: 2 });
    const account = accountWithVpcs(6);
    await created(account, { localVpcId: account.vpcs[0], peerVpcId: account.vpcs[1], peerRegion: 'bj' });
    await created(account, { localVpcId: account.vpcs[2], peerVpcId: account.vpcs[3], peerRegion: 'bj' });

    const third = await create(account, { localVpcId: account.vpcs[4], peerVpcId: account.vpcs[5], peerRegion: 'bj' });

    expect(third.json['code']).toBe('QuotaExceeded');
  });
});

describe('handlePeerconn with an unknown action', () => {
  it('is an error naming that action, and changes nothing', async () => {
    const id = await created(alice, {
      localVpcId: 'vpc-alicebj00001',
      peerVpcId: 'vpc-alicebj00002',
      peerRegion: 'bj',
    });

    const { status, json } = await call(alice, 'PUT', `/v1/peerconn/${id}`, { approve: '', clientToken: 'u-1' });

    expect([status, json['code']]).toEqual([400, 'InvalidParameterValue']);
    expect(json['message']).toContain('"approve"');
    expect(env.emulator.state().peerConns.find((r) => r.peerConnId === id)?.status).toBe('active');
  });
});

describe('clientToken idempotency is scoped', () => {
  it('per account: two accounts using the same token each get their own connection', async () => {
    const first = await call(
      alice,
      'POST',
      '/v1/peerconn',
      { clientToken: 'shared-token' },
      { bandwidthInMbps: 10, localVpcId: 'vpc-alicebj00001', peerVpcId: 'vpc-alicebj00002', peerRegion: 'bj' },
    );
    const second = await call(
      bob,
      'POST',
      '/v1/peerconn',
      { clientToken: 'shared-token' },
      { bandwidthInMbps: 10, localVpcId: 'vpc-bobbj000001', peerVpcId: 'vpc-bobgz000001', peerRegion: 'gz' },
    );

    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.json['peerConnId']).not.toBe(first.json['peerConnId']);
    expect(env.emulator.state().counts.peerConns).toBe(2);
  });

  it('per account: the same token and body from another account is not answered from the first one’s result', async () => {
    const body = {
      bandwidthInMbps: 10,
      localVpcId: 'vpc-alicebj00001',
      peerVpcId: 'vpc-alicebj00002',
      peerRegion: 'bj',
    };
    const first = await call(alice, 'POST', '/v1/peerconn', { clientToken: 'same-everything' }, body);

    const replayByBob = await call(bob, 'POST', '/v1/peerconn', { clientToken: 'same-everything' }, body);

    expect(first.status).toBe(200);
    expect(replayByBob.json['code']).toBe('NoSuchVpc'); // evaluated for bob, who owns neither VPC
  });

  it('per operation: one token on a create and then on another operation applies both', async () => {
    const create = await call(
      alice,
      'POST',
      '/v1/peerconn',
      { clientToken: 'one-token' },
      { bandwidthInMbps: 10, localVpcId: 'vpc-alicebj00001', peerVpcId: 'vpc-alicebj00002', peerRegion: 'bj' },
    );
    const id = create.json['peerConnId'] as string;

    const protect = await call(
      alice,
      'PUT',
      `/v1/peerconn/${id}/deleteProtect`,
      { clientToken: 'one-token' },
      { deleteProtect: true },
    );

    expect(protect.status).toBe(200);
    expect(env.emulator.state().peerConns.find((r) => r.peerConnId === id)?.deleteProtect).toBe(true);
  });
});
