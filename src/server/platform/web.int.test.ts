import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { PUBLIC_PAGES, prerenderedFile } from '../../core/navigation/public-pages.ts';
import { renderPage } from '../../web/prerender.tsx';
import { describeOnEachDatabase, type ErrorBody } from '../testing/harness.ts';

const SHELL = '<div id="root"></div>';

function writeCompressed(file: string, content: string) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  writeFileSync(`${file}.br`, brotliCompressSync(content));
  writeFileSync(`${file}.gz`, gzipSync(content));
}

/**
 * A miniature web build, laid out like `npm run build` leaves it: Vite's output, each public page
 * prerendered by the real renderer (src/web/prerender.tsx), everything pre-compressed.
 */
async function fakeWebBuild(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ibc-web-'));
  const document = (root: string) =>
    `<!doctype html><html lang="en"><head><title>IDEA Brand Coach</title></head><body>${root}</body></html>`;
  writeCompressed(path.join(dir, 'index.html'), document(SHELL));
  for (const page of PUBLIC_PAGES) {
    const { html } = await renderPage(page);
    writeCompressed(
      path.join(dir, prerenderedFile(page)),
      document(`<div id="root" data-prerendered="${page}">${html}</div>`),
    );
  }
  writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeCompressed(
    path.join(dir, 'assets', 'index-3f9a1b2c.js'),
    `console.log(${JSON.stringify('x'.repeat(2000))});`,
  );
  return dir;
}

const staticDir = await fakeWebBuild();

/** What each page's `<h1>` says, as a visitor reads it. */
const HEADINGS: Record<string, string> = {
  '/': 'Build a brand your customers trust',
  '/diagnostic': 'How much do your customers trust your brand?',
  '/auth/sign-in': 'Sign in',
  '/auth/sign-up': 'Create your free account',
};

