// Baseline: AWS SDK v3, the EC2 client with the one command that creates a VPC peering connection.
export { CreateVpcPeeringConnectionCommand, EC2Client } from '@aws-sdk/client-ec2';
