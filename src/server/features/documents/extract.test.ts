import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  csvFixture,
  docxFixture,
  docxParts,
  pagedPdf,
  pdfFixture,
  pdfWithoutText,
  utf8,
  zipBombDocx,
} from '../../testing/fixtures/documents.ts';
import {
  assertUnpacksWithin,
  cleaned,
  decodeText,
  EXTRACTION_FAILURE_MESSAGES,
  ExtractionFailure,
  extractDocument,
} from './extract.ts';

/** The failure `promise` rejects with (and that it does reject). */
async function failureOf(promise: Promise<unknown>): Promise<ExtractionFailure> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(outcome instanceof ExtractionFailure))
    throw new Error(`expected an ExtractionFailure, got ${outcome}`);
  return outcome;
}

function failureOfSync(run: () => unknown): ExtractionFailure {
  try {
    run();
  } catch (error) {
    if (error instanceof ExtractionFailure) return error;
    throw error;
  }
  throw new Error('expected an ExtractionFailure');
}

describe('extractDocument: PDF', () => {
  it('gives one section per page that has text, numbered from 1, labelled with the name', async () => {
    const pdf = await pdfFixture(['First page words.', '', 'Third page words.']);
    const { sections, pageCount } = await extractDocument(pdf, 'pdf', 'Book.pdf');
    expect(pageCount).toBe(3);
    expect(sections).toEqual([
      { label: 'Book.pdf · page 1', text: 'First page words.', locator: { page: 1 } },
      { label: 'Book.pdf · page 3', text: 'Third page words.', locator: { page: 3 } },
    ]);
  });

  it('reads a 100-page PDF page by page, leaving the bytes it was given intact', async () => {
    const pdf = await pagedPdf(100);
    const copy = pdf.slice();
    const { sections, pageCount } = await extractDocument(pdf, 'pdf', 'Long.pdf');
    expect(pageCount).toBe(100);
    expect(sections.map((section) => section.locator.page)).toEqual(
      Array.from({ length: 100 }, (_, i) => i + 1),
    );
    expect(sections[6]?.text).toMatch(/^Page 7 of the brand book\. Our seventh principle/);
    // pdf.js empties the array it reads; the caller's array (a Buffer from the database too) is not it.
    expect(pdf).toEqual(copy);
    const fromBuffer = Buffer.from(pdf);
    await extractDocument(fromBuffer, 'pdf', 'Long.pdf');
    expect(fromBuffer.equals(Buffer.from(copy))).toBe(true);
  }, 30_000);

  it('fails an encrypted PDF, a PDF without a text layer and a damaged one, each with its reason', async () => {
    const encrypted = await failureOf(
      extractDocument(await pdfFixture(['Secret.'], { userPassword: 'pw' }), 'pdf', 'a.pdf'),
    );
    expect(encrypted.kind).toBe('encrypted');
    expect(encrypted.message).toBe(EXTRACTION_FAILURE_MESSAGES.encrypted);
    expect((await failureOf(extractDocument(await pdfWithoutText(), 'pdf', 'a.pdf'))).kind).toBe('no-text');
    const damaged = await failureOf(extractDocument(utf8('%PDF-1.7\nnot really a pdf'), 'pdf', 'a.pdf'));
    expect(damaged.kind).toBe('damaged');
  });
});

