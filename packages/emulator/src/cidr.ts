/** An IPv4 or IPv6 block: its first address as a number, its prefix length and the address width. @internal */
export interface Cidr {
  version: 4 | 6;
  /** First address of the block (host bits cleared). */
  start: bigint;
  /** Last address of the block. */
  end: bigint;
  prefix: number;
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (half: string) => (half === '' ? [] : half.split(':'));
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  let value = 0n;
  for (const group of [...head, ...Array<string>(missing).fill('0'), ...tail]) {
    if (!/^[0-9a-f]{1,4}$/i.test(group)) return undefined;
    value = (value << 16n) | BigInt(`0x${group}`);
  }
  return value;
}

/**
 * Parses `a.b.c.d/n` or an IPv6 `x:…/n` block. Host bits must be zero (`10.0.0.1/24` is refused), as the
 * service answers for route rules and subnets. Returns undefined when the text is no such block.
 * @internal
 */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const address = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  const version = address.includes(':') ? 6 : 4;
  const bits = version === 4 ? 32 : 128;
  if (!/^(0|[1-9]\d{0,2})$/.test(prefixText) || Number(prefixText) > bits) return undefined;
  const prefix = Number(prefixText);
  const start = version === 4 ? parseIpv4(address) : parseIpv6(address);
  if (start === undefined) return undefined;
  const size = 1n << BigInt(bits - prefix);
  if (start % size !== 0n) return undefined;
  return { version, start, end: start + size - 1n, prefix };
}

/** Whether `inner` lies wholly inside `outer` (same IP version). @internal */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  return outer.version === inner.version && outer.start <= inner.start && inner.end <= outer.end;
}

/** Whether two blocks share at least one address (same IP version). @internal */
export function cidrOverlaps(a: Cidr, b: Cidr): boolean {
  return a.version === b.version && a.start <= b.end && b.start <= a.end;
}

/** Whether the block is everything (`0.0.0.0/0` or `::/0`). @internal */
export function isDefaultRoute(cidr: Cidr): boolean {
  return cidr.prefix === 0;
}

/** Addresses in an IPv4 block (for a subnet's free-IP count). @internal */
export function cidrSize(cidr: Cidr): bigint {
  return cidr.end - cidr.start + 1n;
}
