// The peer connection lifecycle over real HTTP against the emulator, with the SDK as a user calls it.
import { BceServiceError } from '@bcekit/core';
import {
  acceptPeerconn,
  closePeerconnDnsSync,
  createPeerconn,
  deletePeerconn,
  getPeerconn,
  listPeerconns,
  openPeerconnDnsSync,
  paginatePeerconns,
  resizePeerconn,
  updatePeerconn,
  updatePeerconnDeleteProtect,
  waitForPeerconn,
} from '@bcekit/peerconn';
import { equal, instance, ok, rejects, sameJson } from './assert.ts';
import { type ConformanceCase, type ConformanceEnv, clientFor, newAccount } from './context.ts';

/** Fast polling: the emulator's transitions take 150 ms here. */
const WAIT = { maxWaitTime: 10_000, minDelay: 25, maxDelay: 150 } as const;

async function activeSameAccountPair(env: ConformanceEnv, extra: { deleteProtect?: boolean } = {}) {
  const account = await newAccount(env, ['bj', 'bj']);
  const client = clientFor(env, account);
  const [localVpcId, peerVpcId] = account.vpcIds as [string, string];
  const { peerConnId } = await createPeerconn(client, {
    bandwidthInMbps: 10,
    localVpcId,
    peerVpcId,
    peerRegion: 'bj',
    description: 'conformance',
    ...extra,
  });
  const pc = await waitForPeerconn(client, { peerConnId, until: 'active', role: 'initiator', ...WAIT });
  return { account, client, peerConnId, pc, localVpcId, peerVpcId };
}

