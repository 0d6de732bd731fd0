/**
 * When records next need settling: a binary min-heap of `(at, id)` plus the earliest time queued per id.
 * Entries are never updated in place; an entry whose time is no longer the one recorded for its id is stale and
 * skipped when it comes out. @internal
 */
export interface DueQueue {
  heap: { at: number; id: string }[];
  scheduled: Map<string, number>;
}

/** @internal */
export function createDueQueue(): DueQueue {
  return { heap: [], scheduled: new Map() };
}

/** Queues `id` at `at` unless it is already queued at that time or earlier. @internal */
export function enqueue(queue: DueQueue, id: string, at: number): void {
  const queued = queue.scheduled.get(id);
  if (queued !== undefined && queued <= at) return;
  queue.scheduled.set(id, at);
  const { heap } = queue;
  heap.push({ at, id });
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heap[parent]!.at <= heap[i]!.at) break;
    [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
    i = parent;
  }
}

/** Removes and returns the ids due at `now` (earliest first), one at a time; undefined when none is due. @internal */
export function dequeueDue(queue: DueQueue, now: number): string | undefined {
  const { heap } = queue;
  while (heap.length > 0 && heap[0]!.at <= now) {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let least = i;
        if (left < heap.length && heap[left]!.at < heap[least]!.at) least = left;
        if (right < heap.length && heap[right]!.at < heap[least]!.at) least = right;
        if (least === i) break;
        [heap[least], heap[i]] = [heap[i]!, heap[least]!];
        i = least;
      }
    }
    if (queue.scheduled.get(top.id) !== top.at) continue; // stale: superseded by an earlier entry
    queue.scheduled.delete(top.id);
    return top.id;
  }
  return undefined;
}
