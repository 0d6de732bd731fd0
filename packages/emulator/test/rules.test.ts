// One scenario per service rule of design §4, through the SDK over real HTTP on 127.0.0.1.

import { DEFAULT_TRANSITIONS, FIXTURE_ACCOUNTS } from '@bcekit/emulator';
import {
  acceptPeerconn,
  closePeerconnDnsSync,
  createPeerconn,
  deletePeerconn,
  getPeerconn,
  listPeerconns,
  openPeerconnDnsSync,
  refundPeerconn,
  rejectPeerconn,
  renewPeerconn,
  resizePeerconn,
  updatePeerconn,
  updatePeerconnDeleteProtect,
} from '@bcekit/peerconn';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codeOf, type Started, startEmulator } from './helpers.ts';

const [alice, bob] = FIXTURE_ACCOUNTS;
const SECOND = 1000;
const DAY = 24 * 60 * 60 * SECOND;
let env: Started;
let asAlice: ReturnType<Started['client']>;
let asBob: ReturnType<Started['client']>;

beforeEach(async () => {
  env = await startEmulator();
  asAlice = env.client(alice);
  asBob = env.client(bob);
});
afterEach(() => env.close());

/** alice bj-main <-> alice bj-second: same account, same region. */
const sameAccount = (extra = {}) =>
  createPeerconn(asAlice, {
    bandwidthInMbps: 10,
    localVpcId: 'vpc-alicebj00001',
    peerVpcId: 'vpc-alicebj00002',
    peerRegion: 'bj',
    ...extra,
  });
/** alice bj-main -> bob gz-main: cross-account, cross-region. */
const crossAccount = (extra = {}) =>
  createPeerconn(asAlice, {
    bandwidthInMbps: 10,
    localVpcId: 'vpc-alicebj00001',
    peerVpcId: 'vpc-bobgz000001',
    peerRegion: 'gz',
    peerAccountId: bob.accountId,
    ...extra,
  });
const prepaid = {
  billing: { paymentTiming: 'Prepaid' as const, reservation: { reservationLength: 1, reservationTimeUnit: 'Month' } },
};
const advance = (ms: number) => env.emulator.clock.advance(ms);
async function activeCrossAccount(extra = {}) {
  const { peerConnId } = await crossAccount(extra);
  await acceptPeerconn(asBob, { peerConnId });
  return peerConnId;
}

describe('consultation', () => {
  it('same-account connections accept themselves: creating, then active', async () => {
    const { peerConnId } = await sameAccount();

    const before = await getPeerconn(asAlice, { peerConnId });
    advance(DEFAULT_TRANSITIONS.creating);
    const after = await getPeerconn(asAlice, { peerConnId });

    expect(peerConnId).toMatch(/^peerconn-[a-z0-9]{12}$/);
    expect([before.status, after.status]).toEqual(['creating', 'active']);
  });

  it('cross-account connections wait in consulting until the acceptor accepts', async () => {
    const { peerConnId } = await crossAccount();

    const waiting = await getPeerconn(asAlice, { peerConnId });
    await acceptPeerconn(asBob, { peerConnId });

    expect(waiting.status).toBe('consulting');
    expect((await getPeerconn(asAlice, { peerConnId })).status).toBe('active');
  });

  it('a rejected request is consult_failed', async () => {
    const { peerConnId } = await crossAccount();

    await rejectPeerconn(asBob, { peerConnId });

    expect((await getPeerconn(asAlice, { peerConnId })).status).toBe('consult_failed');
  });

  it('an unanswered request is consult_failed after 7 days on the clock', async () => {
    const { peerConnId } = await crossAccount();

    advance(7 * DAY - 1);
    const justBefore = await getPeerconn(asAlice, { peerConnId });
    advance(1);

    expect(justBefore.status).toBe('consulting');
    expect((await getPeerconn(asAlice, { peerConnId })).status).toBe('consult_failed');
  });

  it('only the acceptor may accept: AcceptorOnly', async () => {
    const { peerConnId } = await crossAccount();

    expect(await codeOf(acceptPeerconn(asAlice, { peerConnId }))).toBe('AcceptorOnly');
  });

  it('accept only in consulting: InvalidPeerConnStatus (e.g. a same-account connection)', async () => {
    const { peerConnId } = await sameAccount();
    advance(DEFAULT_TRANSITIONS.creating);

    expect(await codeOf(acceptPeerconn(asAlice, { peerConnId }))).toBe('InvalidPeerConnStatus');
  });
});

