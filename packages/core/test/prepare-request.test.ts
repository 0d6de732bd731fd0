import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareRequest } from '../src/client/prepare-request.ts';
import { parseEndpoint } from '../src/client/resolve-endpoint.ts';

// The signed host is cut out of the origin, without a URL parse per call and without state kept between calls
// (it was a process-wide "last origin" cache). It must be exactly the host fetch sends: what URL makes of it.
const label = fc.stringMatching(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,8}[A-Za-z0-9])?$/);
const host = fc.oneof(
  fc.array(label, { minLength: 1, maxLength: 4 }).map((labels) => labels.join('.')),
  fc.ipV4(),
  fc.ipV6().map((ip) => `[${ip}]`),
);
const endpoint = fc
  .tuple(fc.constantFrom('http://', 'https://', ''), host, fc.option(fc.integer({ min: 1, max: 65535 })))
  .map(([scheme, name, port]) => `${scheme}${name}${port === null ? '' : `:${port}`}`);

describe('prepareRequest: the signed host', () => {
  it('is the host URL derives from the endpoint (lower case, default port dropped), for any endpoint', () => {
    fc.assert(
      fc.property(endpoint, (given) => {
        const parsed = parseEndpoint(given);
        if (!('origin' in parsed)) return;
        const prepared = prepareRequest({ method: 'GET', path: ['v1', 'peerconn'] }, parsed.origin, undefined);
        expect(prepared.host).toBe(new URL(parsed.origin).host);
        expect(prepared.url.startsWith(`${parsed.origin}/v1/peerconn`)).toBe(true);
      }),
    );
  });

  it('is the service host with the region filled in when only a region is given', () => {
    const prepared = prepareRequest(
      { method: 'GET', path: ['v1', 'peerconn'], serviceHost: 'bcc.{region}.baidubce.com' },
      undefined,
      'hb-fsg',
    );
    expect(prepared.host).toBe('bcc.hb-fsg.baidubce.com');
    expect(prepared.host).toBe(new URL(prepared.url).host);
  });

  it('follows each client: two endpoints used in turn each sign their own host', () => {
    const a = prepareRequest({ method: 'GET', path: ['v1'] }, 'http://127.0.0.1:8080', undefined);
    const b = prepareRequest({ method: 'GET', path: ['v1'] }, 'https://bcc.bj.baidubce.com', undefined);
    const c = prepareRequest({ method: 'GET', path: ['v1'] }, 'http://127.0.0.1:8080', undefined);
    expect([a.host, b.host, c.host]).toEqual(['127.0.0.1:8080', 'bcc.bj.baidubce.com', '127.0.0.1:8080']);
  });
});
