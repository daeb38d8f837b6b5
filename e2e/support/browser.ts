import { existsSync } from 'node:fs';

/** Debian's Chromium: Playwright's own browser downloads are not available on these machines. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const hasChromium = existsSync(CHROMIUM_PATH);

/**
 * Without a browser the suite is reported as skipped, by name, so a missing dependency is visible
 * rather than silently green. On CI a missing browser is a failure, so it is never skipped there.
 */
export const skipReason =
  hasChromium || process.env.CI
    ? null
    : `Chromium not found at ${CHROMIUM_PATH} (install it with apt-get install chromium)`;
