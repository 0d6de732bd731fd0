// The walk-through itself: every step is a bcekit call, printed as it happens. It runs unchanged against the
// emulator (demo.mjs) and, with --live, against Baidu.
import { BceServiceError } from '@bcekit/core';
import {
  acceptPeerconn,
  createPeerconn,
  deletePeerconn,
  getPeerconn,
  openPeerconnDnsSync,
  paginatePeerconns,
  resizePeerconn,
  updatePeerconn,
  updatePeerconnDeleteProtect,
  waitForPeerconn,
} from '@bcekit/peerconn';

/**
 * @param {object} setup
 * @param {import('@bcekit/core').BceClient} setup.client the initiator's client
 * @param {import('@bcekit/core').BceClient | undefined} setup.peerClient the other account's client (cross-account steps)
 * @param {{ localVpcId: string, localRegion: string, peerVpcId: string, peerRegion: string }} setup.sameAccount
 * @param {{ localVpcId: string, peerVpcId: string, peerRegion: string, peerAccountId: string } | undefined} setup.crossAccount
 * @param {{ minDelay: number, maxDelay: number, maxWaitTime: number }} setup.wait
 * @param {(line: string) => void} setup.log
 */
export async function runLifecycle({ client, peerClient, sameAccount, crossAccount, wait, log }) {
  let step = 0;
  const heading = (title) => log(`\n${++step}. ${title}`);
  const waitFor = async (peerConnId, until, role) => {
    const started = Date.now();
    const pc = await waitForPeerconn(client, { peerConnId, until, role, ...wait });
    const target = typeof until === 'string' ? until : JSON.stringify(until);
    log(`   waited for ${target}: status ${pc.status}, dnsStatus ${pc.dnsStatus} (${Date.now() - started} ms)`);
    return pc;
  };

  heading(
    `Same-account connection ${sameAccount.localVpcId} (${sameAccount.localRegion}) <-> ${sameAccount.peerVpcId} (${sameAccount.peerRegion})`,
  );
  const same = await createPeerconn(client, {
    localVpcId: sameAccount.localVpcId,
    peerVpcId: sameAccount.peerVpcId,
    peerRegion: sameAccount.peerRegion,
    bandwidthInMbps: 10,
    description: 'bcekit demo: same account',
  });
  log(`   createPeerconn -> ${same.peerConnId} (same account: accepted by itself)`);
  log(
    `   status right after create: ${(await getPeerconn(client, { peerConnId: same.peerConnId, role: 'initiator' })).status}`,
  );
  await waitFor(same.peerConnId, 'active', 'initiator');

  let cross;
  if (crossAccount && peerClient) {
    heading(
      `Cross-account connection ${crossAccount.localVpcId} -> ${crossAccount.peerVpcId} (account ${crossAccount.peerAccountId})`,
    );
    cross = await createPeerconn(client, {
      ...crossAccount,
      bandwidthInMbps: 5,
      description: 'bcekit demo: cross account',
    });
    const pending = await getPeerconn(client, { peerConnId: cross.peerConnId, role: 'initiator' });
    log(`   createPeerconn -> ${cross.peerConnId}; status ${pending.status} (waits for the other account)`);
    await acceptPeerconn(peerClient, { peerConnId: cross.peerConnId });
    log('   acceptPeerconn by the peer account');
    await waitFor(cross.peerConnId, 'active', 'initiator');
  } else {
    log('\n   (cross-account steps skipped: no second account configured)');
  }

  heading(`Resize ${same.peerConnId} from 10 to 20 Mbps`);
  await resizePeerconn(client, { peerConnId: same.peerConnId, newBandwidthInMbps: 20 });
  const resized = await waitFor(same.peerConnId, 'active', 'initiator');
  log(`   bandwidthInMbps: ${resized.bandwidthInMbps}`);

  const dnsTarget = cross ?? same;
  heading(`Open DNS sync on ${dnsTarget.peerConnId} (initiator side)`);
  await openPeerconnDnsSync(client, { peerConnId: dnsTarget.peerConnId, role: 'initiator' });
  await waitFor(dnsTarget.peerConnId, { dnsStatus: 'open' }, 'initiator');

  heading('List every peer connection, one per page (paginatePeerconns, maxKeys 1)');
  let pages = 0;
  for await (const page of paginatePeerconns(client, { maxKeys: 1 })) {
    pages++;
    for (const pc of page.peerConns) {
      log(
        `   page ${pages}: ${pc.peerConnId} ${pc.role} ${pc.status} ${pc.localVpcId} -> ${pc.peerVpcId} ${pc.bandwidthInMbps} Mbps`,
      );
    }
  }
  log(`   ${pages} page(s)`);

  heading(`Update the description of ${same.peerConnId}`);
  const before = await getPeerconn(client, { peerConnId: same.peerConnId, role: 'initiator' });
  await updatePeerconn(client, {
    peerConnId: same.peerConnId,
    localIfId: before.localIfId,
    description: 'renamed by the demo',
  });
  const after = await waitFor(same.peerConnId, 'active', 'initiator');
  log(`   description: "${before.description}" -> "${after.description}"`);

  heading(`Delete protection on ${same.peerConnId}`);
  await updatePeerconnDeleteProtect(client, { peerConnId: same.peerConnId, deleteProtect: true });
  try {
    await deletePeerconn(client, { peerConnId: same.peerConnId });
    throw new Error('delete succeeded although delete protection is on');
  } catch (error) {
    if (!(error instanceof BceServiceError)) throw error;
    log(`   deletePeerconn refused: ${error.code} (${error.statusCode})`);
  }
  await updatePeerconnDeleteProtect(client, { peerConnId: same.peerConnId, deleteProtect: false });
  log('   delete protection off again');

  heading('Delete both connections');
  for (const { peerConnId } of [same, cross].filter(Boolean)) {
    await deletePeerconn(client, { peerConnId });
    log(`   deletePeerconn ${peerConnId}`);
    await waitFor(peerConnId, 'deleted', 'initiator');
  }
  return { same, cross, steps: step };
}