describe('create', () => {
  it('one connection per VPC pair, in either direction: PeerConnAlreadyExists', async () => {
    await sameAccount();

    const reverse = createPeerconn(asAlice, {
      bandwidthInMbps: 10,
      localVpcId: 'vpc-alicebj00002',
      peerVpcId: 'vpc-alicebj00001',
      peerRegion: 'bj',
    });

    expect(await codeOf(reverse)).toBe('PeerConnAlreadyExists');
  });

  it('local and peer VPC must differ: SameVpcNotAllowed', async () => {
    const call = sameAccount({ peerVpcId: 'vpc-alicebj00001' });

    expect(await codeOf(call)).toBe('SameVpcNotAllowed');
  });

  it('the peer VPC must exist in peerRegion: NoSuchVpc', async () => {
    expect(await codeOf(crossAccount({ peerRegion: 'bj' }))).toBe('NoSuchVpc');
  });

  it('the peer VPC must belong to peerAccountId (or, without it, the caller): NoSuchVpc', async () => {
    expect(await codeOf(crossAccount({ peerAccountId: undefined }))).toBe('NoSuchVpc');
  });

  it('the local VPC must be the caller’s: NoSuchVpc', async () => {
    expect(await codeOf(sameAccount({ localVpcId: 'vpc-bobbj000001' }))).toBe('NoSuchVpc');
  });

  it('same-region connections are postpaid only: SameRegionPostpaidOnly', async () => {
    expect(await codeOf(sameAccount(prepaid))).toBe('SameRegionPostpaidOnly');
  });

  it('at most 10 connections per VPC: QuotaExceeded', async () => {
    for (let i = 0; i < 10; i++) {
      const vpc = env.emulator.addVpc({ accountId: alice.accountId, region: 'bj' });
      await sameAccount({ peerVpcId: vpc.vpcId });
    }
    const eleventh = env.emulator.addVpc({ accountId: alice.accountId, region: 'bj' });

    expect(await codeOf(sameAccount({ peerVpcId: eleventh.vpcId }))).toBe('QuotaExceeded');
  });
});

describe('initiator-only changes across accounts', () => {
  it('resize by the acceptor: InitiatorOnly', async () => {
    const peerConnId = await activeCrossAccount();

    expect(await codeOf(resizePeerconn(asBob, { peerConnId, newBandwidthInMbps: 20 }))).toBe('InitiatorOnly');
  });

  it('renew by the acceptor: InitiatorOnly', async () => {
    const peerConnId = await activeCrossAccount(prepaid);

    expect(await codeOf(renewPeerconn(asBob, { peerConnId }))).toBe('InitiatorOnly');
  });

  it('delete by the acceptor: InitiatorOnly', async () => {
    const peerConnId = await activeCrossAccount();

    expect(await codeOf(deletePeerconn(asBob, { peerConnId }))).toBe('InitiatorOnly');
  });

  it('refund by the acceptor: InitiatorOnly', async () => {
    const peerConnId = await activeCrossAccount(prepaid);

    expect(await codeOf(refundPeerconn(asBob, { peerConnId }))).toBe('InitiatorOnly');
  });
});