describeOnEachDatabase(
  'web serving and browser security',
  (getApp) => {
    it('serves hashed assets pre-compressed and cached forever', async () => {
      const response = await getApp()
        .client()
        .get('/assets/index-3f9a1b2c.js', { 'accept-encoding': 'br, gzip' });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-encoding')).toBe('br');
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const gzip = await getApp().client().get('/assets/index-3f9a1b2c.js', { 'accept-encoding': 'gzip' });
      expect(gzip.headers.get('content-encoding')).toBe('gzip');
    });

    it('serves each public page its prerendered HTML, revalidated, whatever the query string', async () => {
      for (const page of PUBLIC_PAGES) {
        for (const url of [page, `${page}?next=%2Fapp&utm_source=newsletter`]) {
          const response = await getApp()
            .client()
            .get(url, { accept: 'text/html,application/xhtml+xml', 'accept-encoding': 'br, gzip' });
          expect(response.status, url).toBe(200);
          expect(response.headers.get('content-type'), url).toMatch(/text\/html/);
          expect(response.headers.get('cache-control'), url).toBe('no-cache');
          expect(response.headers.get('content-encoding'), url).toBe('br');
          expect(response.text, url).toContain(`<div id="root" data-prerendered="${page}">`);
          expect(response.text, url).toMatch(/<h1[\s>]/);
          const heading = HEADINGS[page];
          if (heading) expect(response.text, url).toContain(`>${heading}</h1>`);
        }
      }
      // The pages Lighthouse gates are named; any other public page has been checked for a heading.
      expect(PUBLIC_PAGES).toEqual(expect.arrayContaining(Object.keys(HEADINGS)));
    });

    it('serves the SPA shell for other HTML navigations outside /api, never cached', async () => {
      for (const url of [
        '/app',
        '/app/settings?tab=1',
        '/auth/forgot-password',
        '/diagnostic/results/3f2a',
        '/s/abcdefghijklmnop',
        '/some/unknown/page',
      ]) {
        const response = await getApp()
          .client()
          .get(url, { accept: 'text/html,application/xhtml+xml', 'accept-encoding': 'br, gzip' });
        expect(response.status, url).toBe(200);
        expect(response.headers.get('content-type'), url).toMatch(/text\/html/);
        expect(response.headers.get('cache-control'), url).toBe('no-cache');
        expect(response.headers.get('content-encoding'), url).toBe('br');
        expect(response.text, url).toContain(SHELL);
      }
    });

    it('does not fall back to the SPA for API paths, non-HTML requests or other methods', async () => {
      const api = await getApp().client().get<ErrorBody>('/api/unknown', { accept: 'text/html' });
      expect(api.status).toBe(404);
      expect(api.body.error.code).toBe('NOT_FOUND');
      const json = await getApp().client().get<ErrorBody>('/missing.js', { accept: '*/*' });
      expect(json.status).toBe(404);
      const post = await getApp()
        .client()
        .request<ErrorBody>('POST', '/app', { headers: { accept: 'text/html' } });
      expect(post.status).toBe(404);
    });

    it('publishes a real robots.txt and sitemap.xml', async () => {
      const robots = await getApp().client().get('/robots.txt', { accept: 'text/html' });
      expect(robots.status).toBe(200);
      expect(robots.headers.get('content-type')).toMatch(/text\/plain/);
      expect(robots.text).toContain('User-agent: *');
      expect(robots.text).toContain('Disallow: /api/');
      expect(robots.text).toContain('Disallow: /s/');
      expect(robots.text).toMatch(/Sitemap: https:\/\/coach\.example\.com\/sitemap\.xml/);
      const sitemap = await getApp().client().get('/sitemap.xml');
      expect(sitemap.text).toContain('<loc>https://coach.example.com/</loc>');
    });

    it('sends a strict CSP without inline script, HSTS on https, and no framing', async () => {
      const response = await getApp().client().get('/', { accept: 'text/html' });
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      // API answers and their errors carry the API set: a policy that loads nothing, and no framing.
      const missing = await getApp().client().get('/api/no-such-route');
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-security-policy')).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );
      expect(missing.headers.get('x-content-type-options')).toBe('nosniff');
      expect(missing.headers.get('x-frame-options')).toBe('DENY');
      expect(missing.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(missing.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
      expect(missing.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(missing.headers.get('cache-control')).toBe('private, no-store');
      // Headers that only steer a page stay off API answers.
      for (const pageOnly of ['x-xss-protection', 'x-dns-prefetch-control', 'cross-origin-opener-policy']) {
        expect(response.headers.get(pageOnly), pageOnly).not.toBeNull();
        expect(missing.headers.get(pageOnly), pageOnly).toBeNull();
      }
    });

    it('allows CORS only for listed origins', async () => {
      const allowed = await getApp()
        .client()
        .request('OPTIONS', '/api/session', {
          headers: { origin: 'https://partner.example.com', 'access-control-request-method': 'GET' },
        });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://partner.example.com');
      expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
      const denied = await getApp().client().get('/api/session', { origin: 'https://evil.example' });
      expect(denied.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('refuses state-changing API calls from other sites', async () => {
      const foreign = await getApp()
        .client()
        .post<ErrorBody>(
          '/api/auth/sign-in',
          { email: 'a@b.co', password: 'x' },
          { origin: 'https://evil.example' },
        );
      expect(foreign.status).toBe(403);
      expect(foreign.body.error.code).toBe('FORBIDDEN');
      const fetchMetadata = await getApp()
        .client()
        .post<ErrorBody>(
          '/api/auth/sign-in',
          { email: 'a@b.co', password: 'x' },
          { 'sec-fetch-site': 'cross-site' },
        );
      expect(fetchMetadata.status).toBe(403);
      const ownSite = await getApp()
        .client()
        .post(
          '/api/auth/sign-in',
          { email: 'a@b.co', password: 'Wrong-Pass-99' },
          { origin: 'https://coach.example.com' },
        );
      expect(ownSite.status).toBe(401);
    });
  },
  {
    env: {
      STATIC_DIR: staticDir,
      PUBLIC_URL: 'https://coach.example.com',
      CORS_ORIGINS: 'https://partner.example.com',
    },
  },
);
