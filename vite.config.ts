import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiOrigin = 'http://127.0.0.1:8080';

export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  // Files in src/core are shared with the server and live outside the web root.
  server: {
    fs: { allow: [fileURLToPath(new URL('./src', import.meta.url))] },
    proxy: Object.fromEntries(
      ['/api', '/healthz', '/readyz', '/robots.txt', '/sitemap.xml'].map((path) => [path, apiOrigin]),
    ),
  },
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    manifest: true,
    // The polyfill would be an inline script, which the server's CSP (script-src 'self') forbids.
    modulePreload: { polyfill: false },
  },
  plugins: [react(), tailwindcss()],
});