describe('extractDocument: Word', () => {
  it('cuts the text at headings; text before the first heading has none', async () => {
    const docx = docxFixture([
      { paragraph: 'Opening words.' },
      { heading: 1, text: 'Our Story' },
      { paragraph: 'Founded in a shed.' },
      { paragraph: 'Then a shop.' },
      { heading: 2, text: 'Values' },
      { item: 'Honesty' },
      { item: 'Craft' },
      { heading: 3, text: 'Empty heading' },
    ]);
    const { sections, pageCount } = await extractDocument(docx, 'docx', 'Brief.docx');
    expect(pageCount).toBeNull();
    expect(sections).toEqual([
      { label: 'Brief.docx', text: 'Opening words.', locator: {} },
      {
        label: 'Brief.docx · Our Story',
        text: 'Founded in a shed.\n\nThen a shop.',
        locator: { heading: 'Our Story' },
      },
      { label: 'Brief.docx · Values', text: '• Honesty\n\n• Craft', locator: { heading: 'Values' } },
    ]);
  });

  it('fails a Word file with no text as empty, and one that unpacks past the limit as too large', async () => {
    expect((await failureOf(extractDocument(docxFixture([]), 'docx', 'a.docx'))).kind).toBe('empty');
    const bomb = await failureOf(extractDocument(zipBombDocx('lying'), 'docx', 'a.docx'));
    expect(bomb.kind).toBe('too-large');
    expect(bomb.message).toMatch(/unpacks to more than 64 MB/);
    const notWord = zipSync({ 'word/document.xml': utf8('<not-word-xml') });
    expect((await failureOf(extractDocument(notWord, 'docx', 'a.docx'))).kind).toBe('damaged');
  }, 30_000);
});

describe('extractDocument: Markdown and plain text', () => {
  it('cuts Markdown at headings of every level, and keeps text before the first one', async () => {
    const markdown = utf8('Preface.\r\n\r\n# One\r\nAlpha.\n\n### Three ###\nGamma.\n\n## Empty\n\n');
    const { sections } = await extractDocument(markdown, 'md', 'Notes.md');
    expect(sections).toEqual([
      { label: 'Notes.md', text: 'Preface.', locator: {} },
      { label: 'Notes.md · One', text: 'Alpha.', locator: { heading: 'One' } },
      { label: 'Notes.md · Three', text: 'Gamma.', locator: { heading: 'Three' } },
    ]);
  });

  it('drops NUL and other control characters from text and headings', async () => {
    const markdown = utf8(
      'Intro\u0000 line.\n\n# Mar\u0000malade \u0007plan\n\nUp\u0000 by a third.\n\n# \u0007\n\nLost heading.\n',
    );
    const { sections } = await extractDocument(markdown, 'md', 'Plan.md');
    expect(sections).toEqual([
      { label: 'Plan.md', text: 'Intro line.', locator: {} },
      { label: 'Plan.md · Marmalade plan', text: 'Up by a third.', locator: { heading: 'Marmalade plan' } },
      { label: 'Plan.md', text: 'Lost heading.', locator: {} },
    ]);
    expect(JSON.stringify(sections)).not.toMatch(/\\u000[07]/);
    const { sections: plain } = await extractDocument(
      utf8('A\u0000B\r\nC\u000b\n\n\n\nD  \n'),
      'txt',
      'a.txt',
    );
    expect(plain).toEqual([{ label: 'a.txt', text: 'AB\nC\n\nD', locator: {} }]);
  });

  it('fails text that is empty once cleaned, and bytes that are not UTF-8', async () => {
    expect((await failureOf(extractDocument(utf8('\u0000\u0001  \n'), 'txt', 'a.txt'))).kind).toBe('empty');
    expect((await failureOf(extractDocument(utf8('# Only a heading'), 'md', 'a.md'))).kind).toBe('empty');
    expect(failureOfSync(() => decodeText(new Uint8Array([0x63, 0xe9, 0x20]))).kind).toBe('damaged');
    expect(decodeText(utf8('\uFEFFa\u0000b'))).toBe('ab');
  });
});

