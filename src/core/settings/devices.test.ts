import { describe, expect, it } from 'vitest';
import { maskIpAddress, summariseUserAgent } from './devices.ts';

describe('summariseUserAgent', () => {
  it.each([
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
      'Chrome on macOS',
      'desktop',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
      'Edge on Windows',
      'desktop',
    ],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', 'Firefox on Linux', 'desktop'],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
      'Safari on iOS',
      'mobile',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1',
      'Chrome on iOS',
      'mobile',
    ],
    [
      'Mozilla/5.0 (iPad; CPU OS 17_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.7 Mobile/15E148 Safari/604.1',
      'Safari on iPadOS',
      'tablet',
    ],
    [
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
      'Chrome on Android',
      'mobile',
    ],
    [
      'Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Safari/537.36',
      'Samsung Internet on Android',
      'tablet',
    ],
    [
      'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
      'Chrome on ChromeOS',
      'desktop',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 OPR/115.0.0.0',
      'Opera on Windows',
      'desktop',
    ],
    ['curl/8.5.0', 'curl', 'unknown'],
    ['node', 'A script', 'unknown'],
    ['Mozilla/5.0 (Windows NT 10.0) SomethingNew/1.0', 'A browser on Windows', 'desktop'],
  ])('%s → %s', (userAgent, label, kind) => {
    expect(summariseUserAgent(userAgent)).toEqual({ label, kind });
  });

  it('says "Unknown device" when there is nothing to go on', () => {
    for (const value of [null, undefined, '', '???']) {
      expect(summariseUserAgent(value)).toEqual({ label: 'Unknown device', kind: 'unknown' });
    }
  });
});

describe('maskIpAddress', () => {
  it('keeps an IPv4 /24 and hides the host', () => {
    expect(maskIpAddress('203.0.113.47')).toBe('203.0.113.x');
    expect(maskIpAddress('::ffff:198.51.100.7')).toBe('198.51.100.x');
  });

  it('keeps an IPv6 /48 and hides the rest, expanding "::"', () => {
    expect(maskIpAddress('2001:db8:85a3:8d3:1319:8a2e:370:7348')).toBe('2001:db8:85a3:…');
    expect(maskIpAddress('2001:db8::1')).toBe('2001:db8:0:…');
    expect(maskIpAddress('2001:0DB8:0000:0000:0000:0000:0000:0001')).toBe('2001:db8:0:…');
  });

  it('shows loopback as is and gives null for nothing or nonsense', () => {
    expect(maskIpAddress('::1')).toBe('::1');
    for (const value of [
      null,
      undefined,
      '',
      '  ',
      '999.1.1.1',
      'not an ip',
      '1:2:3',
      '1::2::3',
      'fe80::1%eth0',
    ]) {
      expect(maskIpAddress(value), String(value)).toBeNull();
    }
  });
});
