import { BceServiceError } from '@bcekit/core';
import { describe, expect, it } from 'vitest';
import { refundPeerconn } from '../../src/index.ts';
import { serviceError, useCaptureServer } from '../helpers/capture-server.ts';
import { UUID_V4 } from '../helpers/recording-client.ts';
import { itChecksClientToken, itChecksPeerConnId } from '../helpers/shared-rules.ts';

const valid = { peerConnId: 'peerconn-x7a2sf0ck5nj' };
const call = (client: Parameters<typeof refundPeerconn>[0], input: Record<string, unknown>) =>
  refundPeerconn(client, input as never);

describe('refundPeerconn', () => {
  const server = useCaptureServer();

  it('sends PUT /v1/peerconn/{id}?refund&clientToken with no body', async () => {
    const result = await refundPeerconn(server.current.client(), { ...valid, clientToken: 'token-0001' });

    const [request] = server.current.requests;
    expect(result).toEqual({
      $metadata: { requestId: undefined, httpStatusCode: 200, attempts: 1, totalRetryDelay: 0 },
    });
    expect(request?.method).toBe('PUT');
    expect(request?.path).toBe('/v1/peerconn/peerconn-x7a2sf0ck5nj');
    expect(request?.query).toEqual({ refund: '', clientToken: 'token-0001' });
    expect(request?.rawBody).toBe('');
  });

  it('sends the refund flag bare', async () => {
    await refundPeerconn(server.current.client(), { ...valid, clientToken: 'token-0001' });

    expect(server.current.requests[0]?.rawQuery.split('&')).toContain('refund');
  });

  it('makes a UUID v4 clientToken when none is given', async () => {
    await refundPeerconn(server.current.client(), valid);

    expect(server.current.requests[0]?.query['clientToken']).toMatch(UUID_V4);
  });

  it('rejects a service error as BceServiceError with its code', async () => {
    server.current.respond(serviceError(400, 'PostpaidCannotRefund'));

    const call = refundPeerconn(server.current.client(), valid);

    await expect(call).rejects.toBeInstanceOf(BceServiceError);
    await expect(call).rejects.toMatchObject({ statusCode: 400, code: 'PostpaidCannotRefund' });
  });

  itChecksPeerConnId(call, valid);
  itChecksClientToken(call, valid);
});
