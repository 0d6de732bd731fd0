import { BceServiceError } from '@bcekit/core';
import { describe, expect, it } from 'vitest';
import { listPeerconns } from '../../src/index.ts';
import { serviceError, useCaptureServer } from '../helpers/capture-server.ts';
import { createRecordingClient, expectValidationError } from '../helpers/recording-client.ts';

const item = {
  peerConnId: 'peerconn-cap0000000001',
  role: 'initiator',
  status: 'active',
  bandWidthInMbps: 10,
  localVpcId: 'vpc-a8n5p6qwxrmq',
  peerVpcId: 'vpc-ke3h0jajbkdz',
  localRegion: 'bj',
  peerRegion: 'bj',
  paymentTiming: 'Postpaid',
  dnsStatus: 'close',
  createdTime: '2024-06-11T06:13:20Z',
  futureField: 'kept',
};

describe('listPeerconns', () => {
  const server = useCaptureServer();

  it('sends GET /v1/peerconn with no query when given nothing', async () => {
    await listPeerconns(server.current.client());

    const [request] = server.current.requests;
    expect(request?.method).toBe('GET');
    expect(request?.path).toBe('/v1/peerconn');
    expect(request?.rawQuery).toBe('');
    expect(request?.body).toBeUndefined();
  });

  it('sends vpcId, marker and maxKeys when given', async () => {
    await listPeerconns(server.current.client(), { vpcId: 'vpc-a8n5p6qwxrmq', marker: 'peerconn-m1', maxKeys: 50 });

    expect(server.current.requests[0]?.query).toEqual({
      vpcId: 'vpc-a8n5p6qwxrmq',
      marker: 'peerconn-m1',
      maxKeys: '50',
    });
  });

  it('does not send an empty marker (it means the first page)', async () => {
    await listPeerconns(server.current.client(), { marker: '' });

    expect(server.current.requests[0]?.rawQuery).toBe('');
  });

  it('returns the page, reading bandWidthInMbps as bandwidthInMbps and keeping unknown fields', async () => {
    server.current.respond({
      body: { marker: 'peerconn-cap0000000001', isTruncated: false, nextMarker: '', maxKeys: 1000, peerConns: [item] },
    });

    const page = await listPeerconns(server.current.client(), { vpcId: 'vpc-a8n5p6qwxrmq' });

    expect(page).toMatchObject({ marker: 'peerconn-cap0000000001', isTruncated: false, maxKeys: 1000 });
    expect(page.peerConns[0]).toMatchObject({ ...item, bandwidthInMbps: 10 });
  });

  it('reads an empty body as an empty, final page', async () => {
    server.current.respond({ status: 200 });

    const page = await listPeerconns(server.current.client());

    expect(page).toMatchObject({ peerConns: [], marker: '', isTruncated: false });
  });

  it('rejects a service error as BceServiceError with its code', async () => {
    server.current.respond(serviceError(403, 'AccessDenied'));

    const call = listPeerconns(server.current.client());

    await expect(call).rejects.toBeInstanceOf(BceServiceError);
    await expect(call).rejects.toMatchObject({ statusCode: 403, code: 'AccessDenied' });
  });

  describe('rejects without sending', () => {
    it.each([
      ['maxKeys 0', { maxKeys: 0 }, 'maxKeys'],
      ['maxKeys 1001', { maxKeys: 1001 }, 'maxKeys'],
      ['a fractional maxKeys', { maxKeys: 10.5 }, 'maxKeys'],
      ['a maxKeys string', { maxKeys: '100' }, 'maxKeys'],
      ['an empty vpcId', { vpcId: '' }, 'vpcId'],
      ['a vpcId with "/"', { vpcId: 'vpc-a/b' }, 'vpcId'],
      ['a marker that is not a string', { marker: 5 }, 'marker'],
    ])('%s', async (_title, input, path) => {
      const { client, sent } = createRecordingClient();

      await expectValidationError(listPeerconns(client, input as never), path);

      expect(sent).toHaveLength(0);
    });

    it('says what maxKeys must be', async () => {
      const { client } = createRecordingClient();

      const error = await expectValidationError(listPeerconns(client, { maxKeys: 1001 }), 'maxKeys');

      expect(error.message).toBe('listPeerconns: maxKeys must be an integer from 1 to 1000 (got 1001)');
    });
  });

  it('accepts maxKeys 1 and 1000', async () => {
    const { client, sent } = createRecordingClient();

    await listPeerconns(client, { maxKeys: 1 });
    await listPeerconns(client, { maxKeys: 1000 });

    expect(sent.map((request) => request.query?.['maxKeys'])).toEqual([1, 1000]);
  });
});
