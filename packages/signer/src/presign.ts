import { sign } from './sign.ts';
import type { SignableHeaders, SignOptions } from './types.ts';

/** A request to presign: the full URL (its query is signed) and optional extra headers the caller will send. */
export interface PresignRequest {
  url: string | URL;
  /** Default `GET`. */
  method?: string;
  /** Headers the final request will carry; `host` is taken from the URL. */
  headers?: Record<string, string | number | undefined>;
}

/**
 * Resolves to the URL (a string) with an `authorization` query parameter, so that it can be fetched without headers
 * (a link, an `<img>`, a redirect). Only `host` and the given headers are signed; keep `expirationInSeconds` short.
 *
 * @example
 * const url = await presign({ url: 'https://bcc.bj.baidubce.com/v1/peerconn?vpcId=vpc-a1' },
 *   { credentials, expirationInSeconds: 300 });
 */
export async function presign(request: PresignRequest, options: SignOptions): Promise<string> {
  const url = new URL(String(request.url));
  url.searchParams.delete('authorization');
  const query: Record<string, string> = {};
  for (const [key, value] of url.searchParams) query[key] = value;
  const headers: SignableHeaders = { ...request.headers, host: url.host };
  const authorization = await sign(
    { method: request.method ?? 'GET', path: url.pathname, query, headers },
    { headersToSign: ['host'], ...options },
  );
  url.searchParams.append('authorization', authorization);
  return url.toString();
}
