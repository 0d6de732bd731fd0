import { BceError, BceServiceError, BceValidationError, createClient } from '@bcekit/core';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import * as peerconn from '../../src/index.ts';
import { callOptions, hostileValue, mutatedInput, VALID_INPUTS, validVariant } from './fuzz-inputs.ts';

const RUNS = 250;
const PLAUSIBLE = {
  peerConnId: 'peerconn-fuzz00001',
  status: 'active',
  dnsStatus: 'open',
  peerConns: [],
  marker: '',
  isTruncated: false,
  maxKeys: 1000,
};
const MUTATING = /^(create|update|accept|reject|handle|delete|resize|renew|open|close|refund)/;
type Fn = (client: unknown, input: unknown, options?: unknown) => unknown;

const counts = { inputs: 0, rejectedBeforeSending: 0, sent: 0, resolved: 0 };
afterAll(() => {
  console.log(
    `fuzz: ${counts.inputs} inputs fuzzed over ${Object.keys(VALID_INPUTS).length} functions; ` +
      `${counts.rejectedBeforeSending} rejected with BceValidationError before sending, ${counts.resolved} resolved, ${counts.sent} requests sent`,
  );
});

/** A real client whose fetch records every request and answers a plausible 200 (or a 500 when asked). */
function stubClient(status = 200) {
  const sent: Request[] = [];
  const client = createClient({
    endpoint: 'https://bcc.bj.baidubce.com',
    credentials: { accessKeyId: 'AKfuzz0000000000', secretAccessKey: 'SKfuzz-secret-0000000000' },
    retry: 0,
    fetch: async (input, init) => {
      sent.push(new Request(input, init));
      const body = status === 200 ? PLAUSIBLE : { code: 'InternalError', message: 'stub', requestId: 'r' };
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    },
  });
  return { client, sent };
}

/** Runs one function as a caller would; paginators are iterated, the waiter is bounded by our own signal. */
async function call(name: string, client: unknown, input: unknown, options: unknown): Promise<void> {
  if (name === 'paginatePeerconns') {
    for await (const _page of peerconn.paginatePeerconns(client as never, input as never, options as never)) break;
    return;
  }
  await ((peerconn as unknown as Record<string, Fn>)[name] as Fn)(client, input, options);
}

async function expectValidOutcome(name: string, input: unknown, options: unknown, status = 200): Promise<void> {
  counts.inputs++;
  const { client, sent } = stubClient(status);
  const guard = name === 'waitForPeerconn' ? AbortSignal.timeout(300) : undefined;
  try {
    await call(name, client, input, guard ? { signal: guard } : options);
    counts.resolved++;
  } catch (error) {
    if (error instanceof BceValidationError) {
      expect(sent, `${name} sent a request for input it rejected`).toHaveLength(0);
      expect(error.issues.length).toBeGreaterThan(0);
      counts.rejectedBeforeSending++;
    } else if (error instanceof BceServiceError || (name === 'waitForPeerconn' && error instanceof BceError)) {
      expect(sent.length, `${name} failed with ${error.name} without sending`).toBeGreaterThan(0);
    } else if (!(guard?.aborted && error === guard.reason)) {
      throw new Error(`${name} threw ${(error as Error)?.name}: ${(error as Error)?.message}`, { cause: error });
    }
  }
  counts.sent += sent.length;
  for (const request of sent) await expectWellFormed(name, request);
  expect(({} as Record<string, unknown>)['polluted'], 'Object.prototype was polluted').toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
}

/** What "a valid request" means: to the endpoint, signed, JSON or no body, a clientToken on every mutation. */
async function expectWellFormed(name: string, request: Request): Promise<void> {
  const url = new URL(request.url);
  expect(url.origin).toBe('https://bcc.bj.baidubce.com');
  expect(url.pathname).toMatch(/^\/v1\/peerconn(\/[^/]+(\/deleteProtect)?)?$/);
  expect(request.headers.get('authorization')).toMatch(/^bce-auth-v1\/AKfuzz0000000000\/\S+\/[0-9a-f]{64}$/);
  const text = await request.text();
  if (text) expect(() => JSON.parse(text)).not.toThrow();
  if (MUTATING.test(name)) expect(url.searchParams.get('clientToken')).toMatch(/^[\x20-\x7e]{1,64}$/);
}

describe.each(Object.entries(VALID_INPUTS))('%s under fuzzed input', (name, valid) => {
  it('accepts its valid input and sends a well-formed request', async () => {
    await expectValidOutcome(name, valid, undefined);

    expect(counts.resolved).toBeGreaterThan(0);
  });

  it('gives BceValidationError with nothing sent, or a valid request, for anything at all', async () => {
    await fc.assert(
      fc.asyncProperty(hostileValue, callOptions, (input, options) => expectValidOutcome(name, input, options)),
      { numRuns: RUNS },
    );
  });

  it('does the same for its valid input with fields replaced by hostile values', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedInput(valid), callOptions, (input, options) => expectValidOutcome(name, input, options)),
      { numRuns: RUNS },
    );
  });

  it('sends valid variants (unicode, huge text, any printable clientToken) and maps a 500 to BceServiceError', async () => {
    await fc.assert(
      fc.asyncProperty(validVariant(valid), fc.constantFrom(200, 500), (input, status) =>
        expectValidOutcome(name, input, undefined, status),
      ),
      { numRuns: RUNS / 5 },
    );
  });
});
