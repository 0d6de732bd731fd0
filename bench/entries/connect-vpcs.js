// An app that connects two VPCs end to end with the connectVpcs workflow (@bcekit/peerconn on @bcekit/vpc).
import { createClient } from '@bcekit/core';
import { connectVpcs } from '@bcekit/peerconn';

export { connectVpcs, createClient };
