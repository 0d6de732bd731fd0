import { createClient, type MetadataBearer } from '@bcekit/core';
import { createEmulator, FIXTURE_ACCOUNTS } from '@bcekit/emulator';
import {
  createRouteRule,
  deleteRouteRule,
  getRouteTable,
  getSubnet,
  getVpc,
  listRouteRules,
  listSubnets,
  listVpcs,
  paginateVpcs,
  updateRouteRule,
} from '@bcekit/vpc';
import { describe, expect, it } from 'vitest';

const [alice] = FIXTURE_ACCOUNTS;

/** A client on the emulator that remembers the x-bce-request-id of every answer, in order. */
function recordingClient() {
  const emulator = createEmulator();
  const requestIds: (string | null)[] = [];
  const fetchFn: typeof fetch = async (input, init) => {
    const response = await emulator.fetch(input, init);
    requestIds.push(response.headers.get('x-bce-request-id'));
    return response;
  };
  const client = createClient({ region: 'bj', fetch: fetchFn, credentials: alice });
  return { client, lastRequestId: () => requestIds.at(-1) };
}

describe('$metadata on every @bcekit/vpc output', () => {
  it('carries the request id the emulator sent, the status and one attempt, unwrapped outputs included', async () => {
    const { client, lastRequestId } = recordingClient();
    const vpcId = 'vpc-alicebj00002';
    const check = (output: MetadataBearer) => {
      expect(output.$metadata.requestId).toBeTruthy();
      expect(output.$metadata).toEqual({
        requestId: lastRequestId(),
        httpStatusCode: 200,
        attempts: 1,
        totalRetryDelay: 0,
      });
    };

    check(await listVpcs(client, {}));
    check(await getVpc(client, { vpcId }));
    check(await listSubnets(client, { vpcId }));
    check(await getSubnet(client, { subnetId: 'sbn-alicebj2a01' }));
    const table = await getRouteTable(client, { vpcId });
    check(table);
    const created = await createRouteRule(client, {
      routeTableId: table.routeTableId,
      sourceAddress: '0.0.0.0/0',
      destinationAddress: '10.9.0.0/16',
      nexthopType: 'custom',
      nexthopId: 'i-abcdefgh',
    });
    check(created);
    check(await listRouteRules(client, { vpcId }));
    check(await updateRouteRule(client, { routeRuleId: created.routeRuleId, description: 'changed' }));
    check(await deleteRouteRule(client, { routeRuleId: created.routeRuleId }));
    for await (const page of paginateVpcs(client, { maxKeys: 1 })) check(page);
  });
});
