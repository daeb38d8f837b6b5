import { afterAll, describe, expect, it } from 'vitest';
import { pdfFixture, slowPdf, utf8 } from '../../testing/fixtures/documents.ts';
import { ExtractionFailure } from './extract.ts';
import { createExtractionPool } from './extraction-pool.ts';

describe('the extraction pool (a real worker thread)', () => {
  const pool = createExtractionPool({ timeoutMs: 60_000 });
  afterAll(() => pool.close());

  it('reads bytes handed over as a Buffer, as node-postgres answers them, and leaves them intact', async () => {
    // A small Buffer lives in Node's shared pool, which cannot be transferred to a thread.
    const bytes = Buffer.from('Pooled buffers must be copied before they are handed over.');
    const before = Buffer.from(bytes);
    const { sections } = await pool.extract({ bytes, format: 'txt', name: 'Pooled.txt' });
    expect(sections).toEqual([{ label: 'Pooled.txt', text: before.toString(), locator: {} }]);
    expect(bytes.equals(before)).toBe(true);
  }, 30_000);

  it('answers a file it cannot read with its failure, and carries on', async () => {
    const locked = await pdfFixture(['Secret.'], { userPassword: 'pw' });
    const failure = await pool
      .extract({ bytes: locked, format: 'pdf', name: 'a.pdf' })
      .catch((error) => error);
    expect(failure).toBeInstanceOf(ExtractionFailure);
    expect((failure as ExtractionFailure).kind).toBe('encrypted');
    const { pageCount } = await pool.extract({
      bytes: await pdfFixture(['Fine.']),
      format: 'pdf',
      name: 'b.pdf',
    });
    expect(pageCount).toBe(1);
  }, 30_000);

  it('stops a file over the time limit, and reads the next one in a fresh worker', async () => {
    const started = performance.now();
    const failure = await pool
      .extract({ bytes: slowPdf(3_000_000), format: 'pdf', name: 'Endless.pdf' }, { timeoutMs: 300 })
      .catch((error) => error);
    const stoppedAfterMs = performance.now() - started;
    expect(failure).toBeInstanceOf(ExtractionFailure);
    expect((failure as ExtractionFailure).kind).toBe('timeout');
    expect((failure as ExtractionFailure).message).toMatch(/took too long \(more than 300 ms\)/);
    // Stopped at the limit, not when the reader would have finished (seconds later).
    expect(stoppedAfterMs).toBeLessThan(3000);
    // A fresh worker starts (loading pdf.js is not counted against the file) and reads the next one.
    const next = await pool.extract(
      { bytes: utf8('Next file.'), format: 'txt', name: 'Next.txt' },
      { timeoutMs: 300 },
    );
    expect(next.sections[0]?.text).toBe('Next file.');
  }, 30_000);

  it('reads files one after another, each within its own limit', async () => {
    const files = ['One.', 'Two.', 'Three.'].map((text, index) =>
      pool.extract({ bytes: utf8(text), format: 'txt', name: `${index}.txt` }),
    );
    expect((await Promise.all(files)).map((file) => file.sections[0]?.text)).toEqual([
      'One.',
      'Two.',
      'Three.',
    ]);
  }, 30_000);
});
