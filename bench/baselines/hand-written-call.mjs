// Baseline for section 3: createPeerconn by hand — build the request, sign it with the minimal node:crypto signer,
// fetch, parse. No validation, retries, timeouts or error mapping: the floor of what a call can cost.
import { signNodeCrypto } from './minimal-signer.mjs';

export async function handWrittenCreate(fetchImpl, endpoint, credentials, input) {
  const clientToken = crypto.randomUUID();
  const body = JSON.stringify({
    ...input,
    billing: { paymentTiming: 'Postpaid', reservation: { reservationLength: 1, reservationTimeUnit: 'Month' } },
    deleteProtect: false,
  });
  const date = new Date();
  const headers = {
    host: new URL(endpoint).host,
    'content-type': 'application/json;charset=utf-8',
    'x-bce-date': `${date.toISOString().slice(0, 19)}Z`,
  };
  const authorization = signNodeCrypto(
    { method: 'POST', path: '/v1/peerconn', query: { clientToken }, headers },
    credentials,
    date,
  );
  const { host: _, ...sent } = headers;
  const response = await fetchImpl(`${endpoint}/v1/peerconn?clientToken=${clientToken}`, {
    method: 'POST',
    headers: { ...sent, authorization },
    body,
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return JSON.parse(await response.text());
}
