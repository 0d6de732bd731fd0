import { BceServiceError } from '@bcekit/core';
import { describe, expect, it } from 'vitest';
import { openPeerconnDnsSync } from '../../src/index.ts';
import { serviceError, useCaptureServer } from '../helpers/capture-server.ts';
import { UUID_V4 } from '../helpers/recording-client.ts';
import { itChecksClientToken, itChecksPeerConnId, itChecksRole } from '../helpers/shared-rules.ts';

const valid = { peerConnId: 'peerconn-x7a2sf0ck5nj', role: 'initiator' };
const call = (client: Parameters<typeof openPeerconnDnsSync>[0], input: Record<string, unknown>) =>
  openPeerconnDnsSync(client, input as never);

describe('openPeerconnDnsSync', () => {
  const server = useCaptureServer();

  it.each(['initiator', 'acceptor'] as const)(
    'sends PUT /v1/peerconn/{id}?open&role=%s&clientToken with no body',
    async (role) => {
      const result = await openPeerconnDnsSync(server.current.client(), {
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
      expect(request?.query).toEqual({ open: '', role, clientToken: 'dns-0014' });
      expect(request?.rawQuery.split('&')).toContain('open');
      expect(request?.rawBody).toBe('');
    },
  );

  it('makes a UUID v4 clientToken when none is given', async () => {
    await openPeerconnDnsSync(server.current.client(), { peerConnId: 'peerconn-x7a2sf0ck5nj', role: 'acceptor' });

    expect(server.current.requests[0]?.query['clientToken']).toMatch(UUID_V4);
  });

  it('rejects a service error as BceServiceError with its code', async () => {
    server.current.respond(serviceError(409, 'PeerConnNotActive'));

    const call = openPeerconnDnsSync(server.current.client(), {
      peerConnId: 'peerconn-x7a2sf0ck5nj',
      role: 'initiator',
    });

    await expect(call).rejects.toBeInstanceOf(BceServiceError);
    await expect(call).rejects.toMatchObject({ statusCode: 409, code: 'PeerConnNotActive' });
  });

  itChecksPeerConnId(call, valid);
  itChecksRole(call, valid, true);
  itChecksClientToken(call, valid);
});
