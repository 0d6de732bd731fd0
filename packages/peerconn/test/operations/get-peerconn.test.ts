import { BceServiceError } from '@bcekit/core';
import { describe, expect, it } from 'vitest';
import { getPeerconn } from '../../src/index.ts';
import { serviceError, useCaptureServer } from '../helpers/capture-server.ts';
import { createRecordingClient } from '../helpers/recording-client.ts';
import { itChecksPeerConnId, itChecksRole } from '../helpers/shared-rules.ts';

const peerConnId = 'peerconn-x7a2sf0ck5nj';
const call = (client: Parameters<typeof getPeerconn>[0], input: Record<string, unknown>) =>
  getPeerconn(client, input as never);

describe('getPeerconn', () => {
  const server = useCaptureServer();

  it('sends GET /v1/peerconn/{id} without a query and returns the connection', async () => {
    server.current.respond({ body: { peerConnId, status: 'active', bandwidthInMbps: 10, dnsStatus: 'close' } });

    const pc = await getPeerconn(server.current.client(), { peerConnId });

    const [request] = server.current.requests;
    expect(request?.method).toBe('GET');
    expect(request?.path).toBe(`/v1/peerconn/${peerConnId}`);
    expect(request?.rawQuery).toBe('');
    expect(pc).toEqual({
      peerConnId,
      status: 'active',
      bandwidthInMbps: 10,
      dnsStatus: 'close',
      $metadata: { requestId: undefined, httpStatusCode: 200, attempts: 1, totalRetryDelay: 0 },
    });
  });

  it('sends role when given', async () => {
    server.current.respond({ body: { peerConnId } });

    await getPeerconn(server.current.client(), { peerConnId, role: 'acceptor' });

    expect(server.current.requests[0]?.query).toEqual({ role: 'acceptor' });
  });

  it('reads the bandWidthInMbps spelling and keeps unknown statuses and fields', async () => {
    server.current.respond({ body: { peerConnId, status: 'migrating', bandWidthInMbps: 20, extra: { a: 1 } } });

    const pc = await getPeerconn(server.current.client(), { peerConnId });

    expect(pc).toMatchObject({ status: 'migrating', bandwidthInMbps: 20, bandWidthInMbps: 20, extra: { a: 1 } });
  });

  it('sends no clientToken', async () => {
    const { client, sent } = createRecordingClient();

    await getPeerconn(client, { peerConnId });

    expect(sent[0]?.query).not.toHaveProperty('clientToken');
  });

  it('rejects a service error as BceServiceError with its code', async () => {
    server.current.respond(serviceError(404, 'NoSuchPeerConn'));

    const call = getPeerconn(server.current.client(), { peerConnId });

    await expect(call).rejects.toBeInstanceOf(BceServiceError);
    await expect(call).rejects.toMatchObject({ statusCode: 404, code: 'NoSuchPeerConn' });
  });

  itChecksPeerConnId(call, { peerConnId });
  itChecksRole(call, { peerConnId }, false);
});
