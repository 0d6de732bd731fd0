import { fail } from './error-response.ts';
import { networkRoute } from './network-route.ts';
import { type Route, safeDecode } from './route-parts.ts';
import type { OperationName } from './types.ts';

const PUT_FLAGS: Record<string, OperationName> = {
  accept: 'acceptPeerconn',
  reject: 'rejectPeerconn',
  resize: 'resizePeerconn',
  purchaseReserved: 'renewPeerconn',
  open: 'openPeerconnDnsSync',
  close: 'closePeerconnDnsSync',
  refund: 'refundPeerconn',
};

/** Query parameters a PUT on `/v1/peerconn/{id}` may carry besides its action flag. */
const PUT_PARAMS: ReadonlySet<string> = new Set(['clientToken', 'role', 'authorization']);

/**
 * Maps method + path + query to an operation: `/v1/peerconn` (POST create, GET list), `/v1/peerconn/{id}`
 * (GET detail; PUT with one flag — accept, reject, resize, purchaseReserved, open, close, refund — or none for
 * update, and any other query key answered as an unknown action; DELETE), `/v1/peerconn/{id}/deleteProtect`
 * (PUT); the VPC, subnet and route paths go to {@link networkRoute}. Throws a BCE error when nothing matches.
 * @internal
 */
export function route(method: string, pathname: string, query: Record<string, string>): Route {
  const parts = pathname.split('/');
  if (parts[0] === '' && parts[1] === 'v1' && parts[2] !== 'peerconn')
    return networkRoute(method, pathname, parts, query);
  if (parts[0] !== '' || parts[1] !== 'v1' || parts[2] !== 'peerconn' || parts.length > 5) {
    fail('InvalidURI', `no such resource: ${pathname}`);
  }
  const notAllowed = (): never => fail('MethodNotAllowed', `${method} is not supported on ${pathname}`);
  if (parts.length === 3) {
    if (method === 'POST') return { operation: 'createPeerconn', peerConnId: '' };
    if (method === 'GET') return { operation: 'listPeerconns', peerConnId: '' };
    return notAllowed();
  }
  const peerConnId = safeDecode(parts[3]!, false);
  if (!peerConnId) fail('InvalidURI', `empty peer connection id in ${pathname}`);
  if (parts.length === 5) {
    if (parts[4] !== 'deleteProtect') fail('InvalidURI', `no such resource: ${pathname}`);
    return method === 'PUT' ? { operation: 'updatePeerconnDeleteProtect', peerConnId } : notAllowed();
  }
  if (method === 'GET') return { operation: 'getPeerconn', peerConnId };
  if (method === 'DELETE') return { operation: 'deletePeerconn', peerConnId };
  if (method !== 'PUT') return notAllowed();
  const unknown = Object.keys(query).filter((key) => !(key in PUT_FLAGS) && !PUT_PARAMS.has(key));
  if (unknown.length > 0) {
    fail(
      'InvalidParameterValue',
      `unknown action ${JSON.stringify(unknown[0])} on PUT ${pathname}: use one of ${Object.keys(PUT_FLAGS).join(', ')}, or none to update`,
    );
  }
  const flags = Object.keys(PUT_FLAGS).filter((flag) => flag in query);
  if (flags.length > 1) fail('InvalidParameterValue', `only one action flag per request (got ${flags.join(', ')})`);
  return { operation: flags.length ? PUT_FLAGS[flags[0]!]! : 'updatePeerconn', peerConnId };
}
