// Time to first request, bcekit: import, create a client, create one peer connection on the emulator at argv[2].
import { createClient } from '@bcekit/core';
import { createPeerconn } from '@bcekit/peerconn';

const credentials = {
  accessKeyId: 'AKIDALICE00000000000000000EXAMPLE',
  secretAccessKey: 'alice-secret-key-fake-0000000000',
};
const client = createClient({ endpoint: process.argv[2], credentials });
const { peerConnId } = await createPeerconn(client, {
  bandwidthInMbps: 10,
  localVpcId: 'vpc-alicebj00001',
  peerVpcId: 'vpc-alicebj00002',
  peerRegion: 'bj',
});
console.log(peerConnId);
