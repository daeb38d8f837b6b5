import { PAGE_PATHS } from './pages.ts';

/**
 * `?next=` after sign-in must stay on this site: only a same-origin absolute path is accepted, so
 * "//evil.example", "https://evil.example", "/\\evil.example" and "javascript:" all fall back.
 */
export function safeNextPath(
  next: string | null | undefined,
  fallback: string = PAGE_PATHS.dashboard,
): string {
  if (!next || next.length > 2048) return fallback;
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  // Control characters and backslashes can be normalised by browsers into another origin.
  if ([...next].some((char) => char === '\\' || char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f))
    return fallback;
  try {
    const resolved = new URL(next, 'https://same-origin.invalid');
    if (resolved.origin !== 'https://same-origin.invalid') return fallback;
    return `${resolved.pathname}${resolved.search}${resolved.hash}`;
  } catch {
    return fallback;
  }
}
