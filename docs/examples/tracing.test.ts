import { createClient, signedFetch } from '@bcekit/core';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { type Span, type Tracer, tracingHooks } from './tracing.ts';
import { credentials, verifyingServer } from './verifying-server.ts';

/** A tracer that keeps its spans in memory, in place of an OpenTelemetry SDK and collector. */
function recordingTracer() {
  type Recorded = { name: string; attributes: Record<string, unknown>; status?: number; ended: boolean; id: string };
  const spans: Recorded[] = [];
  const tracer: Tracer = {
    startSpan(name, options) {
      const record: Recorded = {
        name,
        attributes: { ...options?.attributes },
        ended: false,
        id: (spans.length + 1).toString(16).padStart(16, '0'),
      };
      spans.push(record);
      const span: Span = {
        setAttribute: (k, v) => {
          record.attributes[k] = v;
        },
        setStatus: ({ code }) => {
          record.status = code;
        },
        spanContext: () => ({ traceId: 'a'.repeat(32), spanId: record.id, traceFlags: 1 }),
        end: () => {
          record.ended = true;
        },
      };
      return span;
    },
  };
  return { tracer, spans };
}

let server: Awaited<ReturnType<typeof verifyingServer>>;
let statuses: number[];
beforeEach(async () => {
  statuses = [];
  server = await verifyingServer(() => ({ status: statuses.shift() ?? 200, body: { code: 'Busy', message: 'x' } }));
});
afterEach(() => server.close());

test('one span per attempt, with its status, request id and the wait before the retry', async () => {
  const { tracer, spans } = recordingTracer();
  const client = createClient({
    endpoint: server.origin,
    credentials,
    retry: { baseDelay: 1 },
    hooks: tracingHooks(tracer),
  });
  statuses = [503, 200];

  await client.send({ method: 'GET', path: ['v1', 'peerconn'], operation: 'listPeerconns' });

  expect(spans.map((s) => [s.name, s.attributes['bce.attempt'], s.attributes['http.response.status_code']])).toEqual([
    ['BCE listPeerconns', 1, 503],
    ['BCE listPeerconns', 2, 200],
  ]);
  expect(spans.map((s) => s.attributes['bce.request_id'])).toEqual(['req-1', 'req-2']);
  expect(spans[0]!.attributes['bce.retry_delay_ms']).toBeTypeOf('number');
  expect(spans[1]!.attributes['http.request.resend_count']).toBe(1);
  expect(spans.every((s) => s.ended)).toBe(true);
  // Each attempt carried its own span's traceparent, unsigned; the signatures still verify.
  expect(server.seen.map((s) => s.traceparent)).toEqual([
    `00-${'a'.repeat(32)}-0000000000000001-01`,
    `00-${'a'.repeat(32)}-0000000000000002-01`,
  ]);
  expect(server.seen.every((s) => s.valid && !s.signed.includes('traceparent'))).toBe(true);
});

test('a failed call ends its last span with an error status; signedFetch is traced the same way', async () => {
  const { tracer, spans } = recordingTracer();
  const client = createClient({ endpoint: server.origin, credentials, retry: 0, hooks: tracingHooks(tracer) });
  statuses = [404];

  await expect(client.send({ method: 'GET', path: ['v1', 'x'] })).rejects.toThrow(/Busy/);
  const response = await signedFetch(client, '/v1/eip');

  expect(response.status).toBe(200);
  expect(spans.map((s) => [s.name, s.status, s.ended])).toEqual([
    ['BCE GET request', 2, true],
    ['BCE signedFetch', undefined, true],
  ]);
});
