import type { AttemptState, Hooks } from '@bcekit/core';

/** The part of an OpenTelemetry span used here (`@opentelemetry/api`'s `Span` has these). */
export interface Span {
  setAttribute(key: string, value: string | number | boolean): unknown;
  setStatus(status: { code: number; message?: string }): unknown;
  spanContext(): { traceId: string; spanId: string; traceFlags: number };
  end(): void;
}

/** The part of an OpenTelemetry tracer used here (`trace.getTracer('bcekit')` fits). */
export interface Tracer {
  startSpan(name: string, options?: { attributes?: Record<string, string | number> }): Span;
}

const SPAN_STATUS_ERROR = 2; // SpanStatusCode.ERROR

/**
 * Client hooks that trace every attempt as a span (`bce.attempt`, status, `x-bce-request-id`, the wait before a
 * retry) and send its W3C `traceparent` header, unsigned, so that a gateway can join the trace.
 */
export function tracingHooks(tracer: Tracer): Hooks {
  // Open spans per call, oldest first: a call's attempts never overlap, and calls alike end in order.
  const open = new Map<string, Span[]>();
  const key = (s: AttemptState) => `${s.method} ${s.url} ${s.clientToken ?? ''}`;
  return {
    beforeAttempt(state) {
      const span = tracer.startSpan(`BCE ${state.operation ?? state.method}`, {
        attributes: {
          'http.request.method': state.method,
          'url.full': state.url,
          'bce.attempt': state.attempt,
          'http.request.resend_count': state.attempt - 1,
        },
      });
      open.set(key(state), [...(open.get(key(state)) ?? []), span]);
      const { traceId, spanId, traceFlags } = span.spanContext();
      return { traceparent: `00-${traceId}-${spanId}-0${traceFlags.toString(16)}` };
    },
    afterAttempt(state) {
      const [span, ...rest] = open.get(key(state)) ?? [];
      if (!span) return;
      if (rest.length > 0) open.set(key(state), rest);
      else open.delete(key(state));
      if (state.status !== undefined) span.setAttribute('http.response.status_code', state.status);
      const requestId = state.responseHeaders?.get('x-bce-request-id');
      if (requestId) span.setAttribute('bce.request_id', requestId);
      if (state.delay !== undefined) span.setAttribute('bce.retry_delay_ms', state.delay);
      if (state.error) span.setStatus({ code: SPAN_STATUS_ERROR, message: (state.error as Error).name });
      span.end();
    },
  };
}
