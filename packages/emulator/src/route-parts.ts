import type { OperationName } from './types.ts';

// What the two routers share (route.ts for peer connections, network-route.ts for the VPC host's other paths),
// kept here so that neither imports the other's module.

/** Where a request goes. @internal */
export interface Route {
  operation: OperationName;
  /** Decoded `{id}` segment of a peer connection route; `''` for collection routes and other services. */
  peerConnId: string;
  /** Decoded `{id}` segment of a VPC, subnet or route rule route; the peer connection id when absent. */
  resourceId?: string;
}

/** Percent-decodes, keeping text that is not valid percent-encoding as it is. @internal */
export function safeDecode(text: string, plusAsSpace: boolean): string {
  const value = plusAsSpace ? text.replace(/\+/g, ' ') : text;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Decodes a raw query string (`?accept&clientToken=t`) into key → value; flags get `''`. `+` is a literal plus
 * unless `plusAsSpace` (form encoding, as `URLSearchParams` writes it).
 * @internal
 */
export function parseQuery(search: string, plusAsSpace = false): Record<string, string> {
  const query: Record<string, string> = {};
  const raw = search.startsWith('?') ? search.slice(1) : search;
  if (!raw) return query;
  for (const pair of raw.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const key = safeDecode(eq < 0 ? pair : pair.slice(0, eq), plusAsSpace);
    query[key] = eq < 0 ? '' : safeDecode(pair.slice(eq + 1), plusAsSpace);
  }
  return query;
}
