// Baselines for section 2: BCE auth v1 written the short way, the way an app without an SDK would write it.
// One canonicalisation, two HMAC back ends: node:crypto (synchronous), and Web Crypto with a key import per call.
import { createHmac } from 'node:crypto';

const encode = (text) =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The strings BCE auth v1 signs: prefix (with the time) and canonical request, plus the signed-headers list. */
export function canonical({ method, path, query, headers }, { accessKeyId, timestamp = new Date() }) {
  const time = `${timestamp.toISOString().slice(0, 19)}Z`;
  const prefix = `bce-auth-v1/${accessKeyId}/${time}/1800`;
  const canonicalQuery = Object.keys(query)
    .map((key) => `${encode(key)}=${encode(String(query[key]))}`)
    .sort()
    .join('&');
  const names = Object.keys(headers)
    .map((name) => name.toLowerCase())
    .sort();
  const canonicalHeaders = names.map((name) => `${name}:${encode(String(headers[name]).trim())}`).join('\n');
  const uri = path.split('/').map(encode).join('/');
  return { prefix, signed: names.join(';'), request: `${method}\n${uri}\n${canonicalQuery}\n${canonicalHeaders}` };
}

const hmacHex = (key, data) => createHmac('sha256', key).update(data).digest('hex');

/** Minimal node:crypto signer: two createHmac per call, nothing cached. */
export function signNodeCrypto(request, credentials, timestamp) {
  const c = canonical(request, { accessKeyId: credentials.accessKeyId, timestamp });
  const signingKey = hmacHex(credentials.secretAccessKey, c.prefix);
  return `${c.prefix}/${c.signed}/${hmacHex(signingKey, c.request)}`;
}

const encoder = new TextEncoder();
const toHex = (buffer) => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');

async function webCryptoHmacHex(key, data) {
  const imported = await crypto.subtle.importKey('raw', encoder.encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  return toHex(await crypto.subtle.sign('HMAC', imported, encoder.encode(data)));
}

/** Naive Web Crypto signer: imports the secret and the signing key anew on every call. */
export async function signNaiveWebCrypto(request, credentials, timestamp) {
  const c = canonical(request, { accessKeyId: credentials.accessKeyId, timestamp });
  const signingKey = await webCryptoHmacHex(credentials.secretAccessKey, c.prefix);
  return `${c.prefix}/${c.signed}/${await webCryptoHmacHex(signingKey, c.request)}`;
}
