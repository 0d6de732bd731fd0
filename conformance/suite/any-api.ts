// signedFetch: any BCE API through the client's own pipeline, checked by the emulator's signature verification.
import { BceValidationError, signedFetch } from '@bcekit/core';
import { equal, instance, ok, rejects } from './assert.ts';
import {
  type ConformanceCase,
  clientFor,
  injectFault,
  newAccount,
  recordingFetch,
  unusedPeerConnId,
} from './context.ts';

export const anyApiCases: ConformanceCase[] = [
  {
    group: 'signedFetch',
    name: 'a POST with a JSON body and a clientToken, then a GET of a path: signed, verified, platform Responses',
    async run(env) {
      const account = await newAccount(env, ['bj', 'bj']);
      const client = clientFor(env, account);
      const body = JSON.stringify({
        bandwidthInMbps: 10,
        localVpcId: account.vpcIds[0],
        peerVpcId: account.vpcIds[1],
        peerRegion: 'bj',
        billing: { paymentTiming: 'Postpaid' },
      });
      const created = await signedFetch(client, `${env.url}/v1/peerconn?clientToken=ct-${unusedPeerConnId('sf')}`, {
        method: 'POST',
        body,
      });
      ok(created instanceof Response, 'signedFetch resolves with a Response');
      equal(created.status, 200, `create status (${await created.clone().text()})`);
      const { peerConnId } = (await created.json()) as { peerConnId: string };
      ok(typeof peerConnId === 'string' && peerConnId.startsWith('peerconn-'), `peerConnId: ${peerConnId}`);

      const got = await signedFetch(client, `/v1/peerconn/${peerConnId}`);
      equal(got.status, 200, 'get status');
      equal(((await got.json()) as { peerConnId: string }).peerConnId, peerConnId, 'peerConnId read back');
    },
  },
  {
    group: 'signedFetch',
    name: 'STS credentials: the session token is sent and signed',
    async run(env) {
      const account = await newAccount(env, ['bj'], true);
      ok(account.credentials.sessionToken, 'the account has a session token');
      const response = await signedFetch(clientFor(env, account), '/v1/peerconn?maxKeys=1');
      equal(response.status, 200, `status (${await response.clone().text()})`);
    },
  },
  {
    group: 'signedFetch',
    name: 'a 404 is a Response with its body, and a 503 on a GET is retried',
    async run(env) {
      const account = await newAccount(env, ['bj']);
      const peerConnId = unusedPeerConnId('sf404');
      await injectFault(env, { match: { path: `/v1/peerconn/${peerConnId}` }, times: 1, error: { status: 503 } });
      const { fetch, sent } = recordingFetch();
      const client = clientFor(env, account, { fetch, retry: { limit: 2, baseDelay: 1 } });
      const response = await signedFetch(client, `/v1/peerconn/${peerConnId}`);
      equal(sent.length, 2, 'requests sent (the 503, then the 404)');
      equal(response.status, 404, 'status');
      equal(((await response.json()) as { code: string }).code, 'NoSuchObject', 'code in the body');
    },
  },
  {
    group: 'signedFetch',
    name: 'a beforeAttempt hook adds an x-bce-* header (signed) and another (unsigned); the emulator accepts both',
    async run(env) {
      const account = await newAccount(env, ['bj']);
      const { fetch, sent } = recordingFetch();
      const headers: string[] = [];
      const client = clientFor(env, account, {
        fetch: ((input: RequestInfo | URL, init?: RequestInit) => {
          const h = new Headers(init?.headers);
          headers.push(`${h.get('x-bce-trace')} ${h.get('x-gateway')} ${h.get('authorization')?.split('/')[4]}`);
          return fetch(input, init);
        }) as typeof globalThis.fetch,
        hooks: { beforeAttempt: ({ attempt }) => ({ 'x-bce-trace': `t${attempt}`, 'x-gateway': 'g' }) },
      });
      const response = await signedFetch(client, '/v1/peerconn');
      equal(response.status, 200, `status (${await response.clone().text()})`);
      equal(sent.length, 1, 'requests sent');
      equal(headers[0], 't1 g host;x-bce-date;x-bce-trace', 'headers sent and the ones signed');
    },
  },
  {
    group: 'signedFetch',
    name: 'a host that is neither BCE nor the endpoint: BceValidationError, nothing sent',
    async run(env) {
      const account = await newAccount(env, ['bj']);
      const { fetch, sent } = recordingFetch();
      const client = clientFor(env, account, { fetch });
      const error = await rejects(signedFetch(client, 'https://example.com/v1/eip'), 'foreign host');
      const e = instance(error, BceValidationError, 'foreign host');
      ok(e.message.includes('neither a BCE host'), `message: ${e.message}`);
      equal(sent.length, 0, 'requests sent');
    },
  },
];
