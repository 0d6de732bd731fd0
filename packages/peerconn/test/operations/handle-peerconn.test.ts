import { BceServiceError } from '@bcekit/core';
import { describe, expect, it } from 'vitest';
import { handlePeerconn } from '../../src/index.ts';
import { serviceError, useCaptureServer } from '../helpers/capture-server.ts';
import { createRecordingClient, expectValidationError, UUID_V4 } from '../helpers/recording-client.ts';
import { itChecksClientToken, itChecksPeerConnId } from '../helpers/shared-rules.ts';

const valid = { peerConnId: 'peerconn-x7a2sf0ck5nj', action: 'accept' };
const call = (client: Parameters<typeof handlePeerconn>[0], input: Record<string, unknown>) =>
  handlePeerconn(client, input as never);

describe('handlePeerconn', () => {
  const server = useCaptureServer();

  it.each(['accept', 'reject'] as const)('sends PUT /v1/peerconn/{id}?%s&clientToken with no body', async (action) => {
    const result = await handlePeerconn(server.current.client(), {
      peerConnId: 'peerconn-x7a2sf0ck5nj',
      action,
      clientToken: 'handle-0008',
    });

    const [request] = server.current.requests;
    expect(result).toEqual({
      $metadata: { requestId: undefined, httpStatusCode: 200, attempts: 1, totalRetryDelay: 0 },
    });
    expect(request?.method).toBe('PUT');
    expect(request?.path).toBe('/v1/peerconn/peerconn-x7a2sf0ck5nj');
    expect(request?.query).toEqual({ [action]: '', clientToken: 'handle-0008' });
    expect(request?.rawBody).toBe('');
  });

  it('makes a UUID v4 clientToken when none is given', async () => {
    await handlePeerconn(server.current.client(), { peerConnId: 'peerconn-x7a2sf0ck5nj', action: 'reject' });

    expect(server.current.requests[0]?.query['clientToken']).toMatch(UUID_V4);
  });

  it('rejects a service error as BceServiceError with its code', async () => {
    server.current.respond(serviceError(409, 'PeerConnNotConsulting'));

    const call = handlePeerconn(server.current.client(), { peerConnId: 'peerconn-x7a2sf0ck5nj', action: 'accept' });

    await expect(call).rejects.toBeInstanceOf(BceServiceError);
    await expect(call).rejects.toMatchObject({ statusCode: 409, code: 'PeerConnNotConsulting' });
  });

  describe('rejects without sending', () => {
    it.each([
      ['an unknown action (Python would send it as a flag)', 'refund'],
      ['a capitalised action', 'Accept'],
      ['a missing action', undefined],
    ])('%s', async (_title, action) => {
      const { client, sent } = createRecordingClient();

      await expectValidationError(call(client, { ...valid, action }), 'action');

      expect(sent).toHaveLength(0);
    });
  });

  itChecksPeerConnId(call, valid);
  itChecksClientToken(call, valid);
});
