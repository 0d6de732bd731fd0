import { BceServiceError } from '@bcekit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resizePeerconn } from '../../src/index.ts';
import { serviceError, useCaptureServer } from '../helpers/capture-server.ts';
import { createRecordingClient, expectValidationError, UUID_V4 } from '../helpers/recording-client.ts';

const peerConnId = 'peerconn-x7a2sf0ck5nj';

describe('resizePeerconn', () => {
  const server = useCaptureServer();

  it('sends PUT /v1/peerconn/{id}?resize&clientToken with { newBandwidthInMbps }', async () => {
    const result = await resizePeerconn(server.current.client(), {
      peerConnId,
      newBandwidthInMbps: 200,
      clientToken: 'resize-token-0011',
    });

    const [request] = server.current.requests;
    expect(result).toEqual({
      $metadata: { requestId: undefined, httpStatusCode: 200, attempts: 1, totalRetryDelay: 0 },
    });
    expect(request?.method).toBe('PUT');
    expect(request?.path).toBe(`/v1/peerconn/${peerConnId}`);
    expect(request?.query).toEqual({ resize: '', clientToken: 'resize-token-0011' });
    expect(request?.body).toEqual({ newBandwidthInMbps: 200 });
  });

  it('makes a UUID v4 clientToken when none is given', async () => {
    await resizePeerconn(server.current.client(), { peerConnId, newBandwidthInMbps: 20 });

    expect(server.current.requests[0]?.query['clientToken']).toMatch(UUID_V4);
  });

  it('rejects a service error as BceServiceError with its code', async () => {
    server.current.respond(serviceError(400, 'BandwidthCannotShrink'));

    const call = resizePeerconn(server.current.client(), { peerConnId, newBandwidthInMbps: 1 });

    await expect(call).rejects.toBeInstanceOf(BceServiceError);
    await expect(call).rejects.toMatchObject({ statusCode: 400, code: 'BandwidthCannotShrink' });
  });

  it('names the function, the field, the rule and the value: 0 Mbps', async () => {
    const { client, sent } = createRecordingClient();

    const error = await expectValidationError(
      resizePeerconn(client, { peerConnId, newBandwidthInMbps: 0 }),
      'newBandwidthInMbps',
    );

    expect(error.message).toBe('resizePeerconn: newBandwidthInMbps must be an integer >= 1 (got 0)');
    expect(sent).toHaveLength(0);
  });

  it.each([
    ['a fraction', 1.5],
    ['a string', '10'],
    ['NaN', Number.NaN],
    ['a negative number', -5],
  ])('rejects %s as bandwidth without sending', async (_title, newBandwidthInMbps) => {
    const { client, sent } = createRecordingClient();

    await expectValidationError(
      resizePeerconn(client, { peerConnId, newBandwidthInMbps: newBandwidthInMbps as number }),
      'newBandwidthInMbps',
    );

    expect(sent).toHaveLength(0);
  });

  it('rejects a missing bandwidth without sending', async () => {
    const { client, sent } = createRecordingClient();

    const error = await expectValidationError(resizePeerconn(client, { peerConnId } as never), 'newBandwidthInMbps');

    expect(error.message).toContain('newBandwidthInMbps is required');
    expect(sent).toHaveLength(0);
  });

  it('accepts any integer bandwidth >= 1', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1_000_000 }), async (newBandwidthInMbps) => {
        const { client, sent } = createRecordingClient();
        await resizePeerconn(client, { peerConnId, newBandwidthInMbps });
        expect(sent[0]?.body).toEqual({ newBandwidthInMbps });
      }),
    );
  });
});
