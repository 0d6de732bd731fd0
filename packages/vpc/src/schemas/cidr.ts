// CIDR blocks are checked on the client: a typo in a route's address would otherwise reach the service, whose
// error codes for it are not documented. Only the notation is checked (address and prefix length); whether the
// block fits the VPC is the service's rule.

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);

/**
 * Hex groups, `::` and an IPv4 tail, as the platform's URL parser reads an IPv6 host (the WHATWG rules, in every
 * runtime): only these characters may reach it, so that nothing else can end the `[…]` host early.
 */
function isIpv6(address: string): boolean {
  if (!/^[\da-fA-F:.]+$/.test(address)) return false;
  try {
    new URL(`http://[${address}]`);
    return true;
  } catch {
    return false;
  }
}

/** The IP version of a CIDR block (`4` or `6`), or `undefined` when it is not one. @internal */
export function cidrVersion(cidr: string): 4 | 6 | undefined {
  const [address = '', prefix, extra] = cidr.split('/');
  if (extra !== undefined || !/^(?:0|[1-9]\d{0,2})$/.test(prefix ?? '')) return undefined;
  const length = Number(prefix);
  if (IPV4.test(address)) return length <= 32 ? 4 : undefined;
  return isIpv6(address) && length <= 128 ? 6 : undefined;
}
