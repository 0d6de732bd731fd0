// CIDR blocks are checked on the client: a typo in a route's address would otherwise reach the service, whose
// error codes for it are not documented. Only the notation is checked (address and prefix length); whether the
// block fits the VPC is the service's rule.

/**
 * The host the platform's URL parser (the WHATWG rules, in every runtime) reads from `host`, or `undefined` when it
 * reads none. Only address characters reach it, so that nothing else can end the host early.
 */
function hostOf(host: string): string | undefined {
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return undefined;
  }
}

/** The IP version of a CIDR block (`4` or `6`), or `undefined` when it is not one. @internal */
export function cidrVersion(cidr: string): 4 | 6 | undefined {
  const [address = '', prefix, extra] = cidr.split('/');
  if (extra !== undefined || !/^(?:0|[1-9]\d{0,2})$/.test(prefix ?? '')) return undefined;
  const length = Number(prefix);
  // Four decimal parts, each as the parser writes it back (it reads `01.2.3.4` as `1.2.3.4` and fails past 255).
  if (/^\d+(?:\.\d+){3}$/.test(address)) return hostOf(address) === address && length <= 32 ? 4 : undefined;
  return /^[\da-fA-F:.]+$/.test(address) && hostOf(`[${address}]`) && length <= 128 ? 6 : undefined;
}
