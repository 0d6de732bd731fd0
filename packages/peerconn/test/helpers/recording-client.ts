// The recording client serves every service package's tests (scripts/test-helpers); here it answers
// `{ peerConnId }` by default, what createPeerconn needs (the other operations ignore it).
import type { BceRequest } from '@bcekit/core';
import { createRecordingClient as recordingClient } from '../../../../scripts/test-helpers/recording-client.ts';

export { expectValidationError, UUID_V4 } from '../../../../scripts/test-helpers/recording-client.ts';

export const createRecordingClient = (
  reply: (request: BceRequest, index: number) => unknown = () => ({ peerConnId: 'peerconn-recorded0001' }),
) => recordingClient(reply);
