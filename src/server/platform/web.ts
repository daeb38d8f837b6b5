/**
 * Serves the built single-page app: pre-compressed (brotli/gzip) hashed assets cached forever, HTML
 * revalidated every time, real `robots.txt` and `sitemap.xml`, each public page's prerendered HTML
 * (scripts/prerender.ts) at its path, and the SPA fallback (`index.html`) for other HTML navigations
 * outside `/api`. Everything else that matches no route gets the JSON 404 envelope.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { PAGE_PATHS } from '../../core/navigation/pages.ts';
import { PUBLIC_PAGES, prerenderedFile } from '../../core/navigation/public-pages.ts';
import type { AppConfig } from '../config.ts';
import { sendError } from './errors.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';
/** HTML names the current build's assets, so it is revalidated on every load. */
const REVALIDATE = 'no-cache';

function robotsTxt(publicUrl: URL): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /api/',
    'Disallow: /app/',
    // Survey links are for the people they are sent to, not for search results.
    'Disallow: /s/',
    '',
    `Sitemap: ${new URL('/sitemap.xml', publicUrl)}`,
    '',
  ].join('\n');
}

function sitemapXml(publicUrl: URL): string {
  const urls = PUBLIC_PAGES.map(
    (page) => `  <url><loc>${new URL(page, publicUrl).toString()}</loc></url>`,
  ).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}

export async function registerWeb(app: FastifyInstance, config: AppConfig): Promise<void> {
  app.get('/robots.txt', { schema: { hide: true } }, async (_request, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(robotsTxt(config.publicUrl)),
  );
  app.get('/sitemap.xml', { schema: { hide: true } }, async (_request, reply) =>
    reply
      .type('application/xml; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(sitemapXml(config.publicUrl)),
  );

  const indexHtml = path.join(config.staticDir, 'index.html');
  const hasWebBuild = existsSync(indexHtml);
  if (hasWebBuild) {
    await app.register(fastifyStatic, {
      root: config.staticDir,
      preCompressed: true,
      cacheControl: false,
      index: false,
      wildcard: true,
      schemaHide: true,
      setHeaders(res, filePath) {
        // Pre-compressed variants (index.html.br) get the caching of the file they encode.
        const relative = path.relative(config.staticDir, filePath).replace(/\.(br|gz)$/, '');
        if (relative.startsWith(`assets${path.sep}`)) res.header('cache-control', IMMUTABLE);
        else if (relative.endsWith('.html')) res.header('cache-control', REVALIDATE);
        else res.header('cache-control', 'public, max-age=3600');
      },
    });
    // A public page gets its prerendered HTML, which the browser hydrates; a build without it (or a
    // page added since) still works from the SPA shell. The site root is always routed here: the
    // static plugin would treat it as a directory listing.
    for (const page of new Set([PAGE_PATHS.home, ...PUBLIC_PAGES])) {
      const file = prerenderedFile(page);
      const html = existsSync(path.join(config.staticDir, file)) ? file : 'index.html';
      app.get(page, { schema: { hide: true } }, async (_request, reply) =>
        reply.header('cache-control', REVALIDATE).sendFile(html),
      );
    }
  } else {
    app.log.warn({ staticDir: config.staticDir }, 'no web build found; run `npm run build` to serve the app');
  }

  app.setNotFoundHandler(async (request, reply) => {
    const isPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !request.url.startsWith('/api') &&
      (request.headers.accept ?? '').includes('text/html');
    if (isPage && hasWebBuild) {
      return reply.header('cache-control', REVALIDATE).sendFile('index.html');
    }
    const what = request.url.startsWith('/api') ? 'API route' : 'page';
    return sendError(
      reply,
      404,
      'NOT_FOUND',
      `No ${what} matches ${request.method} ${request.url.split('?')[0]?.slice(0, 200)}.`,
    );
  });
}
