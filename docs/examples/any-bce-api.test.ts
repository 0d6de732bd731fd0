import { BceServiceError, createClient } from '@bcekit/core';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { authorizeRule, listEips } from './any-bce-api.ts';
import { api, clientThroughKy } from './ky-transport.ts';
import { credentials, verifyingServer } from './verifying-server.ts';

let server: Awaited<ReturnType<typeof verifyingServer>>;
let status = 200;
let once = false; // answer `status` to the next request only, then 200
beforeEach(async () => {
  status = 200;
  once = false;
  server = await verifyingServer((seen) => {
    if (seen.url.startsWith('/v1/eip')) {
      const second = seen.url.includes('marker=m2');
      return {
        status: 200,
        body: second
          ? { eipList: [{ eip: '10.0.0.2', status: 'binded', bandwidthInMbps: 5 }], isTruncated: false }
          : {
              eipList: [{ eip: '10.0.0.1', status: 'available', bandwidthInMbps: 1 }],
              isTruncated: true,
              nextMarker: 'm2',
            },
      };
    }
    const answer = status === 200 ? { status } : { status, body: { code: 'ServiceUnavailable', message: 'busy' } };
    if (once) status = 200;
    return answer;
  });
});
afterEach(() => server.close());

test('authorizeRule sends a signed PUT with the rule, and retries a 503 with the same clientToken', async () => {
  const client = createClient({ endpoint: server.origin, credentials, retry: { baseDelay: 1 } });
  status = 503;
  once = true;
  await authorizeRule(client, 'g-abc', {
    direction: 'ingress',
    protocol: 'tcp',
    portRange: '22',
    sourceIp: '10.0.0.0/8',
  });

  const puts = server.seen;
  expect(puts).toHaveLength(2);
  for (const put of puts) {
    expect(put.valid).toBe(true);
    expect(put.method).toBe('PUT');
    expect(put.url).toMatch(/^\/v2\/securityGroup\/g-abc\?authorizeRule&clientToken=[0-9a-f-]{36}$/);
    expect(JSON.parse(put.body)).toEqual({
      rule: { direction: 'ingress', protocol: 'tcp', portRange: '22', sourceIp: '10.0.0.0/8' },
    });
    expect(put.signed).toMatch(/^(content-length;)?content-type;host;x-bce-date$/);
  }
  expect(new Set(puts.map((p) => p.url)).size).toBe(1);
});

test('authorizeRule turns a BCE error answer into an Error with its code', async () => {
  status = 409;
  const client = createClient({ endpoint: server.origin, credentials, retry: 0 });

  await expect(authorizeRule(client, 'g-abc', { direction: 'egress' })).rejects.toThrow(/409 ServiceUnavailable/);
  expect(server.seen).toHaveLength(1);
});

test('listEips reads every page from the EIP host, each request signed', async () => {
  const client = createClient({ endpoint: server.origin, credentials });

  const eips = await listEips(client, server.origin);

  expect(eips.map((e) => e.eip)).toEqual(['10.0.0.1', '10.0.0.2']);
  expect(server.seen.map((s) => s.url)).toEqual(['/v1/eip?maxKeys=100', '/v1/eip?maxKeys=100&marker=m2']);
  expect(server.seen.every((s) => s.valid && s.signed === 'host;x-bce-date')).toBe(true);
});

test('through a ky instance: signed, its gateway header sent, and only bcekit retries', async () => {
  const client = clientThroughKy(server.origin, credentials);

  await authorizeRule(client, 'g-ky', { direction: 'ingress', portRange: '443' });
  expect(server.seen).toHaveLength(1);
  expect(server.seen[0]).toMatchObject({ valid: true, gateway: 'app-42', method: 'PUT' });

  // Connections that drop: bcekit's one retry makes 2 requests; ky's own retries, if on, would make 6.
  status = 0;
  const once = createClient({ endpoint: server.origin, credentials, retry: { limit: 1, baseDelay: 1 }, fetch: api });
  await expect(authorizeRule(once, 'g-ky', { direction: 'ingress' })).rejects.toThrow(/Network error/);
  expect(server.seen).toHaveLength(3);
  status = 503;

  // ky does not throw its HTTPError: the answer reaches bcekit, which makes its own typed error.
  const error = await client.send({ method: 'GET', path: ['v2', 'securityGroup', 'g-none'] }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(BceServiceError);
  expect(error).toMatchObject({ statusCode: 503, code: 'ServiceUnavailable' });
});
