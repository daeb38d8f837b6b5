/**
 * Writes `.br` and `.gz` siblings for every compressible file of the built web app, so the server
 * (@fastify/static with `preCompressed: true`) sends them without compressing on each request.
 *
 *   node scripts/precompress.ts [dir]   (default: dist/web)
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.txt', '.xml', '.map']);

export const defaultWebDir = fileURLToPath(new URL('../dist/web', import.meta.url));

async function* compressibleFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    // `.vite/` holds build metadata (the manifest) that is never served.
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* compressibleFiles(path);
    else if (entry.isFile() && COMPRESSIBLE.has(extname(entry.name))) yield path;
  }
}

export interface CompressedFile {
  path: string;
  raw: number;
  gzip: number;
  brotli: number;
}

export async function precompressDirectory(dir = defaultWebDir): Promise<CompressedFile[]> {
  const jobs: Promise<CompressedFile>[] = [];
  for await (const path of compressibleFiles(dir)) {
    jobs.push(
      (async () => {
        const source = await readFile(path);
        const [gz, br] = await Promise.all([
          gzipAsync(source, { level: constants.Z_BEST_COMPRESSION }),
          brotli(source, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
              [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
            },
          }),
        ]);
        await Promise.all([writeFile(`${path}.gz`, gz), writeFile(`${path}.br`, br)]);
        return { path, raw: source.length, gzip: gz.length, brotli: br.length };
      })(),
    );
  }
  return Promise.all(jobs);
}

if (import.meta.main) {
  const dir = process.argv[2] ?? defaultWebDir;
  const started = performance.now();
  const files = await precompressDirectory(dir);
  const total = (key: 'raw' | 'gzip' | 'brotli') =>
    (files.reduce((sum, file) => sum + file[key], 0) / 1000).toFixed(1);
  console.log(
    `precompress: ${files.length} files in ${relative(process.cwd(), dir) || '.'} — ` +
      `${total('raw')} kB → gzip ${total('gzip')} kB, brotli ${total('brotli')} kB ` +
      `(${Math.round(performance.now() - started)} ms)`,
  );
}