describe('billing', () => {
  it('postpaid cannot be renewed: PostpaidCannotRenew', async () => {
    const peerConnId = await activeCrossAccount();

    expect(await codeOf(renewPeerconn(asAlice, { peerConnId }))).toBe('PostpaidCannotRenew');
  });

  it('renewing a prepaid connection extends expiredTime by the reservation', async () => {
    const peerConnId = await activeCrossAccount(prepaid);
    const before = await getPeerconn(asAlice, { peerConnId });

    await renewPeerconn(asAlice, {
      peerConnId,
      billing: { reservation: { reservationLength: 2, reservationTimeUnit: 'Month' } },
    });

    const after = await getPeerconn(asAlice, { peerConnId });
    const months = (Date.parse(after.expiredTime!) - Date.parse(before.expiredTime!)) / DAY;
    expect(months).toBeGreaterThanOrEqual(59);
    expect(months).toBeLessThanOrEqual(62);
  });

  it('refund only for prepaid: PostpaidCannotRefund', async () => {
    const peerConnId = await activeCrossAccount();

    expect(await codeOf(refundPeerconn(asAlice, { peerConnId }))).toBe('PostpaidCannotRefund');
  });

  it('a refunded prepaid connection is deleting, then gone', async () => {
    const peerConnId = await activeCrossAccount(prepaid);

    await refundPeerconn(asAlice, { peerConnId });
    const status = (await getPeerconn(asAlice, { peerConnId })).status;
    advance(DEFAULT_TRANSITIONS.deleting);

    expect(status).toBe('deleting');
    expect(await codeOf(getPeerconn(asAlice, { peerConnId }))).toBe('NoSuchObject');
  });

  it('an active prepaid connection cannot be released: PrepaidNotReleasable', async () => {
    const peerConnId = await activeCrossAccount(prepaid);

    expect(await codeOf(deletePeerconn(asAlice, { peerConnId }))).toBe('PrepaidNotReleasable');
  });

  it('resize goes through updating to active with the new bandwidth', async () => {
    const peerConnId = await activeCrossAccount();

    await resizePeerconn(asAlice, { peerConnId, newBandwidthInMbps: 50 });
    const during = await getPeerconn(asAlice, { peerConnId });
    advance(DEFAULT_TRANSITIONS.updating);
    const after = await getPeerconn(asAlice, { peerConnId });

    expect([during.status, after.status, after.bandwidthInMbps]).toEqual(['updating', 'active', 50]);
  });

  it('prepaid bandwidth only grows: PrepaidDowngradeNotAllowed', async () => {
    const peerConnId = await activeCrossAccount(prepaid);

    expect(await codeOf(resizePeerconn(asAlice, { peerConnId, newBandwidthInMbps: 5 }))).toBe(
      'PrepaidDowngradeNotAllowed',
    );
  });
});

describe('DNS sync', () => {
  it('only when active: InvalidPeerConnStatus', async () => {
    const { peerConnId } = await crossAccount();

    expect(await codeOf(openPeerconnDnsSync(asAlice, { peerConnId, role: 'initiator' }))).toBe('InvalidPeerConnStatus');
  });

  it('opening goes syncing, then open', async () => {
    const peerConnId = await activeCrossAccount();

    await openPeerconnDnsSync(asAlice, { peerConnId, role: 'initiator' });
    const during = await getPeerconn(asAlice, { peerConnId });
    advance(DEFAULT_TRANSITIONS.dnsSyncing);

    expect(during.dnsStatus).toBe('syncing');
    expect((await getPeerconn(asAlice, { peerConnId })).dnsStatus).toBe('open');
  });

  it('not while syncing: InvalidDnsStatus', async () => {
    const peerConnId = await activeCrossAccount();
    await openPeerconnDnsSync(asAlice, { peerConnId, role: 'initiator' });

    expect(await codeOf(closePeerconnDnsSync(asAlice, { peerConnId, role: 'initiator' }))).toBe('InvalidDnsStatus');
  });

  it('not while closing: InvalidDnsStatus', async () => {
    const peerConnId = await activeCrossAccount();
    await openPeerconnDnsSync(asBob, { peerConnId, role: 'acceptor' });
    advance(DEFAULT_TRANSITIONS.dnsSyncing);
    await closePeerconnDnsSync(asBob, { peerConnId, role: 'acceptor' });

    const status = (await getPeerconn(asBob, { peerConnId })).dnsStatus;

    expect(status).toBe('closing');
    expect(await codeOf(openPeerconnDnsSync(asBob, { peerConnId, role: 'acceptor' }))).toBe('InvalidDnsStatus');
  });

  it('only on the caller’s own side: AccessDenied', async () => {
    const peerConnId = await activeCrossAccount();

    expect(await codeOf(openPeerconnDnsSync(asBob, { peerConnId, role: 'initiator' }))).toBe('AccessDenied');
  });
});

