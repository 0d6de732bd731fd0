// Baidu's official Python client (`PeerConnClient` of bce-sdk-python 0.9.72, unmodified) against the emulator
// over HTTP on 127.0.0.1: every method, the error paths and the documented rules. What the client sends and
// reads is the reference for the wire; where it has a known quirk (its README), the test names it and expects it.
import { createEmulator, type Emulator, type EmulatorServer } from '@bcekit/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  IN_CI,
  model,
  type PyConfig,
  type PyCredentials,
  type PyResult,
  type PythonSdk,
  pythonProblem,
  serverError,
  startPythonSdk,
} from './harness.ts';

const problem = pythonProblem();
if (problem && !IN_CI) console.warn(`WARNING: skipped the Python SDK tests (${problem})`);

const SECOND = 1000;
const DAY = 86_400 * SECOND;
const billing = (kwargs: Record<string, unknown>) => model('services.vpc.peerconn_model.Billing', kwargs);
const tag = (tagKey: string, tagValue: string) => model('services.bcc.bcc_model.TagModel', { tagKey, tagValue });

let emulator: Emulator;
let server: EmulatorServer;
let py: PythonSdk;

/** A new account (so each test starts from an empty one) with one VPC per listed region. */
function account(...regions: string[]): PyCredentials & { accountId: string; vpcs: string[] } {
  const created = emulator.addAccount();
  const vpcs = regions.map((region) => emulator.addVpc({ accountId: created.accountId, region }).vpcId);
  return { ...created, vpcs };
}

const pc = (who: PyCredentials, method: string, kwargs: Record<string, unknown> = {}, config?: PyConfig) =>
  py.call('peerconn', method, kwargs, who, config);

function attrs(result: PyResult): Record<string, unknown> {
  if (!result.ok) throw new Error(`the call failed: ${JSON.stringify(result.error)}`);
  return result.attrs;
}

/** Creates a connection and lets `creating` settle; returns its id. */
async function created(who: PyCredentials, kwargs: Record<string, unknown>): Promise<string> {
  const id = attrs(await pc(who, 'create_peerconn', { bandwidth_in_mbps: 10, ...kwargs }))['peer_conn_id'] as string;
  emulator.clock.advance(10 * SECOND);
  return id;
}

/** Calls a method that must succeed (the failure's error text shows when it does not). */
async function ok(who: PyCredentials, method: string, kwargs: Record<string, unknown>): Promise<void> {
  const result = await pc(who, method, kwargs);
  expect(result.ok || result.error, method).toBe(true);
}

/** Calls a method that must fail, and returns the service's refusal as "status code". */
async function refusal(who: PyCredentials, method: string, kwargs: Record<string, unknown>): Promise<string> {
  const error = serverError(await pc(who, method, kwargs));
  return `${error.status} ${error.code}`;
}

/** A request from `a`'s VPC `index` to `b`'s (in gz), waiting in `consulting` for `b`; returns its id. */
async function requested(a: ReturnType<typeof account>, b: ReturnType<typeof account>, index = 0): Promise<string> {
  const kwargs = { local_vpc_id: a.vpcs[index], peer_vpc_id: b.vpcs[index], peer_account_id: b.accountId };
  return attrs(await pc(a, 'create_peerconn', { bandwidth_in_mbps: 5, peer_region: 'gz', ...kwargs }))[
    'peer_conn_id'
  ] as string;
}

const view = async (who: PyCredentials, id: string, role?: string) =>
  attrs(await pc(who, 'get_peerconn', role ? { peer_conn_id: id, role } : { peer_conn_id: id }));

