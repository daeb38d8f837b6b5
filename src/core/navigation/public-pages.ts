import { PAGE_PATHS } from './pages.ts';

/**
 * Public, indexable pages: listed in sitemap.xml, allowed by robots.txt, and prerendered at build time
 * (scripts/prerender.ts), so their HTML arrives with the content. A page added here must render its
 * content without server data.
 */
export const PUBLIC_PAGES: readonly string[] = [
  PAGE_PATHS.home,
  PAGE_PATHS.diagnostic,
  PAGE_PATHS.signIn,
  PAGE_PATHS.signUp,
  PAGE_PATHS.privacy,
  PAGE_PATHS.terms,
  PAGE_PATHS.contact,
];

/**
 * Where the build writes a public page's prerendered HTML, relative to the web build: scripts/prerender.ts
 * writes it, the server sends it for exactly that path. `/` → `prerendered/index.html`,
 * `/auth/sign-in` → `prerendered/auth/sign-in.html`.
 */
export function prerenderedFile(page: string): string {
  return `prerendered/${page === '/' ? 'index' : page.replace(/^\//, '')}.html`;
}
