/**
 * Prerenders every public page (PUBLIC_PAGES) into the built web app, so those pages arrive as HTML
 * with their content and React hydrates it instead of starting from an empty root. Runs after
 * `vite build` and before scripts/precompress.ts (`npm run build`).
 *
 * It bundles src/web/prerender.tsx for Node with the app's Vite config, renders each path the way a
 * visitor's first paint looks (nobody signed in yet, no data), and writes `prerendered/<path>.html`:
 * the built index.html with the page's title, its markup in `<div id="root" data-prerendered="<path>">`
 * and, in place of the module script tags, src/web/prerender-boot.js (as `assets/boot-<hash>.js`),
 * which requests the entry and the page's own code once the HTML has painted. A page that renders no `<h1>` — a loader waiting
 * for data — fails the build: it must not be in PUBLIC_PAGES.
 *
 *   node scripts/prerender.ts [dir]   (default: dist/web)
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';
import { PUBLIC_PAGES, prerenderedFile } from '../src/core/navigation/public-pages.ts';
import type { RenderedPage } from '../src/web/prerender.tsx';
import { defaultWebDir } from './precompress.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Inside the project so the bundle resolves react & co. from node_modules; removed afterwards. */
const rendererDir = join(root, `node_modules/.cache/prerender-${process.pid}`);
const ROOT_ELEMENT = '<div id="root"></div>';
const BOOT_SOURCE = join(root, 'src/web/prerender-boot.js');
const ENTRY_SCRIPT = /\s*<script type="module" crossorigin src="([^"]+)"><\/script>/g;
const MODULE_PRELOAD = /\s*<link rel="modulepreload" crossorigin href="([^"]+)">/g;

interface ManifestChunk {
  file: string;
  imports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

interface Renderer {
  renderPage: (path: string) => Promise<RenderedPage>;
}

export interface PrerenderedPage {
  path: string;
  file: string;
  bytes: number;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The chunk files a set of manifest entries loads statically, transitively. */
function staticFiles(manifest: Manifest, keys: readonly string[]): string[] {
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the build manifest has no entry ${key}`);
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return [...files];
}

/**
 * The built index.html with a page in it: its title, its markup, and one deferred boot script that
 * starts the entry and the page's code (`preload`, files relative to the web root) after the first
 * paint. Exported for the tests.
 */
export function pageDocument(
  template: string,
  path: string,
  page: RenderedPage,
  preload: string[],
  bootFile: string,
): string {
  if (!template.includes(ROOT_ELEMENT)) throw new Error(`index.html has no ${ROOT_ELEMENT}`);
  if (!/<title>[^<]*<\/title>/.test(template)) throw new Error('index.html has no <title>');
  const entries = [...template.matchAll(ENTRY_SCRIPT)].map((match) => match[1]);
  const [entry] = entries;
  if (entries.length !== 1 || entry === undefined) {
    throw new Error(`index.html must load exactly one module script, found ${entries.length}`);
  }
  const modules = new Set([...template.matchAll(MODULE_PRELOAD)].map((match) => match[1]));
  for (const file of preload) if (`/${file}` !== entry) modules.add(`/${file}`);
  const boot = `<script defer src="/${bootFile}" data-entry="${escapeHtml(entry)}" data-modules="${escapeHtml([...modules].join(' '))}"></script>`;
  return template
    .replace(ENTRY_SCRIPT, '')
    .replace(MODULE_PRELOAD, '')
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(page.title)}</title>`)
    .replace('</head>', () => `  ${boot}\n  </head>`)
    .replace(ROOT_ELEMENT, () => `<div id="root" data-prerendered="${escapeHtml(path)}">${page.html}</div>`);
}

/** Copies the boot script into the build under a content hash, so it can be cached for good. */
async function writeBootScript(webDir: string): Promise<string> {
  const source = await readFile(BOOT_SOURCE);
  const file = `assets/boot-${createHash('sha256').update(source).digest('base64url').slice(0, 10)}.js`;
  await writeFile(join(webDir, file), source);
  return file;
}

async function bundleRenderer(): Promise<Renderer> {
  await build({
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'warn',
    build: {
      ssr: join(root, 'src/web/prerender.tsx'),
      outDir: rendererDir,
      emptyOutDir: true,
      manifest: false,
      copyPublicDir: false,
    },
  });
  return (await import(pathToFileURL(join(rendererDir, 'prerender.js')).href)) as Renderer;
}

export async function prerenderPublicPages(webDir = defaultWebDir): Promise<PrerenderedPage[]> {
  const manifestPath = join(webDir, '.vite/manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} is missing: run \`vite build\` first`);
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Manifest;
  const template = await readFile(join(webDir, 'index.html'), 'utf8');

  const bootFile = await writeBootScript(webDir);
  const renderer = await bundleRenderer();
  try {
    const written: PrerenderedPage[] = [];
    for (const path of PUBLIC_PAGES) {
      const page = await renderer.renderPage(path);
      if (!/<h1[\s>]/.test(page.html)) {
        throw new Error(
          `${path} renders no <h1> at build time: a page that waits for data cannot be prerendered (remove it from PUBLIC_PAGES or make its content static)`,
        );
      }
      const html = pageDocument(template, path, page, staticFiles(manifest, page.modules), bootFile);
      const file = join(webDir, prerenderedFile(path));
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, html);
      written.push({ path, file, bytes: Buffer.byteLength(html) });
    }
    return written;
  } finally {
    await rm(rendererDir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const dir = process.argv[2] ?? defaultWebDir;
  const started = performance.now();
  const pages = await prerenderPublicPages(dir);
  const list = pages.map((page) => `${page.path} (${(page.bytes / 1000).toFixed(1)} kB)`).join(', ');
  console.log(
    `prerender: ${pages.length} pages into ${relative(process.cwd(), dir) || '.'} — ${list} (${Math.round(performance.now() - started)} ms)`,
  );
}