export const lifecycleCases: ConformanceCase[] = [
  {
    group: 'lifecycle',
    name: 'same-account create: creating, then active (waitForPeerconn), fields as sent',
    async run(env) {
      const account = await newAccount(env, ['bj', 'bj']);
      const client = clientFor(env, account);
      const [localVpcId, peerVpcId] = account.vpcIds as [string, string];
      const { peerConnId } = await createPeerconn(client, {
        bandwidthInMbps: 20,
        localVpcId,
        peerVpcId,
        peerRegion: 'bj',
        description: 'same account',
        tags: [{ tagKey: 'suite', tagValue: env.runtime }],
      });
      ok(/^peerconn-/.test(peerConnId), `peerConnId looks wrong: ${peerConnId}`);
      const first = await getPeerconn(client, { peerConnId, role: 'initiator' });
      equal(first.status, 'creating', 'status right after create');
      const pc = await waitForPeerconn(client, { peerConnId, until: 'active', role: 'initiator', ...WAIT });
      equal(pc.status, 'active', 'status after waiting');
      equal(pc.bandwidthInMbps, 20, 'bandwidthInMbps');
      equal(pc.localVpcId, localVpcId, 'localVpcId');
      equal(pc.peerVpcId, peerVpcId, 'peerVpcId');
      equal(pc.paymentTiming, 'Postpaid', 'paymentTiming (the default)');
      equal(pc.description, 'same account', 'description');
      sameJson(pc.tags, [{ tagKey: 'suite', tagValue: env.runtime }], 'tags');
      const acceptorSide = await getPeerconn(client, { peerConnId, role: 'acceptor' });
      equal(acceptorSide.role, 'acceptor', 'role of the acceptor side');
      equal(acceptorSide.localVpcId, peerVpcId, 'localVpcId of the acceptor side');
    },
  },
  {
    group: 'lifecycle',
    name: 'cross-account create: consulting until the peer account accepts, then active on both ends',
    async run(env) {
      const initiator = await newAccount(env, ['bj']);
      const acceptor = await newAccount(env, ['gz']);
      const a = clientFor(env, initiator);
      const b = clientFor(env, acceptor);
      const { peerConnId } = await createPeerconn(a, {
        bandwidthInMbps: 5,
        localVpcId: initiator.vpcIds[0]!,
        peerVpcId: acceptor.vpcIds[0]!,
        peerRegion: 'gz',
        peerAccountId: acceptor.accountId,
      });
      const pending = await waitForPeerconn(a, { peerConnId, until: 'consulting', ...WAIT });
      equal(pending.status, 'consulting', 'status before the peer accepts');
      const early = instance(
        await rejects(acceptPeerconn(a, { peerConnId }), 'accept by the initiator'),
        BceServiceError,
        'accept by the initiator',
      );
      equal(early.code, 'AcceptorOnly', 'code of an accept by the initiator');
      await acceptPeerconn(b, { peerConnId });
      const activeA = await waitForPeerconn(a, { peerConnId, until: 'active', ...WAIT });
      const activeB = await waitForPeerconn(b, { peerConnId, until: 'active', ...WAIT });
      equal(activeA.role, 'initiator', 'role seen by the initiator');
      equal(activeB.role, 'acceptor', 'role seen by the acceptor');
      equal(activeB.localVpcId, acceptor.vpcIds[0], 'acceptor localVpcId');
      equal(activeB.peerAccountId, initiator.accountId, 'acceptor sees the initiator account');
    },
  },
  {
    group: 'lifecycle',
    name: 'resize and update: updating, then active with the new bandwidth, description and interface name',
    async run(env) {
      const { client, peerConnId, pc } = await activeSameAccountPair(env);
      await resizePeerconn(client, { peerConnId, newBandwidthInMbps: 50 });
      const resized = await waitForPeerconn(client, { peerConnId, until: 'active', role: 'initiator', ...WAIT });
      equal(resized.bandwidthInMbps, 50, 'bandwidthInMbps after resize');
      ok(pc.localIfId, 'an active connection has a localIfId');
      await updatePeerconn(client, {
        peerConnId,
        localIfId: pc.localIfId,
        description: `updated from ${env.runtime}`,
        localIfName: 'if-conformance',
      });
      const updated = await waitForPeerconn(client, { peerConnId, until: 'active', role: 'initiator', ...WAIT });
      equal(updated.description, `updated from ${env.runtime}`, 'description after update');
      equal(updated.localIfName, 'if-conformance', 'localIfName after update');
    },
  },
  {
    group: 'lifecycle',
    name: 'DNS sync: open → syncing → open (waitForPeerconn dnsStatus), then close; a second open while open fails',
    async run(env) {
      const { client, peerConnId } = await activeSameAccountPair(env);
      await openPeerconnDnsSync(client, { peerConnId, role: 'initiator' });
      const syncing = await getPeerconn(client, { peerConnId, role: 'initiator' });
      equal(syncing.dnsStatus, 'syncing', 'dnsStatus right after open');
      const open = await waitForPeerconn(client, {
        peerConnId,
        until: { dnsStatus: 'open' },
        role: 'initiator',
        ...WAIT,
      });
      equal(open.dnsStatus, 'open', 'dnsStatus after waiting');
      const again = instance(
        await rejects(openPeerconnDnsSync(client, { peerConnId, role: 'initiator' }), 'second open'),
        BceServiceError,
        'second open',
      );
      equal(again.code, 'InvalidDnsStatus', 'code of a second open');
      equal(again.statusCode, 409, 'status of a second open');
      await closePeerconnDnsSync(client, { peerConnId, role: 'initiator' });
      const closed = await waitForPeerconn(client, {
        peerConnId,
        until: { dnsStatus: 'close' },
        role: 'initiator',
        ...WAIT,
      });
      equal(closed.dnsStatus, 'close', 'dnsStatus after close');
    },
  },
  {
    group: 'lifecycle',
    name: 'delete protection blocks delete (403 DeleteProtected); after turning it off delete removes it (404)',
    async run(env) {
      const { client, peerConnId, pc } = await activeSameAccountPair(env, { deleteProtect: true });
      equal(pc.deleteProtect, true, 'deleteProtect as created');
      const blocked = instance(
        await rejects(deletePeerconn(client, { peerConnId }), 'delete of a protected connection'),
        BceServiceError,
        'delete of a protected connection',
      );
      equal(blocked.code, 'DeleteProtected', 'code');
      equal(blocked.statusCode, 403, 'statusCode');
      await updatePeerconnDeleteProtect(client, { peerConnId, deleteProtect: false });
      equal((await getPeerconn(client, { peerConnId, role: 'initiator' })).deleteProtect, false, 'deleteProtect');
      await deletePeerconn(client, { peerConnId });
      const gone = await waitForPeerconn(client, { peerConnId, until: 'deleted', role: 'initiator', ...WAIT });
      equal(gone.status, 'deleted', 'status after delete');
      const missing = instance(
        await rejects(getPeerconn(client, { peerConnId, role: 'initiator' }), 'get after delete'),
        BceServiceError,
        'get after delete',
      );
      equal(missing.statusCode, 404, 'statusCode of a get after delete');
    },
  },
  {
    group: 'pagination',
    name: 'listPeerconns pages with maxKeys 2; paginatePeerconns walks all 5 exactly once, in order',
    async run(env) {
      const account = await newAccount(env, ['bj', 'bj', 'bj', 'bj', 'bj', 'bj']);
      const client = clientFor(env, account);
      const [hub, ...spokes] = account.vpcIds as [string, ...string[]];
      const created: string[] = [];
      for (const peerVpcId of spokes) {
        const { peerConnId } = await createPeerconn(client, {
          bandwidthInMbps: 1,
          localVpcId: hub,
          peerVpcId,
          peerRegion: 'bj',
        });
        created.push(peerConnId);
      }
      const first = await listPeerconns(client, { vpcId: hub, maxKeys: 2 });
      equal(first.peerConns.length, 2, 'first page size');
      equal(first.isTruncated, true, 'first page isTruncated');
      ok(first.nextMarker, 'first page has a nextMarker');
      equal(first.maxKeys, 2, 'maxKeys echoed');
      const second = await listPeerconns(client, { vpcId: hub, maxKeys: 2, marker: first.nextMarker });
      equal(second.marker, first.nextMarker, 'second page marker');
      ok(second.peerConns[0]?.peerConnId !== first.peerConns[0]?.peerConnId, 'second page repeats the first');

      const pages: number[] = [];
      for await (const page of paginatePeerconns(client, { vpcId: hub, maxKeys: 2 })) pages.push(page.peerConns.length);
      sameJson(pages, [2, 2, 1], 'page sizes');
      const items: string[] = [];
      for await (const item of paginatePeerconns(client, { vpcId: hub, maxKeys: 2 }).items())
        items.push(item.peerConnId);
      sameJson(items, created, 'connections walked');
      const other = await listPeerconns(client, { vpcId: spokes[0]! });
      sameJson(
        other.peerConns.map((p) => p.peerConnId),
        [created[0]],
        'vpcId filter',
      );
    },
  },
];
