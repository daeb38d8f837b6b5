import { PAGE_PATHS } from '../../core/navigation/pages.ts';

/**
 * Builds `/auth/sign-in?next=/app/x`. Slashes stay readable; everything that could end or split the
 * parameter (`&`, `#`, `+`, `=`, `?`) stays encoded.
 */
export function withNext(path: string, next: string | null | undefined): string {
  if (!next) return path;
  return `${path}?next=${encodeURIComponent(next).replaceAll('%2F', '/')}`;
}

export function signInPath(next?: string | null): string {
  return withNext(PAGE_PATHS.signIn, next);
}
