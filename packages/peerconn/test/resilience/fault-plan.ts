import type { Emulator, FaultSpec, InjectedFault } from '@bcekit/emulator';

/** The faults of issue 8: error statuses, a connection dropped after the create was applied, and a timeout. */
export type FaultKind = '500' | '503' | '429' | 'drop-after-apply' | 'timeout';
export const FAULT_KINDS: readonly FaultKind[] = ['500', '503', '429', 'drop-after-apply', 'timeout'];

/** mulberry32: a tiny seeded PRNG, so a failing run can be replayed with the same fault sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function specOf(kind: FaultKind, timeoutDelayMs: number): FaultSpec {
  const match = { operation: 'createPeerconn' as const };
  switch (kind) {
    case '500':
      return { match, error: { status: 500, code: 'InternalError', message: 'injected' } };
    case '503':
      return { match, error: { status: 503, code: 'ServiceUnavailable', message: 'injected' } };
    case '429':
      return { match, error: { status: 429, code: 'TooManyRequests', message: 'injected', retryAfterSeconds: 0 } };
    case 'drop-after-apply':
      return { match, drop: 'after' };
    case 'timeout':
      // The client times out during the delay and gives up; the service still applies the create, late.
      return { match, delayMs: timeoutDelayMs, applyAfterDisconnect: true };
  }
}

/**
 * Queues one entry per expected request, in arrival order: a fault with probability `rate`, else a pass-through
 * (a spec with no effect, so that the queue stays in step). `injected()` counts the faults that requests consumed.
 */
export function planFaults(
  emulator: Emulator,
  options: { entries: number; rate: number; seed: number; timeoutDelayMs: number },
) {
  const random = seededRandom(options.seed);
  const planned: { kind: FaultKind | 'none'; fault: InjectedFault }[] = [];
  for (let i = 0; i < options.entries; i++) {
    const kind = random() < options.rate ? FAULT_KINDS[Math.floor(random() * FAULT_KINDS.length)]! : 'none';
    const spec: FaultSpec =
      kind === 'none'
        ? { match: { operation: 'createPeerconn' }, dateSkewMs: 0 }
        : specOf(kind, options.timeoutDelayMs);
    planned.push({ kind, fault: emulator.faults.inject(spec) });
  }
  return {
    /** Faults consumed by requests, by kind, and the requests that passed through untouched. */
    injected() {
      const byKind: Record<FaultKind, number> = { '500': 0, '503': 0, '429': 0, 'drop-after-apply': 0, timeout: 0 };
      let passedThrough = 0;
      for (const { kind, fault } of planned) {
        if (fault.remaining() > 0) continue;
        if (kind === 'none') passedThrough++;
        else byKind[kind]++;
      }
      const total = Object.values(byKind).reduce((a, b) => a + b, 0);
      return { byKind, total, passedThrough };
    },
  };
}
