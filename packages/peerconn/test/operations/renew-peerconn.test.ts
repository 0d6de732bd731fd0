import { BceServiceError } from '@bcekit/core';
import { describe, expect, it } from 'vitest';
import { renewPeerconn } from '../../src/index.ts';
import { serviceError, useCaptureServer } from '../helpers/capture-server.ts';
import { createRecordingClient, expectValidationError, UUID_V4 } from '../helpers/recording-client.ts';
import { itChecksClientToken, itChecksPeerConnId } from '../helpers/shared-rules.ts';

const valid = { peerConnId: 'peerconn-x7a2sf0ck5nj' };
const call = (client: Parameters<typeof renewPeerconn>[0], input: Record<string, unknown>) =>
  renewPeerconn(client, input as never);

describe('renewPeerconn', () => {
  const server = useCaptureServer();

  it('sends PUT /v1/peerconn/{id}?purchaseReserved&clientToken with a 1 Month reservation by default', async () => {
    const result = await renewPeerconn(server.current.client(), { ...valid, clientToken: 'renew-token-0012' });

    const [request] = server.current.requests;
    expect(result).toEqual({
      $metadata: { requestId: undefined, httpStatusCode: 200, attempts: 1, totalRetryDelay: 0 },
    });
    expect(request?.method).toBe('PUT');
    expect(request?.path).toBe('/v1/peerconn/peerconn-x7a2sf0ck5nj');
    expect(request?.query).toEqual({ purchaseReserved: '', clientToken: 'renew-token-0012' });
    expect(request?.body).toEqual({ billing: { reservation: { reservationLength: 1, reservationTimeUnit: 'Month' } } });
  });

  it('sends the billing given, paymentTiming included', async () => {
    const billing = {
      paymentTiming: 'Prepaid',
      reservation: { reservationLength: 36, reservationTimeUnit: 'month' },
    } as const;

    await renewPeerconn(server.current.client(), { ...valid, billing });

    expect(server.current.requests[0]?.body).toEqual({ billing });
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 24, 36])('accepts a reservation of %i months', async (reservationLength) => {
    const { client, sent } = createRecordingClient();

    await renewPeerconn(client, {
      ...valid,
      billing: { reservation: { reservationLength: reservationLength as 1, reservationTimeUnit: 'Month' } },
    });

    expect(sent).toHaveLength(1);
  });

  it('makes a UUID v4 clientToken when none is given', async () => {
    await renewPeerconn(server.current.client(), valid);

    expect(server.current.requests[0]?.query['clientToken']).toMatch(UUID_V4);
  });

  it('rejects a service error as BceServiceError with its code', async () => {
    server.current.respond(serviceError(400, 'PostpaidCannotRenew'));

    const call = renewPeerconn(server.current.client(), valid);

    await expect(call).rejects.toBeInstanceOf(BceServiceError);
    await expect(call).rejects.toMatchObject({ statusCode: 400, code: 'PostpaidCannotRenew' });
  });

  describe('rejects without sending', () => {
    it.each([
      [
        'a reservation of 10 months',
        { reservation: { reservationLength: 10 } },
        'billing.reservation.reservationLength',
      ],
      ['a reservation of 0 months', { reservation: { reservationLength: 0 } }, 'billing.reservation.reservationLength'],
      [
        'a reservation of 48 months',
        { reservation: { reservationLength: 48 } },
        'billing.reservation.reservationLength',
      ],
      ['a unit of Year', { reservation: { reservationTimeUnit: 'Year' } }, 'billing.reservation.reservationTimeUnit'],
      ['an unknown paymentTiming', { paymentTiming: 'prepaid' }, 'billing.paymentTiming'],
      ['a reservation that is not an object', { reservation: 12 }, 'billing.reservation'],
    ])('%s', async (_title, billing, path) => {
      const { client, sent } = createRecordingClient();

      await expectValidationError(call(client, { ...valid, billing }), path);

      expect(sent).toHaveLength(0);
    });

    it('says which lengths are allowed', async () => {
      const { client } = createRecordingClient();

      const error = await expectValidationError(
        call(client, { ...valid, billing: { reservation: { reservationLength: 10 } } }),
        'billing.reservation.reservationLength',
      );

      expect(error.message).toBe(
        'renewPeerconn: billing.reservation.reservationLength must be one of 1-9, 12, 24, 36 (months) (got 10)',
      );
    });
  });

  itChecksPeerConnId(call, valid);
  itChecksClientToken(call, valid);
});
