// Wire compatibility with Baidu's official Python SDK (design §3): each of the 13 calls captured from
// bce-sdk-python 0.9.72 (fixtures/python-sdk-requests.json, copied from shared/vectors; see its README)
// is made through bcekit against a capture server on 127.0.0.1, and what arrives is compared with what
// Python sent: method, path, query keys and values (a flag may be bare), and the parsed JSON body.
import type { BceClient } from '@bcekit/core';
import { describe, expect, it } from 'vitest';
import {
  acceptPeerconn,
  closePeerconnDnsSync,
  createPeerconn,
  deletePeerconn,
  getPeerconn,
  handlePeerconn,
  listPeerconns,
  openPeerconnDnsSync,
  refundPeerconn,
  rejectPeerconn,
  renewPeerconn,
  resizePeerconn,
  updatePeerconn,
  updatePeerconnDeleteProtect,
} from '../src/index.ts';
import fixture from './fixtures/python-sdk-requests.json' with { type: 'json' };
import { useCaptureServer } from './helpers/capture-server.ts';
import { UUID_V4 } from './helpers/recording-client.ts';

type Args = Record<string, unknown>;
type Call = (client: BceClient, args: Args) => Promise<unknown>;

const AUTO_TOKEN = fixture.autoClientTokenMarker;

// Python's keyword arguments -> bcekit input. `undefined` fields are simply not given.
const common = (args: Args) => ({
  peerConnId: args['peer_conn_id'] as string,
  clientToken: args['client_token'] as string | undefined,
});
const calls: Record<string, Call> = {
  create_peerconn: (client, a) =>
    createPeerconn(client, {
      bandwidthInMbps: a['bandwidth_in_mbps'] as number,
      localVpcId: a['local_vpc_id'] as string,
      peerVpcId: a['peer_vpc_id'] as string,
      peerRegion: a['peer_region'] as string,
      description: a['description'] as string | undefined,
      localIfName: a['local_if_name'] as string | undefined,
      peerAccountId: a['peer_account_id'] as string | undefined,
      peerIfName: a['peer_if_name'] as string | undefined,
      clientToken: a['client_token'] as string | undefined,
    }),
  list_peerconns: (client, a) =>
    listPeerconns(client, {
      vpcId: a['vpc_id'] as string | undefined,
      marker: a['marker'] as string | undefined,
      maxKeys: a['max_keys'] as number | undefined,
    }),
  get_peerconn: (client, a) =>
    getPeerconn(client, { peerConnId: a['peer_conn_id'] as string, role: a['role'] as 'initiator' | undefined }),
  update_peerconn: (client, a) =>
    updatePeerconn(client, {
      ...common(a),
      localIfId: a['local_if_id'] as string,
      description: a['description'] as string | undefined,
      localIfName: a['local_if_name'] as string | undefined,
    }),
  handle_peerconn: (client, a) => handlePeerconn(client, { ...common(a), action: a['action'] as 'accept' }),
  delete_peerconn: (client, a) => deletePeerconn(client, common(a)),
  resize_peerconn: (client, a) =>
    resizePeerconn(client, { ...common(a), newBandwidthInMbps: a['new_bandwidth_in_mbps'] as number }),
  purchase_reserved_peerconn: (client, a) => renewPeerconn(client, common(a)),
  open_peerconn_dns_sync: (client, a) =>
    openPeerconnDnsSync(client, { ...common(a), role: a['role'] as 'initiator' | 'acceptor' }),
  close_peerconn_dns_sync: (client, a) =>
    closePeerconnDnsSync(client, { ...common(a), role: a['role'] as 'initiator' | 'acceptor' }),
  update_peerconn_delete_protect: (client, a) =>
    updatePeerconnDeleteProtect(client, { ...common(a), deleteProtect: a['delete_protect'] as boolean }),
  refund_peerconn: (client, a) => refundPeerconn(client, common(a)),
};

// accept/reject also have their own functions; they must send exactly what handle_peerconn sent.
const alternatives: Record<string, Call> = {
  'req-19': (client, a) => acceptPeerconn(client, common(a)),
  'req-20': (client, a) => rejectPeerconn(client, common(a)),
};

function expectSameQuery(sent: Record<string, string>, python: string[][]) {
  const expected = Object.fromEntries(python.map(([key, value]) => [key, value]));
  expect(Object.keys(sent).sort()).toEqual(Object.keys(expected).sort());
  for (const [key, value] of Object.entries(expected)) {
    if (value === AUTO_TOKEN) expect(sent[key]).toMatch(UUID_V4);
    else expect(sent[key]).toBe(value);
  }
}

describe('wire compatibility with bce-sdk-python 0.9.72', () => {
  const server = useCaptureServer();

  it('covers 13 calls, every public Python method', () => {
    expect(fixture.calls).toHaveLength(13);
    expect(new Set(fixture.calls.map((c) => c.operation))).toEqual(new Set(fixture.publicMethods));
  });

  describe.each(fixture.calls.map((c) => [`${c.id} ${c.call}`, c] as const))('%s', (_title, python) => {
    const variants: [string, Call][] = [['bcekit', calls[python.operation]!]];
    const alternative = alternatives[python.id];
    if (alternative) variants.push(['the dedicated function', alternative]);

    it.each(variants)('sends the same method, path, query and body (%s)', async (_name, call) => {
      server.current.respond({ status: python.response.status, body: JSON.parse(python.response.body) });

      await call(server.current.client(), python.args as Args);

      const [sent] = server.current.requests;
      expect(server.current.requests).toHaveLength(1);
      expect(sent?.method).toBe(python.method);
      expect(sent?.path).toBe(python.path);
      expectSameQuery(sent?.query ?? {}, python.query as string[][]);
      expect(sent?.body ?? null).toEqual(python.body);
      // Core sends Content-Type with a body only (Python sends it on every call); the value matches.
      if (python.body !== null) expect(sent?.headers['content-type']).toBe(python.headers['content-type']);
    });
  });

  it('reads the captured list response, bandWidthInMbps spelling included', async () => {
    const python = fixture.calls.find((c) => c.operation === 'list_peerconns')!;
    server.current.respond({ body: JSON.parse(python.response.body) });

    const page = await listPeerconns(server.current.client(), { vpcId: 'vpc-a8n5p6qwxrmq' });

    expect(page.peerConns[0]).toMatchObject({ peerConnId: 'peerconn-cap0000000001', bandwidthInMbps: 10 });
    expect(page.isTruncated).toBe(false);
  });
});
