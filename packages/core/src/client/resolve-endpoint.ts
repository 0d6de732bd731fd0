import type { ValidationIssue } from '../errors/bce-validation-error.ts';
import { BCE_REGIONS } from '../regions.ts';

const NO_ENDPOINT = 'no endpoint; pass region (e.g. "bj") or endpoint (e.g. "https://bcc.bj.baidubce.com")';
const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;
const REGION = /^[a-z][a-z0-9-]*$/;

/**
 * Turns the `endpoint` option into an origin (`https://host[:port]`), or reports why it cannot.
 * A bare `host[:port]` means https, as in the official SDKs' docs; only http and https are allowed.
 *
 * @internal
 */
export function parseEndpoint(
  endpoint: string,
): { origin: string; assumedHttps: boolean } | { issue: ValidationIssue } {
  const bad = (why: string) => ({
    issue: {
      path: 'endpoint',
      message: `${why} (got ${JSON.stringify(withoutSecrets(endpoint))}); pass e.g. "https://bcc.bj.baidubce.com" or "127.0.0.1:8080"`,
    },
  });
  const hasScheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(endpoint);
  if (!hasScheme && !HOST.test(endpoint)) return bad('must be a URL or a host[:port]');
  let url: URL;
  try {
    url = new URL(hasScheme ? endpoint : `https://${endpoint}`);
  } catch {
    return bad('must be a URL or a host[:port]');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return bad('must use http: or https:');
  if (url.username || url.password) return bad('must not carry credentials');
  if (url.pathname !== '/' || url.search || url.hash) return bad('must be an origin, without path, query or fragment');
  return { origin: url.origin, assumedHttps: !hasScheme };
}

// The endpoint as an error may show it: userinfo (`user:pass@`), a query and a fragment can hold secrets.
function withoutSecrets(endpoint: string): string {
  return endpoint.replace(/^([^/?#]*\/\/)?[^/?#]*@/, '$1…@').replace(/([?#]).*$/s, '$1…');
}

/**
 * Checks a region code. Without an endpoint only the known regions are taken, since any other code would only fail
 * later as an unresolvable host; with one, any code that looks like a region passes (it only labels the client),
 * so a region newer than this release stays reachable.
 *
 * @internal
 */
export function checkRegion(region: string, hasEndpoint: boolean): ValidationIssue | undefined {
  if (!REGION.test(region))
    return { path: 'region', message: `must be a region code such as "bj" or "hkg" (got ${JSON.stringify(region)})` };
  if (hasEndpoint || (BCE_REGIONS as readonly string[]).includes(region)) return undefined;
  return {
    path: 'region',
    message: `is not a known region (got ${JSON.stringify(region)}); use one of ${BCE_REGIONS.join(', ')}, or pass endpoint (e.g. "https://bcc.${region}.baidubce.com") for a region this release does not list`,
  };
}

/** The issue raised when neither `region` nor `endpoint` is given. @internal */
export const noEndpointIssue: ValidationIssue = { path: '', message: NO_ENDPOINT };

/**
 * The origin a request goes to: the client's endpoint wins; else the service's host template with the region
 * filled in, over https. Returns `undefined` when neither applies.
 *
 * @internal
 */
export function resolveOrigin(
  endpoint: string | undefined,
  region: string | undefined,
  serviceHost: string | undefined,
): string | undefined {
  if (endpoint) return endpoint;
  if (!region || !serviceHost) return undefined;
  return `https://${serviceHost.replaceAll('{region}', region)}`;
}
