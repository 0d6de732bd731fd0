import { fail } from './error-response.ts';
import { type Route, safeDecode } from './route-parts.ts';

/**
 * Maps the VPC host's other paths to operations: `/v1/vpc` and `/v1/vpc/{id}`, `/v1/subnet` and `/v1/subnet/{id}`
 * (GET), `/v1/route` (GET), `/v1/route/rule` (GET list, POST create), `/v1/route/rule/{id}` (PUT update, or the
 * HA switch with the `switchRouteHA` flag; DELETE). `parts` is the path split at `/`.
 * @internal
 */
export function networkRoute(method: string, pathname: string, parts: string[], query: Record<string, string>): Route {
  const notAllowed = (): never => fail('MethodNotAllowed', `${method} is not supported on ${pathname}`);
  const noSuch = (): never => fail('InvalidURI', `no such resource: ${pathname}`);
  const idAt = (index: number): string => {
    const id = safeDecode(parts[index]!, false);
    if (!id) fail('InvalidURI', `empty id in ${pathname}`);
    return id;
  };
  const collection = parts[2];
  if (collection === 'vpc' || collection === 'subnet') {
    if (parts.length > 4) noSuch();
    if (method !== 'GET') notAllowed();
    const [list, get] =
      collection === 'vpc' ? (['listVpcs', 'getVpc'] as const) : (['listSubnets', 'getSubnet'] as const);
    return parts.length === 3
      ? { operation: list, peerConnId: '', resourceId: '' }
      : { operation: get, peerConnId: '', resourceId: idAt(3) };
  }
  if (collection !== 'route') return noSuch();
  if (parts.length === 3) return method === 'GET' ? { operation: 'getRouteTable', peerConnId: '' } : notAllowed();
  if (parts[3] !== 'rule' || parts.length > 5) return noSuch();
  if (parts.length === 4) {
    if (method === 'GET') return { operation: 'listRouteRules', peerConnId: '', resourceId: '' };
    if (method === 'POST') return { operation: 'createRouteRule', peerConnId: '', resourceId: '' };
    return notAllowed();
  }
  const resourceId = idAt(4);
  if (method === 'DELETE') return { operation: 'deleteRouteRule', peerConnId: '', resourceId };
  if (method !== 'PUT') return notAllowed();
  const operation = 'switchRouteHA' in query ? 'switchRouteRuleHa' : 'updateRouteRule';
  return { operation, peerConnId: '', resourceId };
}
