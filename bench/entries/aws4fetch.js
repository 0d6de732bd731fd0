// Baseline: aws4fetch, the small Web Crypto SigV4 signer + fetch client.
export { AwsClient, AwsV4Signer } from 'aws4fetch';
