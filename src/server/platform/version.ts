import { readFileSync } from 'node:fs';

let cached: string | undefined;

/**
 * The app's version from package.json, read once. The deployed image ships package.json next to
 * src/; without it the version is reported as `unknown` rather than failing.
 */
export function appVersion(): string {
  if (cached === undefined) {
    try {
      const text = readFileSync(new URL('../../../package.json', import.meta.url), 'utf8');
      const { version } = JSON.parse(text) as { version?: unknown };
      cached = typeof version === 'string' ? version : 'unknown';
    } catch {
      cached = 'unknown';
    }
  }
  return cached;
}
