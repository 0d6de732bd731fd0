// Baseline for section 3: createPeerconn by hand — the same request bcekit sends (same URL, body and headers; the
// bench checks that first), signed with the minimal node:crypto signer, fetched and parsed. No input checks,
// timeout, retries or error mapping: the floor of what the call can cost.
import { signNodeCrypto } from './minimal-signer.mjs';

const encoder = new TextEncoder();

export async function handWrittenCreate(fetchImpl, endpoint, credentials, input, userAgent) {
  const clientToken = crypto.randomUUID();
  const body = JSON.stringify({
    ...input,
    billing: { paymentTiming: 'Postpaid', reservation: { reservationLength: 1, reservationTimeUnit: 'Month' } },
    deleteProtect: false,
  });
  const date = new Date();
  // Signed as bcekit signs them: host and content-length too, which fetch sets from the URL and the body.
  const signed = {
    host: new URL(endpoint).host,
    'content-type': 'application/json;charset=utf-8',
    'content-length': String(encoder.encode(body).length),
    'x-bce-date': `${date.toISOString().slice(0, 19)}Z`,
  };
  const authorization = signNodeCrypto(
    { method: 'POST', path: '/v1/peerconn', query: { clientToken }, headers: signed },
    credentials,
    date,
  );
  const { host: _host, 'content-length': _length, ...sent } = signed;
  const response = await fetchImpl(`${endpoint}/v1/peerconn?clientToken=${clientToken}`, {
    method: 'POST',
    headers: { ...sent, authorization, 'user-agent': userAgent },
    body,
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return JSON.parse(await response.text());
}
