import { fail } from '../error-response.ts';
import type { OperationContext } from './context.ts';

/** `maxKeys` from the query: an integer 1..1000, 1000 when absent. @internal */
export function pageSize(value: string | undefined): number {
  if (value === undefined || value === '') return 1000;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 1000) {
    fail('InvalidParameterValue', `maxKeys must be an integer from 1 to 1000 (got ${JSON.stringify(value)})`);
  }
  return n;
}

/**
 * One page of `list` (ascending `seq`) from the query's `marker` (the id of the first item of the page, which
 * must have been issued to the caller for this kind of list; it keeps working after its item is gone), keeping
 * the items `accept` takes. Answers `{marker, isTruncated, maxKeys, [key]: items, nextMarker?}` as the service
 * does: `nextMarker` only when truncated, `marker` the request's or else the first item's id (no `marker` key for
 * an empty first page, as the peer connection list).
 * @internal
 */
export function page<T extends { seq: number }>(
  ctx: OperationContext,
  list: readonly T[],
  kind: 'vpc' | 'subnet' | 'rule',
  key: string,
  idOf: (item: T) => string,
  view: (item: T) => unknown,
  accept: (item: T) => boolean = () => true,
): Record<string, unknown> {
  const maxKeys = pageSize(ctx.query['maxKeys']);
  const marker = ctx.query['marker'] || undefined;
  let fromSeq = 0;
  if (marker !== undefined) {
    const issued = ctx.state.net.issued.get(marker);
    if (!issued || issued.kind !== kind || issued.accountId !== ctx.accountId) {
      fail('InvalidParameterValue', `marker ${marker} was not returned by this list`);
    }
    fromSeq = issued.seq;
  }
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.seq < fromSeq) lo = mid + 1;
    else hi = mid;
  }
  const items: T[] = [];
  let next: T | undefined;
  for (let i = lo; i < list.length; i++) {
    const item = list[i]!;
    if (!accept(item)) continue;
    if (items.length === maxKeys) {
      next = item;
      break;
    }
    items.push(item);
  }
  const first = marker ?? (items[0] ? idOf(items[0]) : undefined);
  const result: Record<string, unknown> = {
    ...(first === undefined ? {} : { marker: first }),
    isTruncated: next !== undefined,
    maxKeys,
    [key]: items.map(view),
  };
  if (next) result['nextMarker'] = idOf(next);
  return result;
}
