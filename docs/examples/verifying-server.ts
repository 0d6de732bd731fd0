// A 127.0.0.1 server for the guides' tests: it checks every signature as BCE does and answers from a script.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sign } from '@bcekit/signer';

/** The key pair the server accepts. */
export const credentials = { accessKeyId: 'AKdocs0123456789', secretAccessKey: 'SKdocs-0123456789abcdef' };

/** A request as the server saw it, with the verdict on its signature. */
export interface Seen {
  gateway: string | undefined;
  traceparent: string | undefined;
  method: string;
  url: string;
  body: string;
  signed: string;
  valid: boolean;
}

/** A 127.0.0.1 server that checks each signature as BCE does (recomputed from what arrived) and answers a script. */
export async function verifyingServer(answer: (seen: Seen) => { status: number; body?: unknown }) {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const entry = {
        gateway: req.headers['x-gateway-key'] as string | undefined,
        traceparent: req.headers.traceparent as string | undefined,
        method: req.method ?? '',
        url: req.url ?? '',
        body: Buffer.concat(chunks).toString(),
      };
      const { valid, signed } = await verify(req);
      seen.push({ ...entry, valid, signed });
      const { status, body } = answer(seen.at(-1)!);
      if (status === 0) return void req.socket.destroy(); // a dropped connection
      res.writeHead(status, { 'content-type': 'application/json', 'x-bce-request-id': `req-${seen.length}` });
      res.end(body === undefined ? '' : JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function verify(req: IncomingMessage): Promise<{ valid: boolean; signed: string }> {
  const [path = '/', rawQuery = ''] = (req.url ?? '/').split('?');
  const match = /^bce-auth-v1\/([^/]+)\/([^/]+)\/(\d+)\/([^/]*)\/[0-9a-f]{64}$/.exec(req.headers.authorization ?? '');
  if (!match) return { valid: false, signed: '' };
  const [, accessKeyId = '', time = '', expiration = '', signed = ''] = match;
  const names = signed.split(';');
  const headers = Object.fromEntries(names.map((name) => [name, String(req.headers[name] ?? '')]));
  const query = Object.fromEntries(
    rawQuery
      .split('&')
      .filter(Boolean)
      .map((pair) => pair.split('=').map(decodeURIComponent)),
  );
  const expected = await sign(
    { method: req.method ?? '', path, query, headers },
    {
      credentials: { accessKeyId, secretAccessKey: credentials.secretAccessKey },
      timestamp: Date.parse(time) / 1000,
      expirationInSeconds: Number(expiration),
      headersToSign: names,
      exactHeaders: true,
    },
  );
  return { valid: expected === req.headers.authorization, signed };
}
