/**
 * `on PUT /v1/peerconn/x after 2 attempts`: the part every transport error message shares.
 *
 * @internal
 */
export function describeCall(method: string, path: string, attempts: number): string {
  return `on ${method} ${path} after ${attempts} attempt${attempts === 1 ? '' : 's'}`;
}
