// Error mapping, retries, abort and timeout over real HTTP, with faults scoped to ids no other case uses.
import { BceError, BceServiceError, BceTimeoutError, BceValidationError } from '@bcekit/core';
import { createPeerconn, getPeerconn, listPeerconns, resizePeerconn, waitForPeerconn } from '@bcekit/peerconn';
import { equal, instance, ok, rejects } from './assert.ts';
import {
  type ConformanceCase,
  clientFor,
  injectFault,
  newAccount,
  recordingFetch,
  unusedPeerConnId,
} from './context.ts';

const clientTokenOf = (url: string) => new URL(url).searchParams.get('clientToken');

export const errorCases: ConformanceCase[] = [
  {
    group: 'errors',
    name: 'unknown id: BceServiceError 404 NoSuchObject with a requestId, an Error with its name set',
    async run(env) {
      const account = await newAccount(env, ['bj']);
      const peerConnId = unusedPeerConnId('missing');
      const error = await rejects(getPeerconn(clientFor(env, account), { peerConnId }), 'get of an unknown id');
      const e = instance(error, BceServiceError, 'get of an unknown id');
      ok(e instanceof BceError && e instanceof Error, 'BceServiceError extends BceError and Error');
      equal(e.name, 'BceServiceError', 'name');
      equal(e.statusCode, 404, 'statusCode');
      equal(e.code, 'NoSuchObject', 'code');
      ok(typeof e.requestId === 'string' && e.requestId.length >= 8, `requestId missing: ${e.requestId}`);
      ok(e.message.includes('NoSuchObject') && e.message.includes(peerConnId), `message: ${e.message}`);
      equal(e.attempts, 1, 'attempts (a 404 is not retried)');
    },
  },
  {
    group: 'errors',
    name: 'wrong secret key: 403 SignatureDoesNotMatch, not retried, and the secret appears nowhere in the error',
    async run(env) {
      const account = await newAccount(env, ['bj']);
      const secretAccessKey = `wrong-${account.credentials.secretAccessKey}`;
      const { fetch, sent } = recordingFetch();
      const client = clientFor(env, account, {
        credentials: { accessKeyId: account.credentials.accessKeyId, secretAccessKey },
        fetch,
        retry: { limit: 2, baseDelay: 1 },
      });
      const e = instance(
        await rejects(listPeerconns(client, {}), 'list with a wrong secret'),
        BceServiceError,
        'error',
      );
      equal(e.statusCode, 403, 'statusCode');
      equal(e.code, 'SignatureDoesNotMatch', 'code');
      equal(sent.length, 1, 'requests sent (403 is never retried)');
      const everything = `${e.message} ${String(e)} ${JSON.stringify(e)} ${e.stack ?? ''}`;
      ok(!everything.includes(secretAccessKey), 'the secret key leaked into the error');
    },
  },
  {
    group: 'errors',
    name: 'invalid input: BceValidationError naming every problem, and nothing is sent',
    async run(env) {
      const account = await newAccount(env, ['bj']);
      const { fetch, sent } = recordingFetch();
      const client = clientFor(env, account, { fetch });
      const input = { bandwidthInMbps: 0, localVpcId: '', peerVpcId: 'vpc-x', peerRegion: 'bj' };
      const e = instance(await rejects(createPeerconn(client, input), 'create'), BceValidationError, 'create');
      equal(e.name, 'BceValidationError', 'name');
      const paths = e.issues.map((issue) => issue.path).sort();
      equal(paths.join(','), 'bandwidthInMbps,localVpcId', 'issue paths');
      ok(e.message.startsWith('createPeerconn: '), `message: ${e.message}`);
      const slash = instance(
        await rejects(getPeerconn(client, { peerConnId: 'a/b' }), 'get with a slash'),
        BceValidationError,
        'get with a slash',
      );
      equal(slash.issues[0]?.path, 'peerConnId', 'issue path of an id with a slash');
      equal(sent.length, 0, 'requests sent');
    },
  },
  {
    group: 'errors',
    name: 'HTML 502 body: a BceServiceError with a code from the status; retried 503 then success keeps its clientToken',
    async run(env) {
      const account = await newAccount(env, ['bj', 'bj']);
      const missing = unusedPeerConnId('html');
      await injectFault(env, {
        match: { path: `/v1/peerconn/${missing}` },
        response: {
          status: 502,
          body: '<html><body>502 Bad Gateway</body></html>',
          headers: { 'content-type': 'text/html' },
        },
      });
      const html = instance(
        await rejects(getPeerconn(clientFor(env, account), { peerConnId: missing }), 'get answered with HTML'),
        BceServiceError,
        'get answered with HTML',
      );
      equal(html.statusCode, 502, 'statusCode');
      ok(html.code.length > 0 && html.code !== 'NoSuchObject', `code: ${html.code}`);
      ok(html.message.includes('Bad Gateway'), `message has no body excerpt: ${html.message}`);

      const { fetch, sent } = recordingFetch();
      const client = clientFor(env, account, { fetch, retry: { limit: 2, baseDelay: 5, maxDelay: 20 } });
      const { peerConnId } = await createPeerconn(client, {
        bandwidthInMbps: 2,
        localVpcId: account.vpcIds[0]!,
        peerVpcId: account.vpcIds[1]!,
        peerRegion: 'bj',
      });
      await waitForPeerconn(client, {
        peerConnId,
        until: 'active',
        role: 'initiator',
        maxWaitTime: 10_000,
        minDelay: 25,
      });
      sent.length = 0;
      await injectFault(env, {
        match: { path: `/v1/peerconn/${peerConnId}`, method: 'PUT' },
        error: { status: 503, code: 'ServiceUnavailable' },
      });
      await resizePeerconn(client, { peerConnId, newBandwidthInMbps: 3 }, { retry: { limit: 2, baseDelay: 5 } });
      equal(sent.length, 2, 'attempts of the resize (503, then success)');
      ok(clientTokenOf(sent[0]!.url), 'the first attempt carries a clientToken');
      equal(clientTokenOf(sent[1]!.url), clientTokenOf(sent[0]!.url), 'clientToken of the retry');
    },
  },
  {
    group: 'abort',
    name: 'abort mid-request: rejects with signal.reason at once, no retry',
    async run(env) {
      const account = await newAccount(env, ['bj']);
      const peerConnId = unusedPeerConnId('abort');
      await injectFault(env, { match: { path: `/v1/peerconn/${peerConnId}` }, delayMs: 3_000 });
      const recording = recordingFetch();
      const controller = new AbortController();
      const reason = new Error('stop: the user closed the page');
      // The abort comes once the request is on its way (an event, not a timer racing a busy machine). The server
      // holds its answer 3 s and then says 404: only an abort honoured at once rejects with the reason.
      const fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
        const pending = recording.fetch(input, init);
        controller.abort(reason);
        return pending;
      }) as typeof globalThis.fetch;
      const client = clientFor(env, account, { fetch, retry: 3 });
      const error = await rejects(getPeerconn(client, { peerConnId }, { signal: controller.signal }), 'aborted get');
      ok(error === reason, `rejected with ${String(error)} instead of signal.reason`);
      equal(recording.sent.length, 1, 'requests sent');
    },
  },
  {
    group: 'abort',
    name: 'already-aborted signal: rejects with its reason and sends nothing',
    async run(env) {
      const account = await newAccount(env, ['bj']);
      const { fetch, sent } = recordingFetch();
      const reason = new Error('aborted before the call');
      const e = await rejects(
        listPeerconns(clientFor(env, account, { fetch }), {}, { signal: AbortSignal.abort(reason) }),
        'list with an aborted signal',
      );
      ok(e === reason, `rejected with ${String(e)} instead of signal.reason`);
      equal(sent.length, 0, 'requests sent');
    },
  },
  {
    group: 'timeout',
    name: 'per-attempt timeout: BceTimeoutError after every attempt timed out (2 attempts of 200 ms)',
    async run(env) {
      const account = await newAccount(env, ['bj']);
      const peerConnId = unusedPeerConnId('timeout');
      await injectFault(env, { match: { path: `/v1/peerconn/${peerConnId}` }, delayMs: 3_000, times: 2 });
      const { fetch, sent } = recordingFetch();
      const client = clientFor(env, account, { fetch, retry: { limit: 1, baseDelay: 5, maxDelay: 10 } });
      // The server holds each answer 3 s: a timeout error at all means the 200 ms timeout cut both attempts (no upper
      // bound on the clock, which a busy machine would break).
      const started = Date.now();
      const e = instance(
        await rejects(getPeerconn(client, { peerConnId }, { timeout: 200 }), 'slow get'),
        BceTimeoutError,
        'slow get',
      );
      const elapsed = Date.now() - started;
      equal(e.name, 'BceTimeoutError', 'name');
      equal(e.timeout, 200, 'timeout');
      equal(e.attempts, 2, 'attempts');
      equal(sent.length, 2, 'requests sent');
      ok(elapsed >= 350, `took ${elapsed} ms for two 200 ms attempts`);
    },
  },
  {
    group: 'credentials',
    name: 'temporary (STS) credentials: x-bce-security-token is sent and signed; a wrong token is refused',
    async run(env) {
      const account = await newAccount(env, ['bj'], true);
      ok(account.credentials.sessionToken, 'the control route gave a session token');
      const page = await listPeerconns(clientFor(env, account), {});
      equal(page.peerConns.length, 0, 'connections of a fresh account');
      const wrong = { ...account.credentials, sessionToken: `${account.credentials.sessionToken}x` };
      const e = instance(
        await rejects(listPeerconns(clientFor(env, account, { credentials: wrong }), {}), 'list with a wrong token'),
        BceServiceError,
        'list with a wrong token',
      );
      equal(e.code, 'InvalidSecurityToken', 'code');
    },
  },
];
