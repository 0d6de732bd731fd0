import { BceServiceError } from '@bcekit/core';
import { describe, expect, it } from 'vitest';
import { updatePeerconn } from '../../src/index.ts';
import { serviceError, useCaptureServer } from '../helpers/capture-server.ts';
import { createRecordingClient, expectValidationError, UUID_V4 } from '../helpers/recording-client.ts';
import { itChecksClientToken, itChecksPeerConnId } from '../helpers/shared-rules.ts';

const valid = { peerConnId: 'peerconn-x7a2sf0ck5nj', localIfId: 'qpif-4n2nm1pwchhz' };
const call = (client: Parameters<typeof updatePeerconn>[0], input: Record<string, unknown>) =>
  updatePeerconn(client, input as never);

describe('updatePeerconn', () => {
  const server = useCaptureServer();

  it('sends PUT /v1/peerconn/{id}?clientToken with { localIfId }', async () => {
    const result = await updatePeerconn(server.current.client(), { ...valid, clientToken: 'update-token-0006' });

    const [request] = server.current.requests;
    expect(result).toEqual({
      $metadata: { requestId: undefined, httpStatusCode: 200, attempts: 1, totalRetryDelay: 0 },
    });
    expect(request?.method).toBe('PUT');
    expect(request?.path).toBe('/v1/peerconn/peerconn-x7a2sf0ck5nj');
    expect(request?.query).toEqual({ clientToken: 'update-token-0006' });
    expect(request?.body).toEqual({ localIfId: 'qpif-4n2nm1pwchhz' });
  });

  it('sends description and localIfName when given', async () => {
    await updatePeerconn(server.current.client(), { ...valid, description: 'peer_diff_accounts', localIfName: 'test' });

    expect(server.current.requests[0]?.body).toEqual({
      localIfId: 'qpif-4n2nm1pwchhz',
      description: 'peer_diff_accounts',
      localIfName: 'test',
    });
  });

  it('makes a UUID v4 clientToken when none is given', async () => {
    await updatePeerconn(server.current.client(), valid);

    expect(server.current.requests[0]?.query['clientToken']).toMatch(UUID_V4);
  });

  it('rejects a service error as BceServiceError with its code', async () => {
    server.current.respond(serviceError(400, 'InvalidParameter'));

    const call = updatePeerconn(server.current.client(), valid);

    await expect(call).rejects.toBeInstanceOf(BceServiceError);
    await expect(call).rejects.toMatchObject({ statusCode: 400, code: 'InvalidParameter' });
  });

  describe('rejects without sending', () => {
    it.each([
      ['a missing localIfId', { localIfId: undefined }, 'localIfId'],
      ['an empty localIfId', { localIfId: '' }, 'localIfId'],
      ['a description that is not a string', { description: 1 }, 'description'],
      ['a localIfName that is not a string', { localIfName: false }, 'localIfName'],
    ])('%s', async (_title, change, path) => {
      const { client, sent } = createRecordingClient();

      await expectValidationError(call(client, { ...valid, ...change }), path);

      expect(sent).toHaveLength(0);
    });
  });

  itChecksPeerConnId(call, valid);
  itChecksClientToken(call, valid);
});
