import { BlockList, isIP } from 'node:net';

/**
 * Addresses and CIDR ranges, IPv4 and IPv6, as access keys' `permittedIps` and IP lists hold them. An IPv4
 * address and its IPv4-mapped IPv6 form (`::ffff:127.0.0.1`, as a dual-stack socket gives it) are one address
 * (node's BlockList matches them both ways).
 */

/** Whether `ip` is one of `entries` or inside one of their ranges; an entry that is neither matches nothing. */
export function inIpRanges(entries: readonly string[], ip: string): boolean {
  const family = ipFamilyOf(ip);
  if (!family) return false;
  const ranges = new BlockList();
  for (const entry of entries) addRange(ranges, entry.trim());
  return ranges.check(ip, family);
}

/** Whether `entry` is an address or a CIDR range (`10.0.0.0/8`, `2001:db8::/32`). */
export const isIpOrRange = (entry: string): boolean => rangeOf(entry.trim()) !== undefined;

function addRange(list: BlockList, entry: string): void {
  const range = rangeOf(entry);
  if (!range) return;
  if (range.bits === undefined) list.addAddress(range.address, range.family);
  else list.addSubnet(range.address, range.bits, range.family);
}

function rangeOf(entry: string): { address: string; family: 'ipv4' | 'ipv6'; bits?: number } | undefined {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = ipFamilyOf(address);
  if (!family || rest.length > 0) return undefined;
  if (prefix === undefined) return { address, family };
  const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : Number.NaN;
  return bits <= (family === 'ipv4' ? 32 : 128) ? { address, family, bits } : undefined;
}

export function ipFamilyOf(address: string): 'ipv4' | 'ipv6' | undefined {
  const version = isIP(address);
  return version === 4 ? 'ipv4' : version === 6 ? 'ipv6' : undefined;
}