describe.skipIf(problem !== null && !IN_CI)('PeerConnClient of bce-sdk-python 0.9.72 against the emulator', () => {
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

  describe('every method', () => {
    it('create_peerconn with every optional field, then get_peerconn reads them back', async () => {
      const a = account('bj', 'bj');
      const id = await created(a, {
        local_vpc_id: a.vpcs[0],
        peer_vpc_id: a.vpcs[1],
        peer_region: 'bj',
        description: 'from python',
        local_if_name: 'left',
        peer_if_name: 'right',
        tags: [tag('team', 'net')],
        resourceGroupId: 'rg-1',
        deleteProtect: true,
      });

      expect(id).toMatch(/^peerconn-[a-z0-9]{12}$/);
      const initiator = await view(a, id, 'initiator');
      expect(initiator).toMatchObject({
        peer_conn_id: id,
        role: 'initiator',
        status: 'active',
        bandwidth_in_mbps: 10,
        description: 'from python',
        local_if_name: 'left',
        local_vpc_id: a.vpcs[0],
        peer_vpc_id: a.vpcs[1],
        payment_timing: 'Postpaid', // Python's default Billing('Postpaid'), sent with a 1-Month reservation
        delete_protect: true,
        expired_time: '',
      });
      // The JSON object hook turns nested keys into snake_case too.
      expect(initiator['tags']).toEqual([{ tag_key: 'team', tag_value: 'net' }]);
      expect((await view(a, id, 'acceptor'))['local_if_name']).toBe('right');
      expect(emulator.state().peerConns.find((r) => r.peerConnId === id)?.resourceGroupId).toBe('rg-1');
    });

    it('get_peerconn: bandwidth is bandwidth_in_mbps; the SDK sample’s bandwith_in_mbp (a typo, known quirk) reads None', async () => {
      const a = account('bj', 'bj');
      const id = await created(a, {
        bandwidth_in_mbps: 20,
        local_vpc_id: a.vpcs[0],
        peer_vpc_id: a.vpcs[1],
        peer_region: 'bj',
      });

      const result = await view(a, id);

      expect(result['bandwidth_in_mbps']).toBe(20);
      expect(result).not.toHaveProperty('bandwith_in_mbp');
    });

    it('list_peerconns pages with max_keys and marker; the last page has no next_marker', async () => {
      const a = account('bj', 'bj', 'bj', 'bj');
      const ids: string[] = [];
      for (const peer of a.vpcs.slice(1)) {
        ids.push(await created(a, { local_vpc_id: a.vpcs[0], peer_vpc_id: peer, peer_region: 'bj' }));
      }

      const first = attrs(await pc(a, 'list_peerconns', { vpc_id: a.vpcs[0], max_keys: 2 }));
      const second = attrs(
        await pc(a, 'list_peerconns', { vpc_id: a.vpcs[0], max_keys: 2, marker: first['next_marker'] }),
      );

      expect(first).toMatchObject({ is_truncated: true, max_keys: 2, marker: ids[0], next_marker: ids[2] });
      expect((first['peer_conns'] as { peer_conn_id: string }[]).map((p) => p.peer_conn_id)).toEqual(ids.slice(0, 2));
      expect(second).toMatchObject({ is_truncated: false, marker: ids[2] });
      expect(second).not.toHaveProperty('next_marker');
      expect((second['peer_conns'] as { peer_conn_id: string }[]).map((p) => p.peer_conn_id)).toEqual([ids[2]]);
    });

    it('handle_peerconn accept and reject, by the acceptor of a cross-account request', async () => {
      const a = account('bj', 'bj');
      const b = account('gz', 'gz');
      const toAccept = await requested(a, b, 0);
      const toReject = await requested(a, b, 1);
      expect((await view(b, toAccept))['status']).toBe('consulting');

      await ok(b, 'handle_peerconn', { peer_conn_id: toAccept, action: 'accept' });
      await ok(b, 'handle_peerconn', { peer_conn_id: toReject, action: 'reject' });

      expect(await view(b, toAccept, 'acceptor')).toMatchObject({ status: 'active', peer_account_id: a.accountId });
      expect((await view(a, toReject))['status']).toBe('consult_failed');
    });

    it('update_peerconn changes the local interface name and description', async () => {
      const a = account('bj', 'bj');
      const id = await created(a, { local_vpc_id: a.vpcs[0], peer_vpc_id: a.vpcs[1], peer_region: 'bj' });
      const localIfId = (await view(a, id))['local_if_id'];

      const result = await pc(a, 'update_peerconn', {
        peer_conn_id: id,
        local_if_id: localIfId,
        description: 'renamed',
        local_if_name: 'if-new',
      });
      emulator.clock.advance(10 * SECOND);

      expect(result.ok).toBe(true);
      expect(await view(a, id)).toMatchObject({ description: 'renamed', local_if_name: 'if-new', status: 'active' });
    });

    it('resize_peerconn goes through updating to the new bandwidth', async () => {
      const a = account('bj', 'bj');
      const id = await created(a, { local_vpc_id: a.vpcs[0], peer_vpc_id: a.vpcs[1], peer_region: 'bj' });

      await ok(a, 'resize_peerconn', { peer_conn_id: id, new_bandwidth_in_mbps: 30 });

      expect(await view(a, id)).toMatchObject({ status: 'updating', bandwidth_in_mbps: 30 });
      emulator.clock.advance(10 * SECOND);
      expect((await view(a, id))['status']).toBe('active');
    });

    it('purchase_reserved_peerconn with the default Billing() renews a prepaid connection by one month', async () => {
      const a = account('bj', 'gz');
      const id = await created(a, {
        local_vpc_id: a.vpcs[0],
        peer_vpc_id: a.vpcs[1],
        peer_region: 'gz',
        billing: billing({ paymentTiming: 'Prepaid', reservationLength: 2 }),
      });
      const before = Date.parse((await view(a, id))['expired_time'] as string);

      await ok(a, 'purchase_reserved_peerconn', { peer_conn_id: id });

      const after = Date.parse((await view(a, id))['expired_time'] as string);
      expect((after - before) / DAY).toBeGreaterThanOrEqual(28);
      expect((after - before) / DAY).toBeLessThanOrEqual(31);
    });

    it('open_peerconn_dns_sync and close_peerconn_dns_sync, each side by role', async () => {
      const a = account('bj', 'bj');
      const id = await created(a, { local_vpc_id: a.vpcs[0], peer_vpc_id: a.vpcs[1], peer_region: 'bj' });

      await ok(a, 'open_peerconn_dns_sync', { peer_conn_id: id, role: 'acceptor' });
      expect((await view(a, id, 'acceptor'))['dns_status']).toBe('syncing');
      expect((await view(a, id, 'initiator'))['dns_status']).toBe('close');
      emulator.clock.advance(10 * SECOND);
      expect((await view(a, id, 'acceptor'))['dns_status']).toBe('open');

      await ok(a, 'close_peerconn_dns_sync', { peer_conn_id: id, role: 'acceptor' });
      expect((await view(a, id, 'acceptor'))['dns_status']).toBe('closing');
      emulator.clock.advance(10 * SECOND);
      expect((await view(a, id, 'acceptor'))['dns_status']).toBe('close');
    });

    it('update_peerconn_delete_protect guards delete_peerconn; delete then removes the connection', async () => {
      const a = account('bj', 'bj');
      const id = await created(a, { local_vpc_id: a.vpcs[0], peer_vpc_id: a.vpcs[1], peer_region: 'bj' });

      await ok(a, 'update_peerconn_delete_protect', { peer_conn_id: id, delete_protect: true });
      expect(await refusal(a, 'delete_peerconn', { peer_conn_id: id })).toBe('403 DeleteProtected');
      await ok(a, 'update_peerconn_delete_protect', { peer_conn_id: id, delete_protect: false });
      await ok(a, 'delete_peerconn', { peer_conn_id: id });

      expect((await view(a, id))['status']).toBe('deleting');
      emulator.clock.advance(10 * SECOND);
      expect(await refusal(a, 'get_peerconn', { peer_conn_id: id })).toBe('404 NoSuchObject');
    });

    it('refund_peerconn releases a prepaid connection between two mainland regions', async () => {
      const a = account('bj', 'gz');
      const id = await created(a, {
        local_vpc_id: a.vpcs[0],
        peer_vpc_id: a.vpcs[1],
        peer_region: 'gz',
        billing: billing({ paymentTiming: 'Prepaid' }),
      });

      await ok(a, 'refund_peerconn', { peer_conn_id: id });

      expect((await view(a, id))['status']).toBe('deleting');
      emulator.clock.advance(10 * SECOND);
      expect(serverError(await pc(a, 'get_peerconn', { peer_conn_id: id })).code).toBe('NoSuchObject');
    });
  });

  describe('error paths, as the SDK raises them', () => {
    it('an unknown id: BceHttpClientError wrapping BceServerError 404 NoSuchObject, not retried', async () => {
      const a = account('bj');

      const result = await pc(a, 'get_peerconn', { peer_conn_id: 'peerconn-000000000000' });

      expect(serverError(result)).toEqual({
        status: 404,
        code: 'NoSuchObject',
        message: 'peer connection peerconn-000000000000 does not exist',
        retried: 0,
      });
      expect(result.ok || result.error.request_id).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('a wrong secret key is SignatureDoesNotMatch; an unknown access key is InvalidAccessKeyId', async () => {
      const a = account('bj');

      const wrongSecret = await pc({ ...a, secretAccessKey: 'not-the-secret' }, 'list_peerconns', {
        vpc_id: a.vpcs[0],
      });
      const unknownKey = await pc({ ...a, accessKeyId: 'AKIDUNKNOWN' }, 'list_peerconns', { vpc_id: a.vpcs[0] });

      expect(serverError(wrongSecret)).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
      expect(serverError(unknownKey)).toMatchObject({ status: 403, code: 'InvalidAccessKeyId' });
    });

    it('the create rules: same VPC, one connection per pair, same-region prepaid, unknown peer VPC', async () => {
      const a = account('bj', 'bj', 'gz');
      const [bj1, bj2, gz] = a.vpcs;
      await created(a, { local_vpc_id: bj1, peer_vpc_id: bj2, peer_region: 'bj' });
      const prepaid = billing({ paymentTiming: 'Prepaid' });
      const refusals: [string, Record<string, unknown>, string][] = [
        ['same VPC', { local_vpc_id: bj1, peer_vpc_id: bj1, peer_region: 'bj' }, 'SameVpcNotAllowed'],
        [
          'the pair again, reversed',
          { local_vpc_id: bj2, peer_vpc_id: bj1, peer_region: 'bj' },
          'PeerConnAlreadyExists',
        ],
        [
          'gz is not in peer_region bj',
          { local_vpc_id: bj1, peer_vpc_id: gz, peer_region: 'bj', billing: prepaid },
          'NoSuchVpc',
        ],
        [
          'the pair again, prepaid',
          { local_vpc_id: bj1, peer_vpc_id: bj2, peer_region: 'bj', billing: prepaid },
          'PeerConnAlreadyExists',
        ],
      ];
      for (const [what, kwargs, code] of refusals) {
        const result = await pc(a, 'create_peerconn', { bandwidth_in_mbps: 10, ...kwargs });
        expect(serverError(result).code, what).toBe(code);
      }
      const c = account('su', 'su');
      const sameRegionPrepaid = await pc(c, 'create_peerconn', {
        bandwidth_in_mbps: 10,
        local_vpc_id: c.vpcs[0],
        peer_vpc_id: c.vpcs[1],
        peer_region: 'su',
        billing: billing({ paymentTiming: 'Prepaid' }),
      });
      expect(serverError(sameRegionPrepaid)).toMatchObject({ status: 400, code: 'SameRegionPostpaidOnly' });
    });

    it('10 connections per VPC: the eleventh is QuotaExceeded', async () => {
      const a = account(...Array<string>(12).fill('bj'));
      const [hub, ...spokes] = a.vpcs;
      for (const spoke of spokes.slice(0, 10)) {
        await created(a, { local_vpc_id: hub, peer_vpc_id: spoke, peer_region: 'bj' });
      }

      const eleventh = await pc(a, 'create_peerconn', {
        bandwidth_in_mbps: 10,
        local_vpc_id: hub,
        peer_vpc_id: spokes[10],
        peer_region: 'bj',
      });

      expect(serverError(eleventh)).toMatchObject({ status: 400, code: 'QuotaExceeded' });
      expect(serverError(eleventh).message).toContain(hub);
    });

    it('who may do what across accounts: AcceptorOnly, InitiatorOnly, and accept outside consulting', async () => {
      const a = account('bj');
      const b = account('gz');
      const id = await requested(a, b);

      expect(await refusal(a, 'handle_peerconn', { peer_conn_id: id, action: 'accept' })).toBe('403 AcceptorOnly');
      await pc(b, 'handle_peerconn', { peer_conn_id: id, action: 'accept' });
      expect(await refusal(b, 'handle_peerconn', { peer_conn_id: id, action: 'accept' })).toBe(
        '409 InvalidPeerConnStatus',
      );
      for (const [method, kwargs] of [
        ['resize_peerconn', { new_bandwidth_in_mbps: 50 }],
        ['delete_peerconn', {}],
        ['update_peerconn_delete_protect', { delete_protect: true }],
      ] as const) {
        expect(serverError(await pc(b, method, { peer_conn_id: id, ...kwargs })).code, method).toBe('InitiatorOnly');
      }
      expect(serverError(await pc(b, 'get_peerconn', { peer_conn_id: id, role: 'initiator' })).code).toBe(
        'AccessDenied',
      );
    });

    it('the billing rules: postpaid cannot renew or refund, prepaid cannot shrink or be deleted while active', async () => {
      const a = account('bj', 'bj', 'gz');
      const postpaid = await created(a, { local_vpc_id: a.vpcs[0], peer_vpc_id: a.vpcs[1], peer_region: 'bj' });
      const prepaid = await created(a, {
        bandwidth_in_mbps: 20,
        local_vpc_id: a.vpcs[0],
        peer_vpc_id: a.vpcs[2],
        peer_region: 'gz',
        billing: billing({ paymentTiming: 'Prepaid' }),
      });

      const refusals: [string, Record<string, unknown>, string][] = [
        ['purchase_reserved_peerconn', { peer_conn_id: postpaid }, 'PostpaidCannotRenew'],
        ['refund_peerconn', { peer_conn_id: postpaid }, 'PostpaidCannotRefund'],
        ['resize_peerconn', { peer_conn_id: prepaid, new_bandwidth_in_mbps: 10 }, 'PrepaidDowngradeNotAllowed'],
        ['delete_peerconn', { peer_conn_id: prepaid }, 'PrepaidNotReleasable'],
      ];
      for (const [method, kwargs, code] of refusals) {
        expect(serverError(await pc(a, method, kwargs)).code, method).toBe(code);
      }
    });

    it('bad values: a role that is neither side, max_keys over 1000 (the service limit), a foreign localIfId', async () => {
      const a = account('bj', 'bj');
      const id = await created(a, { local_vpc_id: a.vpcs[0], peer_vpc_id: a.vpcs[1], peer_region: 'bj' });

      expect(await refusal(a, 'open_peerconn_dns_sync', { peer_conn_id: id, role: 'both' })).toBe(
        '400 InvalidParameterValue',
      );
      const tooMany = serverError(await pc(a, 'list_peerconns', { vpc_id: a.vpcs[0], max_keys: 1001 }));
      expect(tooMany).toMatchObject({ status: 400, code: 'InvalidParameterValue' });
      expect(tooMany.message).toContain('maxKeys');
      expect(
        serverError(await pc(a, 'update_peerconn', { peer_conn_id: id, local_if_id: 'qpif-notmine00000' })).code,
      ).toBe('InvalidParameterValue');
    });

    it('client_token: a retry with the same token gets the first answer; other parameters get a 409', async () => {
      const a = account('bj', 'bj', 'bj');
      const args = { bandwidth_in_mbps: 10, local_vpc_id: a.vpcs[0], peer_vpc_id: a.vpcs[1], peer_region: 'bj' };

      const first = attrs(await pc(a, 'create_peerconn', { ...args, client_token: 'token-py-1' }));
      const again = attrs(await pc(a, 'create_peerconn', { ...args, client_token: 'token-py-1' }));
      const other = await pc(a, 'create_peerconn', { ...args, peer_vpc_id: a.vpcs[2], client_token: 'token-py-1' });

      expect(again['peer_conn_id']).toBe(first['peer_conn_id']);
      expect(serverError(other)).toMatchObject({ status: 409, code: 'IdempotentParameterMismatch' });
      const list = attrs(await pc(a, 'list_peerconns', { vpc_id: a.vpcs[0] }));
      expect(list['peer_conns']).toHaveLength(1);
    });

    it('client_token is scoped per account and per operation', async () => {
      const a = account('bj', 'bj');
      const b = account('bj', 'bj');
      const args = (who: { vpcs: string[] }) => ({
        bandwidth_in_mbps: 10,
        local_vpc_id: who.vpcs[0],
        peer_vpc_id: who.vpcs[1],
        peer_region: 'bj',
        client_token: 'token-shared',
      });

      const ofA = attrs(await pc(a, 'create_peerconn', args(a)))['peer_conn_id'];
      const ofB = attrs(await pc(b, 'create_peerconn', args(b)))['peer_conn_id'];
      emulator.clock.advance(10 * SECOND);
      const protect = await pc(a, 'update_peerconn_delete_protect', {
        peer_conn_id: ofA,
        delete_protect: true,
        client_token: 'token-shared',
      });

      expect(ofB).not.toBe(ofA);
      expect((await view(b, ofB as string))['local_vpc_id']).toBe(b.vpcs[0]);
      expect(protect.ok).toBe(true);
      expect((await view(a, ofA as string))['delete_protect']).toBe(true);
    });

    it('a 500 is retried by the SDK and the retry succeeds', async () => {
      const a = account('bj', 'bj');
      emulator.faults.inject({ match: { operation: 'createPeerconn' }, error: { status: 500, code: 'InternalError' } });
      const before = emulator.state().counts.requests;

      const result = await pc(
        a,
        'create_peerconn',
        { bandwidth_in_mbps: 10, local_vpc_id: a.vpcs[0], peer_vpc_id: a.vpcs[1], peer_region: 'bj' },
        { retry: { base_interval_in_millis: 10 } },
      );

      expect(attrs(result)['peer_conn_id']).toMatch(/^peerconn-/);
      expect(emulator.state().counts.requests - before).toBe(2);
    });
  });

  describe('documented rules', () => {
    it('an empty list has no marker key (list_peerconns reads marker as None)', async () => {
      const a = account('bj');

      const result = await pc(a, 'list_peerconns', { vpc_id: a.vpcs[0] });

      expect(attrs(result)).toEqual({ is_truncated: false, max_keys: 1000, peer_conns: [] });
      expect(result.ok && result.body).not.toHaveProperty('marker');
    });

    it('refund is refused for a prepaid cross-border connection (gz to hkg)', async () => {
      const a = account('gz', 'hkg');
      const id = await created(a, {
        local_vpc_id: a.vpcs[0],
        peer_vpc_id: a.vpcs[1],
        peer_region: 'hkg',
        billing: billing({ paymentTiming: 'Prepaid' }),
      });

      expect(await refusal(a, 'refund_peerconn', { peer_conn_id: id })).toBe('400 CrossBorderCannotRefund');
      expect((await view(a, id))['status']).toBe('active');
    });

    it('10 peer connections per user: the eleventh, between two fresh VPCs, is QuotaExceeded', async () => {
      const a = account(...Array<string>(22).fill('bj'));
      for (let i = 0; i < 20; i += 2) {
        await created(a, { local_vpc_id: a.vpcs[i], peer_vpc_id: a.vpcs[i + 1], peer_region: 'bj' });
      }

      const eleventh = serverError(
        await pc(a, 'create_peerconn', {
          bandwidth_in_mbps: 10,
          local_vpc_id: a.vpcs[20],
          peer_vpc_id: a.vpcs[21],
          peer_region: 'bj',
        }),
      );

      expect(eleventh).toMatchObject({ status: 400, code: 'QuotaExceeded' });
      expect(eleventh.message).toContain(a.accountId);
    });

    it('handle_peerconn with an unknown action is an error naming it', async () => {
      const a = account('bj', 'bj');
      const id = await created(a, { local_vpc_id: a.vpcs[0], peer_vpc_id: a.vpcs[1], peer_region: 'bj' });

      const result = serverError(await pc(a, 'handle_peerconn', { peer_conn_id: id, action: 'approve' }));

      expect(result).toMatchObject({ status: 400, code: 'InvalidParameterValue' });
      expect(result.message).toContain('"approve"');
    });

    it('another account’s id as marker gets the answer of an id never issued', async () => {
      const a = account('bj');
      const b = account('bj', 'bj');
      const bobs = await created(b, { local_vpc_id: b.vpcs[0], peer_vpc_id: b.vpcs[1], peer_region: 'bj' });
      const unknown = 'peerconn-zzzzzzzzzzzz';

      const foreign = serverError(await pc(a, 'list_peerconns', { vpc_id: a.vpcs[0], marker: bobs }));
      const never = serverError(await pc(a, 'list_peerconns', { vpc_id: a.vpcs[0], marker: unknown }));

      expect({ ...foreign, message: foreign.message.replaceAll(bobs, unknown) }).toEqual(never);
    });
  });

  describe('known quirks of the Python client', () => {
    it('RequestExpired is never retried on Python 3 (it compares a str with bytes)', async () => {
      const a = account('bj');
      emulator.faults.inject({ error: { status: 400, code: 'RequestExpired', message: 'injected' } });
      const before = emulator.state().counts.requests;

      const result = await pc(a, 'list_peerconns', { vpc_id: a.vpcs[0] }, { retry: { base_interval_in_millis: 10 } });

      expect(serverError(result)).toMatchObject({ status: 400, code: 'RequestExpired', retried: 0 });
      expect(emulator.state().counts.requests - before).toBe(1);
    });

    it('PeerConnClient never sends security_token, so STS keys get InvalidSecurityToken', async () => {
      const a = account('bj');
      const sts = emulator.issueTemporaryCredentials(a.accountId);

      const result = await pc(sts, 'list_peerconns', { vpc_id: a.vpcs[0] }, { security_token: sts.sessionToken });

      expect(serverError(result)).toMatchObject({ status: 403, code: 'InvalidSecurityToken' });
    });

    it('list_peerconns requires vpc_id (the service does not): a TypeError, nothing is sent', async () => {
      const a = account('bj');
      const before = emulator.state().counts.requests;

      const result = await pc(a, 'list_peerconns', {});

      expect(result.ok).toBe(false);
      expect(result.ok || result.error).toMatchObject({
        type: 'TypeError',
        message: expect.stringContaining('vpc_id'),
      });
      expect(emulator.state().counts.requests).toBe(before);
    });
  });
});