describe('deletion', () => {
  it('delete protection blocks delete: DeleteProtected', async () => {
    const peerConnId = await activeCrossAccount({ deleteProtect: true });

    expect(await codeOf(deletePeerconn(asAlice, { peerConnId }))).toBe('DeleteProtected');
  });

  it('after turning protection off, delete goes deleting, then NoSuchObject', async () => {
    const peerConnId = await activeCrossAccount({ deleteProtect: true });
    await updatePeerconnDeleteProtect(asAlice, { peerConnId, deleteProtect: false });

    await deletePeerconn(asAlice, { peerConnId });
    const during = await getPeerconn(asAlice, { peerConnId });
    advance(DEFAULT_TRANSITIONS.deleting);

    expect(during.status).toBe('deleting');
    expect(await codeOf(getPeerconn(asAlice, { peerConnId }))).toBe('NoSuchObject');
  });

  it('an unknown id is 404 NoSuchObject', async () => {
    expect(await codeOf(getPeerconn(asAlice, { peerConnId: 'peerconn-000000000000' }))).toBe('NoSuchObject');
  });

  it('another account’s connection is NoSuchObject to a stranger', async () => {
    const { peerConnId } = await sameAccount();

    expect(await codeOf(getPeerconn(asBob, { peerConnId }))).toBe('NoSuchObject');
  });
});

describe('two views of one connection', () => {
  it('the acceptor sees its own side: local and peer swapped, peerAccountId the initiator', async () => {
    const peerConnId = await activeCrossAccount();

    const initiator = await getPeerconn(asAlice, { peerConnId, role: 'initiator' });
    const acceptor = await getPeerconn(asBob, { peerConnId, role: 'acceptor' });

    expect([initiator.localVpcId, initiator.peerVpcId, initiator.peerAccountId]).toEqual([
      'vpc-alicebj00001',
      'vpc-bobgz000001',
      bob.accountId,
    ]);
    expect([
      acceptor.role,
      acceptor.localVpcId,
      acceptor.localRegion,
      acceptor.peerVpcId,
      acceptor.peerAccountId,
    ]).toEqual(['acceptor', 'vpc-bobgz000001', 'gz', 'vpc-alicebj00001', alice.accountId]);
  });

  it('a role the caller does not own: AccessDenied', async () => {
    const peerConnId = await activeCrossAccount();

    expect(await codeOf(getPeerconn(asBob, { peerConnId, role: 'initiator' }))).toBe('AccessDenied');
  });

  it('list by vpcId shows the caller’s side of a same-account connection', async () => {
    const { peerConnId } = await sameAccount();

    const page = await listPeerconns(asAlice, { vpcId: 'vpc-alicebj00002' });

    expect(page.peerConns.map((pc) => [pc.peerConnId, pc.role, pc.localVpcId])).toEqual([
      [peerConnId, 'acceptor', 'vpc-alicebj00002'],
    ]);
  });

  it('detail has every field of spec §3.1', async () => {
    const { peerConnId } = await sameAccount({ tags: [{ tagKey: 'k', tagValue: 'v' }], description: 'd' });

    const pc = await getPeerconn(asAlice, { peerConnId });

    expect(
      Object.keys(pc)
        .filter((key) => key !== '$metadata')
        .sort(),
    ).toEqual(
      [
        'bandwidthInMbps',
        'createdTime',
        'deleteProtect',
        'description',
        'dnsStatus',
        'expiredTime',
        'localIfId',
        'localIfName',
        'localRegion',
        'localVpcId',
        'paymentTiming',
        'peerAccountId',
        'peerConnId',
        'peerRegion',
        'peerVpcId',
        'role',
        'status',
        'tags',
      ].sort(),
    );
    expect([pc.expiredTime, pc.paymentTiming, pc.description, pc.tags]).toEqual([
      '',
      'Postpaid',
      'd',
      [{ tagKey: 'k', tagValue: 'v' }],
    ]);
    expect(pc.createdTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });
});

describe('update', () => {
  it('changes the caller’s side and goes updating, then active', async () => {
    const peerConnId = await activeCrossAccount();
    const { localIfId } = await getPeerconn(asBob, { peerConnId });

    await updatePeerconn(asBob, { peerConnId, localIfId: localIfId!, description: 'bob side' });
    const during = await getPeerconn(asBob, { peerConnId });
    advance(DEFAULT_TRANSITIONS.updating);

    expect([during.status, during.description]).toEqual(['updating', 'bob side']);
    expect((await getPeerconn(asAlice, { peerConnId })).description).toBe('');
  });

  it('a localIfId that is not the caller’s: InvalidParameterValue', async () => {
    const peerConnId = await activeCrossAccount();
    const { localIfId } = await getPeerconn(asAlice, { peerConnId });

    expect(await codeOf(updatePeerconn(asBob, { peerConnId, localIfId: localIfId!, description: 'x' }))).toBe(
      'InvalidParameterValue',
    );
  });
});
