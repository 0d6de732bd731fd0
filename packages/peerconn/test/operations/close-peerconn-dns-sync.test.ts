import { BceServiceError } from '@bcekit/core';
import { describe, expect, it } from 'vitest';
import { closePeerconnDnsSync } from '../../src/index.ts';
import { serviceError, useCaptureServer } from '../helpers/capture-server.ts';
import { UUID_V4 } from '../helpers/recording-client.ts';
import { itChecksClientToken, itChecksPeerConnId, itChecksRole } from '../helpers/shared-rules.ts';

const valid = { peerConnId: 'peerconn-x7a2sf0ck5nj', role: 'initiator' };
const call = (client: Parameters<typeof closePeerconnDnsSync>[0], input: Record<string, unknown>) =>
  closePeerconnDnsSync(client, input as never);

describe('closePeerconnDnsSync', () => {
  const server = useCaptureServer();

  it.each(['initiator', 'acceptor'] as const)(
    'sends PUT /v1/peerconn/{id}?close&role=%s&clientToken with no body',
    async (role) => {
      const result = await closePeerconnDnsSync(server.current.client(), {
        peerConnId: 'peerconn-x7a2sf0ck5nj',
        role,
        clientToken: 'dns-0014',
      });

      const [request] = server.current.requests;
      expect(result).toEqual({
        $metadata: { requestId: undefined, httpStatusCode: 200, attempts: 1, totalRetryDelay: 0 },
      });
      expect(request?.method).toBe('PUT');
      expect(request?.path).toBe('/v1/peerconn/peerconn-x7a2sf0ck5nj');
      expect(request?.query).toEqual({ close: '', role, clientToken: 'dns-0014' });
      expect(request?.rawQuery.split('&')).toContain('close');
      expect(request?.rawBody).toBe('');
    },
  );

  it('makes a UUID v4 clientToken when none is given', async () => {
    await closePeerconnDnsSync(server.current.client(), { peerConnId: 'peerconn-x7a2sf0ck5nj', role: 'acceptor' });

    expect(server.current.requests[0]?.query['clientToken']).toMatch(UUID_V4);
  });

  it('rejects a service error as BceServiceError with its code', async () => {
    server.current.respond(serviceError(409, 'DnsSyncBusy'));

    const call = closePeerconnDnsSync(server.current.client(), {
      peerConnId: 'peerconn-x7a2sf0ck5nj',
      role: 'initiator',
    });

    await expect(call).rejects.toBeInstanceOf(BceServiceError);
    await expect(call).rejects.toMatchObject({ statusCode: 409, code: 'DnsSyncBusy' });
  });

  itChecksPeerConnId(call, valid);
  itChecksRole(call, valid, true);
  itChecksClientToken(call, valid);
});
