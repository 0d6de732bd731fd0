import { BceError } from '../errors/bce-error.ts';
import type { CallOptions } from '../types/request.ts';

/** The page fields of every BCE list response that {@link paginate} follows. */
export interface PageInfo {
  /** The marker this page started at (`''` when the service sent none). */
  marker: string;
  /** `true` when more pages follow. */
  isTruncated: boolean;
  /** Where the next page starts; only meaningful when `isTruncated`. */
  nextMarker?: string;
}

/** The pages of a listing (`for await (const page of pages)`), with `items()` for what the pages hold. */
export interface Pages<TPage, TItem> extends AsyncIterable<TPage> {
  /** Every item of every page, in order, fetching pages as you go. */
  items(): AsyncIterable<TItem>;
}

/** What a paginator starts from once its input is checked. */
export interface PageWalk<TPage extends PageInfo, TItem> {
  /** The first page's marker (`undefined`: the beginning). */
  marker: string | undefined;
  /** Reads the page at `marker`. */
  fetchPage: (marker: string | undefined) => Promise<TPage>;
  /** The items a page holds. */
  itemsOf: (page: TPage) => readonly TItem[];
}

/**
 * Walks the pages of a BCE list call: asks for the next page with `marker = nextMarker` while `isTruncated`
 * is true. Nothing happens until iteration starts; `start` is called then (check the input there, so that a
 * bad input rejects the first iteration), and again on every new iteration, which starts from the beginning.
 * Should the service repeat a marker, or claim more pages without a `nextMarker`, iteration stops with a
 * `BceError` instead of reading the same pages forever.
 *
 * @param operation Name of the public paginator, used in error messages.
 * @param options The caller's options; `signal` is checked before every page.
 * @param start Checks the input and says where to begin, how to read a page and what it holds.
 * @returns An async iterable of pages; `.items()` iterates the items.
 * @example
 * return paginate('paginateVpcs', options, () => {
 *   const checked = parseInput('paginateVpcs', PaginateVpcsInputSchema, input);
 *   return { marker: checked.marker, fetchPage: (marker) => listVpcs(client, { ...checked, marker }, options), itemsOf: (page) => page.vpcs };
 * });
 */
export function paginate<TPage extends PageInfo, TItem>(
  operation: string,
  options: CallOptions | undefined,
  start: () => PageWalk<TPage, TItem>,
): Pages<TPage, TItem> {
  async function* walk(from: PageWalk<TPage, TItem>): AsyncGenerator<TPage, void, undefined> {
    const seen = new Set<string>();
    let marker = from.marker || undefined;
    for (;;) {
      options?.signal?.throwIfAborted();
      const page = await from.fetchPage(marker);
      yield page;
      if (!page.isTruncated) return;
      marker = nextMarkerOf(operation, page, seen, marker);
    }
  }
  return {
    [Symbol.asyncIterator]: () => walk(start()),
    async *items() {
      const from = start();
      for await (const page of walk(from)) yield* from.itemsOf(page);
    },
  };
}

// A marker we already asked for would replay pages forever; a missing one would restart from the top.
function nextMarkerOf(operation: string, page: PageInfo, seen: Set<string>, current: string | undefined): string {
  const next = page.nextMarker;
  if (current !== undefined) seen.add(current);
  if (page.marker !== '') seen.add(page.marker);
  if (typeof next !== 'string' || next === '') {
    throw new BceError(
      `${operation}: the service said more pages follow (isTruncated) but sent no nextMarker; stopped`,
      { operation },
    );
  }
  if (seen.has(next)) {
    throw new BceError(
      `${operation}: the service returned nextMarker "${next}" again; stopped instead of reading the same pages forever`,
      { operation },
    );
  }
  return next;
}
