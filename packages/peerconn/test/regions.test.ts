import { BCE_REGIONS, createClient } from '@bcekit/core';
import { describe, expect, it } from 'vitest';
import { PEERCONN_REGIONS, peerconnHost } from '../src/index.ts';

const credentials = { accessKeyId: 'ak', secretAccessKey: 'sk' };

describe('PEERCONN_REGIONS', () => {
  it('lists a host exactly for the regions createClient takes without endpoint', () => {
    const withHost = PEERCONN_REGIONS.filter((region) => region.host !== undefined).map((region) => region.code);

    expect([...withHost].sort()).toEqual([...BCE_REGIONS].sort());
  });

  it('gives each region the host a region client resolves to', () => {
    for (const { code, host } of PEERCONN_REGIONS.filter((region) => region.host !== undefined)) {
      expect(createClient({ region: code, credentials }).config.endpoint).toBe(`https://${host}`);
      expect(peerconnHost(code)).toBe(host);
    }
  });

  it('needs an endpoint for the regions without a public host', () => {
    for (const { code } of PEERCONN_REGIONS.filter((region) => region.host === undefined)) {
      expect(() => createClient({ region: code, credentials })).toThrow(`is not a known region (got "${code}")`);
      expect(createClient({ region: code, endpoint: 'http://127.0.0.1:9', credentials }).region).toBe(code);
    }
  });
});
