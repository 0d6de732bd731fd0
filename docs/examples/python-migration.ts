// The Python samples of docs/migrating-from-python.md, call by call in bcekit.
import { BceServiceError, createClient, fromEnv } from '@bcekit/core';
import {
  acceptPeerconn,
  closePeerconnDnsSync,
  createPeerconn,
  deletePeerconn,
  getPeerconn,
  handlePeerconn,
  listPeerconns,
  openPeerconnDnsSync,
  paginatePeerconns,
  refundPeerconn,
  rejectPeerconn,
  renewPeerconn,
  resizePeerconn,
  updatePeerconn,
  updatePeerconnDeleteProtect,
} from '@bcekit/peerconn';

// Python: config = BceClientConfiguration(credentials=BceCredentials(ak, sk), endpoint='bcc.bj.baidubce.com')
//         client = peerconn_client.PeerConnClient(config)
const client = createClient({
  region: 'bj', // or endpoint: 'https://bcc.bj.baidubce.com'
  credentials: fromEnv(), // or { accessKeyId, secretAccessKey, sessionToken? }
});

export async function tour(): Promise<void> {
  // client.create_peerconn(bandwidth_in_mbps=10, local_vpc_id=..., peer_vpc_id=..., peer_region='bj')
  const { peerConnId } = await createPeerconn(client, {
    bandwidthInMbps: 10,
    localVpcId: 'vpc-a8n5p6qwxrmq',
    peerVpcId: 'vpc-ke3h0jajbkdz',
    peerRegion: 'bj',
    // billing defaults to { paymentTiming: 'Postpaid', reservation: { reservationLength: 1, reservationTimeUnit: 'Month' } }
    // deleteProtect defaults to false; both are sent, as Python sends them
  });

  // client.list_peerconns(vpc_id='vpc-a8n5p6qwxrmq', marker=None, max_keys=100)
  const page = await listPeerconns(client, { vpcId: 'vpc-a8n5p6qwxrmq', maxKeys: 100 });
  console.log(page.peerConns.length, page.isTruncated, page.nextMarker);

  // every page, following nextMarker for you
  for await (const pc of paginatePeerconns(client, { vpcId: 'vpc-a8n5p6qwxrmq' }).items()) {
    console.log(pc.peerConnId, pc.status);
  }

  // client.get_peerconn(peer_conn_id, role='initiator')
  const pc = await getPeerconn(client, { peerConnId, role: 'initiator' });
  console.log(pc.bandwidthInMbps); // Python's sample reads bandwith_in_mbp, which is None

  // client.update_peerconn(peer_conn_id, local_if_id='qpif-ken2yc9j8x56', description='prod', local_if_name='to-gz')
  await updatePeerconn(client, {
    peerConnId,
    localIfId: 'qpif-ken2yc9j8x56',
    description: 'prod',
    localIfName: 'to-gz',
  });

  // client.handle_peerconn(peer_conn_id, 'accept') / client.handle_peerconn(peer_conn_id, 'reject')
  await acceptPeerconn(client, { peerConnId });
  await rejectPeerconn(client, { peerConnId });
  await handlePeerconn(client, { peerConnId, action: 'accept' }); // checked: only 'accept' or 'reject'

  // client.resize_peerconn(peer_conn_id, new_bandwidth_in_mbps=20)
  await resizePeerconn(client, { peerConnId, newBandwidthInMbps: 20 });

  // client.purchase_reserved_peerconn(peer_conn_id)  (Billing() = 1 Month), then with Billing('Prepaid')
  await renewPeerconn(client, { peerConnId });
  await renewPeerconn(client, {
    peerConnId,
    billing: { paymentTiming: 'Prepaid', reservation: { reservationLength: 3 } },
  });

  // client.open_peerconn_dns_sync(peer_conn_id, role='initiator') / client.close_peerconn_dns_sync(...)
  await openPeerconnDnsSync(client, { peerConnId, role: 'initiator' });
  await closePeerconnDnsSync(client, { peerConnId, role: 'initiator' });

  // client.update_peerconn_delete_protect(peer_conn_id, delete_protect=True)
  await updatePeerconnDeleteProtect(client, { peerConnId, deleteProtect: true });

  // client.refund_peerconn(peer_conn_id) (prepaid) / client.delete_peerconn(peer_conn_id)
  await refundPeerconn(client, { peerConnId });
  await deletePeerconn(client, { peerConnId });
}

export async function errors(peerConnId: string): Promise<void> {
  // Python: except BceServerError as e: e.code, e.status_code, e.request_id
  try {
    await deletePeerconn(client, { peerConnId });
  } catch (error) {
    if (error instanceof BceServiceError) {
      console.log(error.code, error.statusCode, error.requestId, error.attempts);
    } else {
      throw error;
    }
  }
}
