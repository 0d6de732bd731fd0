// Time to first request, AWS SDK v3: import, create an EC2 client, send one CreateVpcPeeringConnection to the
// local stub at argv[2] (SigV4 signed, real HTTP).
import { CreateVpcPeeringConnectionCommand, EC2Client } from '@aws-sdk/client-ec2';

const ec2 = new EC2Client({
  region: 'us-east-1',
  endpoint: process.argv[2],
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'aws-secret-key-fake-000000000000' },
  maxAttempts: 1,
});
const out = await ec2.send(
  new CreateVpcPeeringConnectionCommand({ VpcId: 'vpc-1a2b3c4d', PeerVpcId: 'vpc-11122233', PeerRegion: 'us-west-2' }),
);
console.log(out.VpcPeeringConnection?.VpcPeeringConnectionId);
