/**
 * Streams a ZIP archive (fflate, pure JS) from entries produced one at a time: each entry is
 * compressed and handed on before the next is read, so memory holds one entry, not the archive.
 */
import { Readable } from 'node:stream';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

export interface ArchiveEntry {
  path: string;
  data: Uint8Array;
  /** False for content that is already compressed (PDFs, images): stored as is. */
  compress: boolean;
}

async function* zipChunks(
  entries: AsyncIterable<ArchiveEntry>,
  modifiedAt: Date,
): AsyncGenerator<Uint8Array> {
  const ready: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else ready.push(chunk);
  });
  const drain = function* () {
    if (failure) throw failure;
    while (ready.length > 0) {
      const chunk = ready.shift();
      if (chunk) yield chunk;
    }
  };
  for await (const entry of entries) {
    const file = entry.compress ? new ZipDeflate(entry.path, { level: 6 }) : new ZipPassThrough(entry.path);
    file.mtime = modifiedAt;
    zip.add(file);
    file.push(entry.data, true);
    yield* drain();
  }
  zip.end();
  yield* drain();
}

export function zipStream(entries: AsyncIterable<ArchiveEntry>, modifiedAt: Date): Readable {
  return Readable.from(zipChunks(entries, modifiedAt), { objectMode: false });
}
