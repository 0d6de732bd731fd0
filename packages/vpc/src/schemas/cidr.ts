// CIDR blocks are checked on the client: a typo in a route's address would otherwise reach the service, whose
// error codes for it are not documented. Only the notation is checked (address and prefix length); whether the
// block fits the VPC is the service's rule.

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);
const GROUP = /^[0-9a-fA-F]{1,4}$/;

/** `a.b.c.d`, each part 0 to 255 without leading zeros. */
function isIpv4(address: string): boolean {
  return IPV4.test(address);
}

/** Eight hex groups, or fewer with one `::`; the last 32 bits may be written as IPv4 (`::ffff:10.0.0.1`). */
function isIpv6(address: string): boolean {
  const halves = address.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
  let count = groups.length;
  const last = groups[groups.length - 1];
  if (last?.includes('.')) {
    if (!isIpv4(last)) return false;
    groups.pop();
    count += 1; // an IPv4 tail stands for two groups
  }
  if (!groups.every((group) => GROUP.test(group))) return false;
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** The IP version of a CIDR block (`4` or `6`), or `undefined` when it is not one. @internal */
export function cidrVersion(cidr: string): 4 | 6 | undefined {
  const slash = cidr.indexOf('/');
  if (slash === -1) return undefined;
  const address = cidr.slice(0, slash);
  const prefix = cidr.slice(slash + 1);
  if (!/^(?:0|[1-9]\d{0,2})$/.test(prefix)) return undefined;
  const length = Number(prefix);
  if (isIpv4(address)) return length <= 32 ? 4 : undefined;
  if (isIpv6(address)) return length <= 128 ? 6 : undefined;
  return undefined;
}
