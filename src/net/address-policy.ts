import ipaddr from 'ipaddr.js';

/**
 * True when `address` (what `hostname` resolved to) may be fetched: it is a public unicast
 * address, or the host name, the address or a CIDR range containing it is in `allowed`.
 */
export function addressAllowed(hostname: string, address: string, allowed: readonly string[]): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  if (parsed.range() === 'unicast') return true;
  const name = hostname.toLowerCase();
  return allowed.some((entry) => {
    if (entry.includes('/')) {
      if (!ipaddr.isValidCIDR(entry)) return false;
      const [network, bits] = ipaddr.parseCIDR(entry);
      return network.kind() === parsed.kind() && parsed.match([network, bits] as never);
    }
    if (ipaddr.isValid(entry)) return ipaddr.parse(entry).toString() === parsed.toString();
    return entry.toLowerCase() === name;
  });
}
