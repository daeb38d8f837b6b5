import { PAGE_PATHS } from './pages.ts';

/** Public, indexable pages: listed in sitemap.xml and allowed by robots.txt. */
export const PUBLIC_PAGES: readonly string[] = [
  PAGE_PATHS.home,
  PAGE_PATHS.diagnostic,
  PAGE_PATHS.signIn,
  PAGE_PATHS.signUp,
];
