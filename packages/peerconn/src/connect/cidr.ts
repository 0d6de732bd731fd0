/** An IPv4 or IPv6 CIDR block as a range of addresses. */
interface Block {
  v6: boolean;
  first: bigint;
  last: bigint;
}

function parseV4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function parseV6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (half: string) => (half === '' ? [] : half.split(':'));
  const head = groups(halves[0] ?? '');
  const tail = halves.length === 2 ? groups(halves[1] ?? '') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  let value = 0n;
  for (const group of [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail]) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
    value = (value << 16n) | BigInt(`0x${group}`);
  }
  return value;
}

/** Parses `a.b.c.d/n` or an IPv6 `x::y/n`; `undefined` when it is not a CIDR block. @internal */
export function parseCidr(cidr: string): Block | undefined {
  const [address = '', prefixText, extra] = cidr.split('/');
  if (extra !== undefined || prefixText === undefined || !/^\d{1,3}$/.test(prefixText)) return undefined;
  const v6 = address.includes(':');
  const bits = v6 ? 128n : 32n;
  const prefix = BigInt(prefixText);
  const value = v6 ? parseV6(address) : parseV4(address);
  if (value === undefined || prefix > bits) return undefined;
  const hostMask = (1n << (bits - prefix)) - 1n;
  const first = value & ~hostMask;
  return { v6, first, last: first | hostMask };
}

/** Whether two CIDR blocks share an address (blocks of different IP versions never do). @internal */
export function cidrsOverlap(a: string, b: string): boolean {
  const x = parseCidr(a);
  const y = parseCidr(b);
  if (!x || !y || x.v6 !== y.v6) return false;
  return x.first <= y.last && y.first <= x.last;
}
