// What the official Python SDK puts on the wire (test/fixtures/python-sdk-requests.json): `accept=` flags,
// Content-Length: 0 on every call, json.dumps spacing and an EMPTY signed-headers segment. The emulator must
// route and verify these exactly as sent.
import { createEmulator, FIXTURE_ACCOUNTS } from '@bcekit/emulator';
import { sign } from '@bcekit/signer';
import { describe, expect, it } from 'vitest';
import capture from '../../peerconn/test/fixtures/python-sdk-requests.json' with { type: 'json' };

interface Call {
  id: string;
  operation: string;
  method: string;
  path: string;
  query: [string, string][];
  rawQuery: string;
  headers: Record<string, string>;
  rawBody: string;
}

const [alice] = FIXTURE_ACCOUNTS;
// Codes that mean the request itself was understood and authenticated; the ids in the capture may not exist.
const UNDERSTOOD = [null, 'NoSuchObject'];

async function send(call: Call) {
  const emulator = createEmulator();
  emulator.addVpc({ accountId: alice.accountId, region: 'bj', vpcId: 'vpc-a8n5p6qwxrmq' });
  emulator.addVpc({ accountId: alice.accountId, region: 'bj', vpcId: 'vpc-ke3h0jajbkdz' });
  const host = 'bcc.bj.baidubce.com';
  const timestamp = Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    accept: '*/*',
    'content-type': call.headers['content-type']!,
    'user-agent': 'bce-sdk-python/0.9.72',
    host,
    'content-length': String(new TextEncoder().encode(call.rawBody).length),
    'x-bce-date': new Date(timestamp * 1000).toISOString().slice(0, 19) + 'Z',
  };
  const signed = await sign(
    { method: call.method, path: call.path, query: Object.fromEntries(call.query), headers },
    { credentials: alice, timestamp },
  );
  const parts = signed.split('/');
  parts[4] = ''; // Python writes no signed-headers list: the server's default set applies
  const url = `http://${host}${call.path}${call.rawQuery ? `?${call.rawQuery}` : ''}`;
  const body = call.method === 'GET' ? null : call.rawBody;
  return emulator.handle(
    new Request(url, { method: call.method, headers: { ...headers, authorization: parts.join('/') }, body }),
  );
}

describe('requests shaped like the Python SDK', () => {
  it.each((capture.calls as Call[]).map((c) => [`${c.id} ${c.operation}`, c] as const))(
    '%s is accepted',
    async (_name, call) => {
      const response = await send(call);

      const code = response.status === 200 ? null : ((await response.json()) as { code: string }).code;
      expect(UNDERSTOOD).toContain(code);
    },
  );

  it('creates with Python’s body (json.dumps spacing, Postpaid with a reservation)', async () => {
    const call = (capture.calls as Call[]).find((c) => c.operation === 'create_peerconn')!;

    const response = await send(call);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ peerConnId: expect.stringMatching(/^peerconn-[a-z0-9]{12}$/) });
  });
});