describe('extractDocument: CSV', () => {
  it('renders rows as "column: value" in sections of 20 data rows that name their row range', async () => {
    const rows = Array.from({ length: 45 }, (_, index) => [`Customer ${index + 1}`, `Quote ${index + 1}`]);
    const { sections, pageCount } = await extractDocument(
      csvFixture(['Name', 'Quote'], rows),
      'csv',
      'R.csv',
    );
    expect(pageCount).toBeNull();
    expect(sections.map((section) => [section.label, section.locator])).toEqual([
      ['R.csv · rows 1–20', { rows: [1, 20] }],
      ['R.csv · rows 21–40', { rows: [21, 40] }],
      ['R.csv · rows 41–45', { rows: [41, 45] }],
    ]);
    expect(sections[0]?.text.split('\n')[0]).toBe('Name: Customer 1; Quote: Quote 1');
    expect(sections[2]?.text.split('\n')).toHaveLength(5);
  });

  it('detects the delimiter, names blank header cells, skips empty cells and keeps quoted line breaks', async () => {
    const csv = utf8('Name;;Note\nAda;x;"Two\nlines"\nBo;;\n\n');
    const { sections } = await extractDocument(csv, 'csv', 'semi.csv');
    expect(sections).toEqual([
      {
        label: 'semi.csv · rows 1–2',
        text: 'Name: Ada; Column 2: x; Note: Two\nlines\nName: Bo',
        locator: { rows: [1, 2] },
      },
    ]);
  });

  it('fails a CSV without data rows, and one with broken quotes, saying which', async () => {
    const headerOnly = await failureOf(extractDocument(utf8('Name,Quote\n'), 'csv', 'a.csv'));
    expect(headerOnly).toMatchObject({ kind: 'empty' });
    expect(headerOnly.message).toMatch(/no rows under its header/);
    const broken = await failureOf(extractDocument(utf8('a,b\n"open,2\nx,y\n'), 'csv', 'a.csv'));
    expect(broken.kind).toBe('damaged');
    expect(broken.message).toMatch(/^This CSV file could not be read \(.+\)\. Check the quotes/);
  });
});

describe('cleaned', () => {
  it('cleans text and headings as the index does, relabels, and drops sections left empty', () => {
    expect(
      cleaned(
        [
          { label: 'x', text: ' Keep\u0000 me \r\n', locator: { heading: ' Two\n words ' } },
          { label: 'y', text: '\u0001 ', locator: { page: 2 } },
        ],
        'Doc.md',
      ),
    ).toEqual([{ label: 'Doc.md · Two words', text: 'Keep me', locator: { heading: 'Two words' } }]);
  });
});

describe('assertUnpacksWithin', () => {
  const zipOf = (bytes: number) => zipSync({ 'word/document.xml': new Uint8Array(bytes) });

  it('passes an archive that unpacks to the limit, and fails one byte more', () => {
    expect(() => assertUnpacksWithin(zipOf(1000), 1000)).not.toThrow();
    expect(failureOfSync(() => assertUnpacksWithin(zipOf(1001), 1000)).kind).toBe('too-large');
  });

  it('counts what really unpacks, not what the archive declares', () => {
    const liar = zipBombDocx('lying', 2 * 1024 * 1024);
    expect(failureOfSync(() => assertUnpacksWithin(liar, 1024 * 1024)).kind).toBe('too-large');
    expect(() => assertUnpacksWithin(liar, 4 * 1024 * 1024)).not.toThrow();
  });

  it('counts every part together', () => {
    const parts = docxParts([{ paragraph: 'x'.repeat(600) }]);
    const total = Object.values(parts).reduce((sum, part) => sum + part.length, 0);
    const docx = zipSync(parts);
    expect(() => assertUnpacksWithin(docx, total)).not.toThrow();
    expect(failureOfSync(() => assertUnpacksWithin(docx, total - 1)).kind).toBe('too-large');
  });

  it('fails an archive whose compressed data is corrupt as damaged; a cut-off one is left to the reader', async () => {
    const text = utf8('The quick brown fox jumps over the lazy dog. '.repeat(200));
    const docx = zipSync({ ...docxParts([]), 'word/document.xml': text });
    const corrupt = zipSync({ 'word/document.xml': text });
    corrupt.fill(0xff, 45, 70);
    expect(failureOfSync(() => assertUnpacksWithin(corrupt, 1024 * 1024)).kind).toBe('damaged');
    // A truncated archive inflates nothing past the limit; the Word reader then fails it.
    const truncated = docx.slice(0, docx.length - 30);
    expect(() => assertUnpacksWithin(truncated, 1024 * 1024)).not.toThrow();
    expect((await failureOf(extractDocument(truncated, 'docx', 'a.docx'))).kind).toBe('damaged');
  });
});
