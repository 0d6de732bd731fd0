import { BceServiceError } from '@bcekit/core';
import { describe, expect, it } from 'vitest';
import { updatePeerconnDeleteProtect } from '../../src/index.ts';
import { serviceError, useCaptureServer } from '../helpers/capture-server.ts';
import { createRecordingClient, expectValidationError, UUID_V4 } from '../helpers/recording-client.ts';
import { itChecksClientToken, itChecksPeerConnId } from '../helpers/shared-rules.ts';

const valid = { peerConnId: 'peerconn-x7a2sf0ck5nj', deleteProtect: true };
const call = (client: Parameters<typeof updatePeerconnDeleteProtect>[0], input: Record<string, unknown>) =>
  updatePeerconnDeleteProtect(client, input as never);

describe('updatePeerconnDeleteProtect', () => {
  const server = useCaptureServer();

  it.each([true, false])(
    'sends PUT /v1/peerconn/{id}/deleteProtect?clientToken with { deleteProtect: %s }',
    async (deleteProtect) => {
      const result = await updatePeerconnDeleteProtect(server.current.client(), {
        peerConnId: 'peerconn-x7a2sf0ck5nj',
        deleteProtect,
        clientToken: 'protect-token-0016',
      });

      const [request] = server.current.requests;
      expect(result).toEqual({
        $metadata: { requestId: undefined, httpStatusCode: 200, attempts: 1, totalRetryDelay: 0 },
      });
      expect(request?.method).toBe('PUT');
      expect(request?.path).toBe('/v1/peerconn/peerconn-x7a2sf0ck5nj/deleteProtect');
      expect(request?.query).toEqual({ clientToken: 'protect-token-0016' });
      expect(request?.body).toEqual({ deleteProtect });
    },
  );

  it('makes a UUID v4 clientToken when none is given', async () => {
    await updatePeerconnDeleteProtect(server.current.client(), valid);

    expect(server.current.requests[0]?.query['clientToken']).toMatch(UUID_V4);
  });

  it('rejects a service error as BceServiceError with its code', async () => {
    server.current.respond(serviceError(403, 'AccessDenied'));

    const call = updatePeerconnDeleteProtect(server.current.client(), valid);

    await expect(call).rejects.toBeInstanceOf(BceServiceError);
    await expect(call).rejects.toMatchObject({ statusCode: 403, code: 'AccessDenied' });
  });

  describe('rejects without sending', () => {
    it.each([
      ['a missing deleteProtect', undefined],
      ['a string "true"', 'true'],
      ['the number 1', 1],
    ])('%s', async (_title, deleteProtect) => {
      const { client, sent } = createRecordingClient();

      await expectValidationError(call(client, { ...valid, deleteProtect }), 'deleteProtect');

      expect(sent).toHaveLength(0);
    });
  });

  itChecksPeerConnId(call, valid);
  itChecksClientToken(call, valid);
});
