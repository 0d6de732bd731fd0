import { BceError, BceServiceError } from '@bcekit/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { type CreatePeerconnInput, createPeerconn } from '../../src/index.ts';
import { serviceError, useCaptureServer } from '../helpers/capture-server.ts';
import { createRecordingClient, expectValidationError, UUID_V4 } from '../helpers/recording-client.ts';
import { itChecksClientToken, itListsEveryProblem } from '../helpers/shared-rules.ts';

const minimal = {
  bandwidthInMbps: 10,
  localVpcId: 'vpc-a8n5p6qwxrmq',
  peerVpcId: 'vpc-ke3h0jajbkdz',
  peerRegion: 'bj',
};
const call = (client: Parameters<typeof createPeerconn>[0], input: Record<string, unknown>) =>
  createPeerconn(client, input as never);

describe('createPeerconn', () => {
  const server = useCaptureServer();
  beforeEach(() => server.current.respond({ body: { peerConnId: 'peerconn-new000000001' } }));

  it('sends POST /v1/peerconn?clientToken with Python’s billing and deleteProtect defaults', async () => {
    server.current.respond({ body: { peerConnId: 'peerconn-cap0000000001' } });

    const result = await createPeerconn(server.current.client(), { ...minimal, clientToken: 'create-min-token-0001' });

    const [request] = server.current.requests;
    expect(result).toEqual({
      peerConnId: 'peerconn-cap0000000001',
      $metadata: expect.objectContaining({ attempts: 1 }),
    });
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/v1/peerconn');
    expect(request?.query).toEqual({ clientToken: 'create-min-token-0001' });
    expect(request?.body).toEqual({
      ...minimal,
      billing: { paymentTiming: 'Postpaid', reservation: { reservationLength: 1, reservationTimeUnit: 'Month' } },
      deleteProtect: false,
    });
  });

  it('sends every optional field when given, and nothing else', async () => {
    const full: CreatePeerconnInput = {
      ...minimal,
      description: 'to staging',
      localIfName: 'local-if',
      peerAccountId: 'acc-2',
      peerIfName: 'peer-if',
      billing: { paymentTiming: 'Prepaid', reservation: { reservationLength: 12, reservationTimeUnit: 'month' } },
      tags: [{ tagKey: 'env', tagValue: '' }],
      resourceGroupId: 'RESG-abc',
      deleteProtect: true,
    };

    await createPeerconn(server.current.client(), full);

    expect(server.current.requests[0]?.body).toEqual(full);
  });

  it('fills a partial billing like Python’s Billing model', async () => {
    await createPeerconn(server.current.client(), { ...minimal, billing: { paymentTiming: 'Prepaid' } });

    expect(server.current.requests[0]?.body).toMatchObject({
      billing: { paymentTiming: 'Prepaid', reservation: { reservationLength: 1, reservationTimeUnit: 'Month' } },
    });
  });

  it('makes a UUID v4 clientToken when none is given', async () => {
    await createPeerconn(server.current.client(), minimal);

    expect(server.current.requests[0]?.query['clientToken']).toMatch(UUID_V4);
  });

  it('does not send the clientToken in the body', async () => {
    await createPeerconn(server.current.client(), { ...minimal, clientToken: 'abc' });

    expect(server.current.requests[0]?.body).not.toHaveProperty('clientToken');
  });

  it('rejects a service error as BceServiceError with its code', async () => {
    server.current.respond(serviceError(409, 'PeerConnExists'));

    const call = createPeerconn(server.current.client(), minimal);

    await expect(call).rejects.toBeInstanceOf(BceServiceError);
    await expect(call).rejects.toMatchObject({ statusCode: 409, code: 'PeerConnExists' });
  });

  it('rejects an answer without a peerConnId instead of returning undefined', async () => {
    server.current.respond({ body: {} });

    const call = createPeerconn(server.current.client(), minimal);

    await expect(call).rejects.toBeInstanceOf(BceError);
    await expect(call).rejects.toThrow('createPeerconn: the service answered without a peerConnId');
  });

  it('puts the clientToken it sent on that error, so the create can be retried safely', async () => {
    server.current.respond({ body: {} });

    const error = await createPeerconn(server.current.client(), minimal).catch((e: unknown) => e);

    expect((error as BceError).clientToken).toMatch(/^[0-9a-f-]{36}$/);
    expect(server.current.requests.at(-1)?.query.clientToken).toBe((error as BceError).clientToken);
  });

  it('refuses a description longer than 1024 characters without sending it', async () => {
    const { client, sent } = createRecordingClient();

    const call = createPeerconn(client, { ...minimal, description: 'x'.repeat(1025) });

    await expect(call).rejects.toThrow(/description must be at most 1024 characters/);
    expect(sent).toHaveLength(0);
  });

  it('accepts a region code it does not know yet', async () => {
    const { client, sent } = createRecordingClient();

    await createPeerconn(client, { ...minimal, peerRegion: 'xj-new2' });

    expect(sent[0]?.body).toMatchObject({ peerRegion: 'xj-new2' });
  });

  describe('rejects without sending', () => {
    it.each([
      ['bandwidth 0', { bandwidthInMbps: 0 }, 'bandwidthInMbps'],
      ['a fractional bandwidth', { bandwidthInMbps: 2.5 }, 'bandwidthInMbps'],
      ['a missing bandwidth', { bandwidthInMbps: undefined }, 'bandwidthInMbps'],
      ['a missing localVpcId', { localVpcId: undefined }, 'localVpcId'],
      ['an empty localVpcId', { localVpcId: '' }, 'localVpcId'],
      ['a missing peerVpcId', { peerVpcId: undefined }, 'peerVpcId'],
      ['a peerVpcId with "/"', { peerVpcId: 'vpc/x' }, 'peerVpcId'],
      ['a missing peerRegion', { peerRegion: undefined }, 'peerRegion'],
      ['an upper-case peerRegion', { peerRegion: 'BJ' }, 'peerRegion'],
      ['a peerRegion that is no code', { peerRegion: 'bj; drop' }, 'peerRegion'],
      ['an unknown paymentTiming', { billing: { paymentTiming: 'Monthly' } }, 'billing.paymentTiming'],
      [
        'a reservationLength of 10',
        { billing: { reservation: { reservationLength: 10, reservationTimeUnit: 'Month' } } },
        'billing.reservation.reservationLength',
      ],
      [
        'a reservationTimeUnit of Year',
        { billing: { reservation: { reservationLength: 1, reservationTimeUnit: 'Year' } } },
        'billing.reservation.reservationTimeUnit',
      ],
      ['billing that is not an object', { billing: 'Postpaid' }, 'billing'],
      ['tags that are not an array', { tags: { env: 'prod' } }, 'tags'],
      ['a tag with an empty key', { tags: [{ tagKey: '', tagValue: 'v' }] }, 'tags[0].tagKey'],
      ['a tag without a value', { tags: [{ tagKey: 'k' }] }, 'tags[0].tagValue'],
      ['a deleteProtect that is not a boolean', { deleteProtect: 'yes' }, 'deleteProtect'],
      ['a description that is not a string', { description: 42 }, 'description'],
      ['a localIfName that is not a string', { localIfName: 42 }, 'localIfName'],
      ['a peerAccountId that is not a string', { peerAccountId: 42 }, 'peerAccountId'],
      ['a peerIfName that is not a string', { peerIfName: 42 }, 'peerIfName'],
      ['a resourceGroupId that is not a string', { resourceGroupId: 42 }, 'resourceGroupId'],
    ])('%s', async (_title, change, path) => {
      const { client, sent } = createRecordingClient();

      await expectValidationError(call(client, { ...minimal, ...change }), path);

      expect(sent).toHaveLength(0);
    });

    it('an input that is not an object', async () => {
      const { client, sent } = createRecordingClient();

      const error = await expectValidationError(call(client, null as never), '');

      expect(error.message).toBe('createPeerconn: input must be an object (got null)');
      expect(sent).toHaveLength(0);
    });
  });

  itChecksClientToken(call, minimal);
  itListsEveryProblem(
    call,
    { bandwidthInMbps: 0, localVpcId: '', peerRegion: 'BJ', billing: { reservation: { reservationLength: 10 } } },
    ['bandwidthInMbps', 'localVpcId', 'peerVpcId', 'peerRegion', 'billing.reservation.reservationLength'],
  );
});
