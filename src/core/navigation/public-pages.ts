/** Public, indexable pages: listed in sitemap.xml and allowed by robots.txt. */
export const PUBLIC_PAGES: readonly string[] = ['/', '/diagnostic', '/auth/sign-in', '/auth/sign-up'];
