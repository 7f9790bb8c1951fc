import { type AddressClass, classifyAddress, hostOfUrl, isLocalHostname, targetRefusal } from './webhook-targets.js';

describe(classifyAddress.name, () => {
  it.each<[string, AddressClass]>([
    // IPv4, public
    ['93.184.216.34', 'public'],
    ['8.8.8.8', 'public'],
    ['1.1.1.1', 'public'],
    ['172.15.255.255', 'public'],
    ['172.32.0.1', 'public'],
    ['100.63.255.255', 'public'],
    ['100.128.0.1', 'public'],
    ['169.253.255.255', 'public'],
    ['11.0.0.1', 'public'],
    ['223.255.255.255', 'public'],
    // IPv4, refused
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.10', 'private'],
    ['100.64.0.1', 'carrier-grade-nat'],
    ['100.127.255.255', 'carrier-grade-nat'],
    ['169.254.169.254', 'link-local'],
    ['169.254.0.1', 'link-local'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['192.0.0.170', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
  ])('should classify IPv4 %s as %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });

  it.each<[string, AddressClass]>([
    // IPv6, public
    ['2606:2800:220:1:248:1893:25c8:1946', 'public'],
    ['2001:4860:4860::8888', 'public'],
    ['2a00:1450:4001:82a::200e', 'public'],
    ['::ffff:93.184.216.34', 'public'],
    ['::ffff:5db8:d822', 'public'],
    ['64:ff9b::808:808', 'public'],
    ['2002:5db8:d822::1', 'public'],
    // IPv6, refused
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456:789a::1', 'unique-local'],
    ['FD00::ABCD', 'unique-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf::1', 'link-local'],
    ['fec0::1', 'site-local'],
    ['ff02::1', 'multicast'],
    ['ff05::1:3', 'multicast'],
    ['::7f00:1', 'reserved'],
    ['100::1', 'reserved'],
    ['64:ff9b:1::1', 'reserved'],
    // IPv6 forms of IPv4 addresses: classified by the IPv4 address
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['0:0:0:0:0:ffff:7f00:1', 'loopback'],
    ['::FFFF:10.1.2.3', 'private'],
    ['::ffff:a9fe:a9fe', 'link-local'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::ffff:0.0.0.0', 'unspecified'],
    ['::ffff:192.168.0.1', 'private'],
    ['::ffff:100.64.0.1', 'carrier-grade-nat'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['2002:7f00:1::1', 'loopback'],
    ['2002:a9fe:a9fe::', 'link-local'],
  ])('should classify IPv6 %s as %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });

  it.each(['localhost', 'example.com', '', '127.0.0.1.nip.io', '999.1.1.1', '::ffff:1.2.3', '1::2::3'])(
    'should not take %j for an address',
    (text) => {
      expect(classifyAddress(text)).toBe('not-an-ip-address');
    },
  );
});

describe(isLocalHostname.name, () => {
  it.each([
    ['localhost', true],
    ['LOCALHOST', true],
    ['localhost.', true],
    ['api.localhost', true],
    ['localhost.example.com', false],
    ['mylocalhost', false],
    ['hethong.hanoi.gov.vn', false],
  ])('should take %s for the local host: %p', (hostname, expected) => {
    expect(isLocalHostname(hostname)).toBe(expected);
  });
});

describe(hostOfUrl.name, () => {
  it.each([
    ['https://HeThong.Hanoi.gov.vn:8443/gpmb', 'hethong.hanoi.gov.vn'],
    ['http://[::1]:8080/x', '::1'],
    ['http://[::ffff:127.0.0.1]/x', '::ffff:7f00:1'],
    // The URL parser's view of odd IPv4 spellings, which is also what fetch connects to.
    ['http://0x7f.1/x', '127.0.0.1'],
    ['http://2130706433/x', '127.0.0.1'],
  ])('should find the host of %s', (url, host) => {
    expect(hostOfUrl(url)).toBe(host);
  });
});

describe(targetRefusal.name, () => {
  it('should allow a host whose every address is public', () => {
    expect(targetRefusal('hooks.example.vn', ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'])).toBeNull();
    expect(targetRefusal('93.184.216.34', ['93.184.216.34'])).toBeNull();
  });

  it('should refuse a host when any one of its addresses is not public', () => {
    expect(targetRefusal('rebind.example.vn', ['93.184.216.34', '10.0.0.5'])).toBe(
      'rebind.example.vn resolves to 10.0.0.5, a private-network address',
    );
  });

  it.each([
    ['127.0.0.1', ['127.0.0.1'], '127.0.0.1 is a loopback address'],
    ['169.254.169.254', ['169.254.169.254'], expect.stringContaining('169.254.169.254 is a link-local address')],
    ['::ffff:7f00:1', ['::ffff:7f00:1'], '::ffff:7f00:1 is a loopback address'],
    ['localhost', ['127.0.0.1'], 'localhost is the local host'],
    ['intranet.localhost', [], 'intranet.localhost is the local host'],
    ['nowhere.example.vn', [], 'nowhere.example.vn does not resolve to any address'],
  ])('should refuse %s (addresses %j)', (host, addresses, message) => {
    expect(targetRefusal(host, addresses)).toEqual(message);
  });
});
