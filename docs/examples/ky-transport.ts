import { type BceCredentials, createClient } from '@bcekit/core';
import ky from 'ky';

/**
 * The app's own ky instance, as it may already exist: here it adds a gateway key to every request (a proxy,
 * tracing or a gateway's auth would sit here too). For bcekit, its retries and HTTP errors are off: bcekit
 * retries only what is safe (with one clientToken per call) and reads error answers into typed errors.
 */
export const api = ky.create({
  retry: 0,
  throwHttpErrors: false,
  timeout: false, // bcekit's per-attempt timeout also covers the response body
  hooks: {
    beforeRequest: [
      (request) => {
        // Added after signing, so sent unsigned; an x-bce-* header added here would break the signature.
        request.headers.set('x-gateway-key', 'app-42');
      },
    ],
  },
});

/** A client that sends everything through `api`. */
export function clientThroughKy(endpoint: string, credentials: BceCredentials) {
  return createClient({ endpoint, credentials, fetch: api });
}
