// An app that creates peer connections: the smallest useful bcekit app.
import { createClient } from '@bcekit/core';
import { createPeerconn } from '@bcekit/peerconn';

export { createClient, createPeerconn };
