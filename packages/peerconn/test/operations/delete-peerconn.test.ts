import { BceServiceError } from '@bcekit/core';
import { describe, expect, it } from 'vitest';
import { deletePeerconn } from '../../src/index.ts';
import { serviceError, useCaptureServer } from '../helpers/capture-server.ts';
import { UUID_V4 } from '../helpers/recording-client.ts';
import { itChecksClientToken, itChecksPeerConnId } from '../helpers/shared-rules.ts';

const valid = { peerConnId: 'peerconn-x7a2sf0ck5nj' };
const call = (client: Parameters<typeof deletePeerconn>[0], input: Record<string, unknown>) =>
  deletePeerconn(client, input as never);

describe('deletePeerconn', () => {
  const server = useCaptureServer();

  it('sends DELETE /v1/peerconn/{id}?clientToken with no body', async () => {
    const result = await deletePeerconn(server.current.client(), { ...valid, clientToken: 'token-0001' });

    const [request] = server.current.requests;
    expect(result).toEqual({
      $metadata: { requestId: undefined, httpStatusCode: 200, attempts: 1, totalRetryDelay: 0 },
    });
    expect(request?.method).toBe('DELETE');
    expect(request?.path).toBe('/v1/peerconn/peerconn-x7a2sf0ck5nj');
    expect(request?.query).toEqual({ clientToken: 'token-0001' });
    expect(request?.rawBody).toBe('');
  });

  it('makes a UUID v4 clientToken when none is given', async () => {
    await deletePeerconn(server.current.client(), valid);

    expect(server.current.requests[0]?.query['clientToken']).toMatch(UUID_V4);
  });

  it('rejects a service error as BceServiceError with its code', async () => {
    server.current.respond(serviceError(409, 'DeleteProtected'));

    const call = deletePeerconn(server.current.client(), valid);

    await expect(call).rejects.toBeInstanceOf(BceServiceError);
    await expect(call).rejects.toMatchObject({ statusCode: 409, code: 'DeleteProtected' });
  });

  itChecksPeerConnId(call, valid);
  itChecksClientToken(call, valid);
});
