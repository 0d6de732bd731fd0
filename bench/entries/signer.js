// The signer alone: what an app that signs its own requests loads.
export { sign } from '@bcekit/signer';
