import { describe, expect, it } from 'vitest';
import { PUBLIC_PAGES } from '../src/core/navigation/public-pages.ts';
import { renderPage } from '../src/web/prerender.tsx';
import { pageDocument } from './prerender.ts';

/** The shape of Vite's built index.html. */
const TEMPLATE = `<!doctype html>
<html lang="en">
  <head>
    <title>IDEA Brand Coach — build a brand customers trust</title>
    <script type="module" crossorigin src="/assets/index-a1.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/lib-b2.js">
    <link rel="stylesheet" crossorigin href="/assets/index-c3.css">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>`;

describe('renderPage', () => {
  it('renders every public page with its heading and title, for nobody signed in', async () => {
    for (const path of PUBLIC_PAGES) {
      const page = await renderPage(path);
      expect(page.html, path).toMatch(/<h1[\s>]/);
      expect(page.title, path).toMatch(/IDEA Brand Coach/);
      expect(page.modules.length, path).toBeGreaterThan(0);
      // The session is unknown at build time: no account menu in the header.
      expect(page.html, path).not.toContain('Sign out');
    }
    const signIn = await renderPage('/auth/sign-in');
    expect(signIn.title).toBe('Sign in · IDEA Brand Coach');
    expect(signIn.html).toContain('>Sign in</h1>');
    expect(signIn.modules).toEqual(['features/auth/sign-in-page.tsx']);
  });

  it('refuses a path that only the not-found page matches', async () => {
    await expect(renderPage('/no-such-page')).rejects.toThrow('no page in routes.ts renders /no-such-page');
  });
});

describe('pageDocument', () => {
  const page = { html: '<main><h1>Sign in</h1></main>', title: 'Sign in · <Coach> & "co"', modules: [] };

  it('puts the page and its title into index.html, and its code behind one boot script', () => {
    const html = pageDocument(
      TEMPLATE,
      '/auth/sign-in',
      page,
      ['assets/index-a1.js', 'assets/lib-b2.js', 'assets/sign-in-d4.js'],
      'assets/boot-e5.js',
    );
    expect(html).toContain('<title>Sign in · &lt;Coach&gt; &amp; &quot;co&quot;</title>');
    expect(html).toContain(
      '<div id="root" data-prerendered="/auth/sign-in"><main><h1>Sign in</h1></main></div>',
    );
    // No module is requested while the page makes its first paint: the boot script asks for the
    // entry and each module (once) after it.
    expect(html).not.toContain('type="module"');
    expect(html).not.toContain('modulepreload');
    expect(html).toContain(
      '<script defer src="/assets/boot-e5.js" data-entry="/assets/index-a1.js" data-modules="/assets/lib-b2.js /assets/sign-in-d4.js"></script>',
    );
    expect(html).toContain('<link rel="stylesheet" crossorigin href="/assets/index-c3.css">');
  });

  it('refuses a template without exactly one module script', () => {
    const withoutEntry = TEMPLATE.replace(/\s*<script type="module"[^>]*><\/script>/, '');
    expect(() => pageDocument(withoutEntry, '/', page, [], 'assets/boot-e5.js')).toThrow(
      /exactly one module script, found 0/,
    );
  });

  it('fails on a template it cannot fill', () => {
    expect(() =>
      pageDocument(TEMPLATE.replace('<div id="root"></div>', ''), '/', page, [], 'assets/boot-e5.js'),
    ).toThrow(/no <div id="root"><\/div>/);
  });
});
