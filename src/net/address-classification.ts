import ipaddr from 'ipaddr.js';

/** What an IP address is, for deciding whether a server-side request may connect to it. */
export interface AddressClassification {
  address: string;
  /** ipaddr.js's name for the range the address falls in: `unicast`, `loopback`, `private`, ... */
  range: string;
  /** The IPv4 address an IPv6 address carries (IPv4-mapped, NAT64, 6to4), which `range` describes. */
  embeddedIPv4?: string;
  /** True only for globally routable unicast addresses. */
  isPublic: boolean;
}

/** IPv6 prefixes whose addresses carry an IPv4 address, and the 16-bit part where it starts. */
const ipv4Embeddings = [
  { prefix: ipaddr.IPv6.parseCIDR('::ffff:0:0/96'), firstPart: 6 }, // IPv4-mapped (RFC 4291)
  { prefix: ipaddr.IPv6.parseCIDR('::ffff:0:0:0/96'), firstPart: 6 }, // IPv4-translated (RFC 6145)
  { prefix: ipaddr.IPv6.parseCIDR('64:ff9b::/96'), firstPart: 6 }, // NAT64 well-known prefix (RFC 6052)
  { prefix: ipaddr.IPv6.parseCIDR('2002::/16'), firstPart: 1 }, // 6to4 (RFC 3056)
];

// IANA reserves ::/8. ipaddr.js calls the deprecated IPv4-compatible form (::7f00:1, which the
// URL parser produces from [::127.0.0.1]) unicast, and some network stacks route it over IPv4.
const reservedIPv6 = ipaddr.IPv6.parseCIDR('::/8');

/**
 * Classifies an IP address (a literal such as `127.0.0.1` or `::1`; throws on anything else).
 * Anything but public unicast is refused by the guarded client:
 * loopback, private, link-local (which holds the cloud metadata endpoint), CGNAT, multicast,
 * broadcast, reserved and documentation ranges, and IPv6 forms that embed any of those.
 */
export function classifyAddress(address: string): AddressClassification {
  const parsed = ipaddr.parse(address);
  if (parsed instanceof ipaddr.IPv4) return classifyIPv4(address, parsed);
  const embedding = ipv4Embeddings.find(({ prefix }) => parsed.match(prefix));
  if (embedding) {
    const [high = 0, low = 0] = parsed.parts.slice(embedding.firstPart, embedding.firstPart + 2);
    const ipv4 = new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
    return { ...classifyIPv4(address, ipv4), embeddedIPv4: ipv4.toString() };
  }
  const range: string = parsed.range();
  if (range === 'unicast' && parsed.match(reservedIPv6)) return { address, range: 'reserved', isPublic: false };
  return { address, range, isPublic: range === 'unicast' };
}

function classifyIPv4(address: string, parsed: ipaddr.IPv4): AddressClassification {
  const range = parsed.range();
  return { address, range, isPublic: range === 'unicast' };
}

/** A short description for error messages, e.g. `::ffff:7f00:1 (embeds 127.0.0.1, loopback)`. */
export function describeAddress(classification: AddressClassification): string {
  const { address, range, embeddedIPv4 } = classification;
  return embeddedIPv4 ? `${address} (embeds ${embeddedIPv4}, ${range})` : `${address} (${range})`;
}
