import { describe, expect, it } from 'vitest';
import { classifyAddress, describeAddress } from '../../src/net/address-classification.js';

describe('classifyAddress', () => {
  it.each(['93.184.216.34', '8.8.8.8', '2606:2800:220:1:248:1893:25c8:1946', '2a00:1450:4001:82b::200e'])(
    'treats %s as public',
    (address) => {
      expect(classifyAddress(address)).toMatchObject({ range: 'unicast', isPublic: true });
    },
  );

  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['169.254.0.1', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['100.127.255.254', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456:789a::1', 'uniqueLocal'],
    ['fe80::1', 'linkLocal'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'],
    ['2001::1', 'teredo'],
    ['100::1', 'discard'],
    ['64:ff9b:1::a00:1', 'rfc6052'],
  ])('refuses %s (%s)', (address, range) => {
    expect(classifyAddress(address)).toMatchObject({ range, isPublic: false });
  });

  it.each([
    ['::ffff:127.0.0.1', '127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', '127.0.0.1', 'loopback'],
    ['::ffff:169.254.169.254', '169.254.169.254', 'linkLocal'],
    ['::ffff:10.0.0.1', '10.0.0.1', 'private'],
    ['::ffff:0:7f00:1', '127.0.0.1', 'loopback'],
    ['64:ff9b::7f00:1', '127.0.0.1', 'loopback'],
    ['64:ff9b::a9fe:a9fe', '169.254.169.254', 'linkLocal'],
    ['2002:7f00:1::1', '127.0.0.1', 'loopback'],
    ['2002:c0a8:101::1', '192.168.1.1', 'private'],
  ])('refuses %s, which embeds %s (%s)', (address, embeddedIPv4, range) => {
    expect(classifyAddress(address)).toMatchObject({ embeddedIPv4, range, isPublic: false });
  });

  it('judges IPv6 forms embedding a public IPv4 address by that address', () => {
    expect(classifyAddress('::ffff:8.8.8.8')).toMatchObject({ embeddedIPv4: '8.8.8.8', isPublic: true });
    expect(classifyAddress('64:ff9b::808:808')).toMatchObject({ embeddedIPv4: '8.8.8.8', isPublic: true });
  });

  it('refuses the deprecated IPv4-compatible form, which the URL parser makes of [::127.0.0.1]', () => {
    expect(classifyAddress('::7f00:1')).toMatchObject({ range: 'reserved', isPublic: false });
    expect(classifyAddress('::a9fe:a9fe')).toMatchObject({ range: 'reserved', isPublic: false });
  });

  it('describes an address for error messages', () => {
    expect(describeAddress(classifyAddress('10.0.0.1'))).toBe('10.0.0.1 (private)');
    expect(describeAddress(classifyAddress('::ffff:7f00:1'))).toBe('::ffff:7f00:1 (embeds 127.0.0.1, loopback)');
  });
});
