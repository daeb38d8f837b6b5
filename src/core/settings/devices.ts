/**
 * How a signed-in device is described on the Settings page: a short "Firefox on Windows" from the
 * user agent, and the network address with its host part hidden (see ADR 0019). Pure, so the server
 * (which sends only the summary, never the raw values) and the tests share it.
 */

export type DeviceKind = 'desktop' | 'mobile' | 'tablet' | 'unknown';

export interface DeviceSummary {
  /** e.g. "Chrome on Android"; "Unknown device" when the user agent says nothing useful. */
  label: string;
  kind: DeviceKind;
}

/** First match wins, so more specific browsers come before the engines they are built on. */
const BROWSERS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bEdg(?:e|A|iOS)?\//, 'Edge'],
  [/\bOPR\/|\bOpera\b/, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\bVivaldi\//, 'Vivaldi'],
  [/\bFirefox\/|\bFxiOS\//, 'Firefox'],
  [/\bCriOS\/|\bChrom(?:e|ium)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
  [/\bnode\b|\bundici\b/i, 'A script'],
  [/\bcurl\//, 'curl'],
];

const SYSTEMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\biPad\b/, 'iPadOS'],
  [/\biPhone\b|\biPod\b/, 'iOS'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

function firstMatch(userAgent: string, table: ReadonlyArray<readonly [RegExp, string]>): string | null {
  return table.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null;
}

function kindOf(userAgent: string, system: string | null): DeviceKind {
  if (system === 'iPadOS' || /\bTablet\b/i.test(userAgent)) return 'tablet';
  // Android phones say "Mobile"; Android tablets do not.
  if (system === 'Android') return /\bMobile\b/.test(userAgent) ? 'mobile' : 'tablet';
  if (system === 'iOS' || /\bMobile\b/.test(userAgent)) return 'mobile';
  if (system) return 'desktop';
  return 'unknown';
}

export function summariseUserAgent(userAgent: string | null | undefined): DeviceSummary {
  const value = (userAgent ?? '').slice(0, 512);
  const browser = firstMatch(value, BROWSERS);
  const system = firstMatch(value, SYSTEMS);
  const kind = kindOf(value, system);
  if (browser && system) return { label: `${browser} on ${system}`, kind };
  if (browser) return { label: browser, kind };
  if (system) return { label: `A browser on ${system}`, kind };
  return { label: 'Unknown device', kind: 'unknown' };
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function maskIpv4(address: string): string | null {
  const parts = IPV4.exec(address);
  if (!parts) return null;
  const octets = parts.slice(1, 5).map(Number);
  if (octets.some((octet) => octet > 255)) return null;
  return `${octets.slice(0, 3).join('.')}.x`;
}

/** Expands "::" so the groups can be counted; null when it is not an IPv6 address. */
function ipv6Groups(address: string): string[] | null {
  if (!/^[0-9a-f:]+$/i.test(address) || address.split('::').length > 2) return null;
  const [head = '', tail] = address.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return null;
  const groups = [...headGroups, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...tailGroups];
  if (groups.some((group) => group.length === 0 || group.length > 4)) return null;
  return groups.map((group) => group.replace(/^0+(?=.)/, '').toLowerCase());
}

/**
 * Keeps the network and hides the host: `203.0.113.x` (a /24) or `2001:db8:85a3:…` (a /48). Enough
 * to tell "my home network" from "somewhere else", without handing anyone who holds a session the
 * exact addresses of the account's other devices. Null when there is no address to show.
 */
export function maskIpAddress(address: string | null | undefined): string | null {
  const value = (address ?? '').trim();
  if (!value) return null;
  // Loopback identifies no one; showing it whole is clearer than masking it.
  if (value === '::1') return value;
  // IPv4 clients seen through an IPv6 socket arrive as "::ffff:203.0.113.7".
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(value)?.[1];
  const ipv4 = maskIpv4(mapped ?? value);
  if (ipv4) return ipv4;
  const groups = ipv6Groups(value);
  if (groups) return `${groups.slice(0, 3).join(':')}:…`;
  return null;
}
