import { BlockList, isIP, isIPv4 } from 'node:net';

/**
 * Where a webhook may post. A subscription URL is chosen by an API client, and the server posts to
 * it from inside the network: pointed at loopback, a private network or the cloud metadata service
 * (169.254.169.254) it would make this server a proxy into places the client cannot reach (SSRF).
 * Unless private targets are allowed (on-premise receivers), every address a delivery may connect
 * to must be a public unicast one.
 */

/** Why an address is not a public target. */
export type RestrictedRange =
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'carrier-grade-nat'
  | 'link-local'
  | 'unique-local'
  | 'site-local'
  | 'multicast'
  | 'reserved'
  | 'not-an-ip-address';

export type AddressClass = 'public' | RestrictedRange;

const DESCRIPTIONS: Record<RestrictedRange, string> = {
  unspecified: 'an unspecified address',
  loopback: 'a loopback address',
  private: 'a private-network address',
  'carrier-grade-nat': 'a carrier-grade NAT (shared) address',
  'link-local': 'a link-local address (the cloud metadata service lives there)',
  'unique-local': 'a unique-local IPv6 address',
  'site-local': 'a site-local IPv6 address',
  multicast: 'a multicast address',
  reserved: 'a reserved address',
  'not-an-ip-address': 'not an IP address',
};

type Subnet = [network: string, prefix: number];

/** Checked in order, the first match names the range (so ::1 reads as loopback, not as reserved ::/96). */
const IPV4_RANGES: Array<[RestrictedRange, Subnet[]]> = [
  // "This network": 0.0.0.0 reaches the local host on Linux.
  ['unspecified', [['0.0.0.0', 8]]],
  ['loopback', [['127.0.0.0', 8]]],
  [
    'private',
    [
      ['10.0.0.0', 8],
      ['172.16.0.0', 12],
      ['192.168.0.0', 16],
    ],
  ],
  ['carrier-grade-nat', [['100.64.0.0', 10]]],
  ['link-local', [['169.254.0.0', 16]]],
  ['multicast', [['224.0.0.0', 4]]],
  [
    'reserved',
    [
      ['192.0.0.0', 24], // IETF protocol assignments
      ['198.18.0.0', 15], // benchmarking
      ['240.0.0.0', 4], // future use, and 255.255.255.255 broadcast
    ],
  ],
];

const IPV6_RANGES: Array<[RestrictedRange, Subnet[]]> = [
  ['unspecified', [['::', 128]]],
  ['loopback', [['::1', 128]]],
  ['unique-local', [['fc00::', 7]]],
  ['link-local', [['fe80::', 10]]],
  ['site-local', [['fec0::', 10]]],
  ['multicast', [['ff00::', 8]]],
  [
    'reserved',
    [
      ['::', 96], // IPv4-compatible addresses, deprecated
      ['100::', 64], // discard-only
      ['64:ff9b:1::', 48], // local-use IPv4/IPv6 translation
    ],
  ],
];

function blockLists(ranges: Array<[RestrictedRange, Subnet[]]>, type: 'ipv4' | 'ipv6') {
  return ranges.map(([range, subnets]) => {
    const list = new BlockList();
    for (const [network, prefix] of subnets) list.addSubnet(network, prefix, type);
    return { range, list };
  });
}

const IPV4_LISTS = blockLists(IPV4_RANGES, 'ipv4');
const IPV6_LISTS = blockLists(IPV6_RANGES, 'ipv6');

/** The eight 16-bit groups of a valid IPv6 address (a trailing dotted quad included). */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const parse = (part: string | undefined) => (part ? part.split(':').map((group) => parseInt(group, 16)) : []);
  const front = parse(head);
  const back = parse(tail);
  return tail === undefined ? front : [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
}

const ipv4Of = (high: number, low: number): string => [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');

/**
 * The IPv4 address an IPv6 one stands for, where reaching it means reaching that IPv4 address:
 * IPv4-mapped (::ffff:a.b.c.d, what a dual-stack socket makes of IPv4), NAT64 (64:ff9b::/96) and
 * 6to4 (2002::/16).
 */
function embeddedIpv4(groups: number[]): string | null {
  const zeros = (from: number, to: number) => groups.slice(from, to).every((group) => group === 0);
  if (zeros(0, 5) && groups[5] === 0xffff) return ipv4Of(groups[6], groups[7]);
  if (groups[0] === 0x64 && groups[1] === 0xff9b && zeros(2, 6)) return ipv4Of(groups[6], groups[7]);
  if (groups[0] === 0x2002) return ipv4Of(groups[1], groups[2]);
  return null;
}

/** Whether an IP address is a public unicast one, or else which special-purpose range it is in. */
export function classifyAddress(address: string): AddressClass {
  // A zone index (fe80::1%eth0) says which interface, not which address.
  const bare = address.replace(/%.*$/, '');
  if (isIPv4(bare)) return IPV4_LISTS.find(({ list }) => list.check(bare, 'ipv4'))?.range ?? 'public';
  if (isIP(bare) !== 6) return 'not-an-ip-address';
  const ipv4 = embeddedIpv4(ipv6Groups(bare));
  if (ipv4 !== null) return classifyAddress(ipv4);
  return IPV6_LISTS.find(({ list }) => list.check(bare, 'ipv6'))?.range ?? 'public';
}

/** `localhost` and its subdomains are the local host by definition (RFC 6761), whatever DNS says. */
export function isLocalHostname(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}

/** The host a connection to `url` goes to: lower case, an IPv6 literal without its brackets. */
export function hostOfUrl(url: string): string {
  return new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
}

/**
 * Why posting to `host` is refused, given the addresses it resolved to (the host itself for an IP
 * literal), or null when every one of them is public. A name that resolved to nothing is refused.
 */
export function targetRefusal(host: string, addresses: readonly string[]): string | null {
  if (isLocalHostname(host)) return `${host} is the local host`;
  if (addresses.length === 0) return `${host} does not resolve to any address`;
  for (const address of addresses) {
    const found = classifyAddress(address);
    if (found === 'public') continue;
    const description = DESCRIPTIONS[found];
    return address === host ? `${host} is ${description}` : `${host} resolves to ${address}, ${description}`;
  }
  return null;
}
