/**
 * `on PUT /v1/peerconn/x after 2 attempts`: the part every transport error message shares. With an origin
 * (`on GET https://bcc.bj.baidubce.com/v1/peerconn …`) it says where the call went, for failures that had no answer.
 *
 * @internal
 */
export function describeCall(method: string, path: string, attempts: number, origin?: string): string {
  return `on ${method} ${origin ?? ''}${path} after ${attempts} attempt${attempts === 1 ? '' : 's'}`;
}
