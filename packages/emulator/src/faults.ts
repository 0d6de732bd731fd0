import type { OperationName } from './types.ts';

/** Which requests a fault applies to; every given field must match. */
export interface FaultMatch {
  /** HTTP method, e.g. `'PUT'`. */
  method?: string;
  /** Emulated operation, e.g. `'createPeerconn'`. */
  operation?: OperationName;
  /** Exact path, or a pattern tested against the path. */
  path?: string | RegExp;
}

/** A fault to inject. Combine fields freely, e.g. a delay plus a skewed `Date`. */
export interface FaultSpec {
  /** Which requests it hits. @default every request */
  match?: FaultMatch;
  /** How many matching requests it hits before it is used up. @default 1 */
  times?: number;
  /** Answer with this BCE error instead of handling the request (nothing is applied). */
  error?: { status: number; code?: string; message?: string; retryAfterSeconds?: number };
  /** Answer with this raw response instead (e.g. an HTML 502 page or an empty body). */
  response?: { status: number; body?: string; headers?: Record<string, string> };
  /**
   * Drop the connection: `'before'` handling (nothing applied) or `'after'` (applied, response lost).
   * The fetch adapter then rejects with a `TypeError`, the node server destroys the socket, `handle()`
   * returns `Response.error()` (which msw turns into a network error).
   */
  drop?: 'before' | 'after';
  /**
   * Wait this many real milliseconds before handling. The wait ends with the request's signal (a client that
   * aborts, times out or disconnects from `listen()`): nothing is applied, unless `applyAfterDisconnect`.
   */
  delayMs?: number;
  /**
   * With `delayMs`: a client that gives up during the delay does not stop the request. It is handled when the
   * delay is over and its response goes nowhere, as a real service may still apply a request whose client
   * timed out. `emulator.idle()` resolves once such requests have landed. @default false
   */
  applyAfterDisconnect?: boolean;
  /** Shift the response `Date` header by this many ms (positive = server ahead). */
  dateSkewMs?: number;
}

/** An injected fault. */
export interface InjectedFault {
  /** Matching requests it will still hit. */
  remaining(): number;
  /** Removes it. */
  cancel(): void;
}

/** Fault injection of an emulator. */
export interface Faults {
  /**
   * Adds a fault; the oldest matching fault wins.
   * @example
   * emulator.faults.inject({ match: { operation: 'createPeerconn' }, times: 2, error: { status: 503, code: 'ServiceUnavailable' } });
   * emulator.faults.inject({ match: { operation: 'deletePeerconn' }, drop: 'after' });
   * emulator.faults.inject({ match: { operation: 'createPeerconn' }, delayMs: 700, applyAfterDisconnect: true });
   */
  inject(spec: FaultSpec): InjectedFault;
  /** Removes every fault. */
  clear(): void;
  /** Number of faults not yet used up. */
  pending(): number;
}

/** @internal A fault list plus `take`, used by the request handler. */
export interface FaultQueue extends Faults {
  take(request: { method: string; path: string; operation: OperationName | undefined }): FaultSpec | undefined;
}

/** @internal */
export function createFaults(): FaultQueue {
  let entries: { spec: FaultSpec; left: number }[] = [];
  const matches = (m: FaultMatch | undefined, r: { method: string; path: string; operation?: OperationName }) =>
    !m ||
    ((!m.method || m.method.toUpperCase() === r.method) &&
      (!m.operation || m.operation === r.operation) &&
      (m.path === undefined || (typeof m.path === 'string' ? m.path === r.path : m.path.test(r.path))));
  return {
    inject(spec) {
      const entry = { spec, left: spec.times ?? 1 };
      entries.push(entry);
      return {
        remaining: () => entry.left,
        cancel: () => {
          entries = entries.filter((e) => e !== entry);
        },
      };
    },
    clear() {
      entries = [];
    },
    pending: () => entries.length,
    take(request) {
      const entry = entries.find((e) => matches(e.spec.match, request));
      if (!entry) return undefined;
      entry.left--;
      if (entry.left <= 0) entries = entries.filter((e) => e !== entry);
      return entry.spec;
    },
  };
}
