import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import {
  attachmentDisposition,
  createPdf,
  fileSlug,
  pdfByline,
  pdfDate,
  pdfHeading,
  pdfParagraph,
  pdfTitle,
  printable,
} from './pdf.ts';

describe('printable', () => {
  it('keeps Western European text, typographic quotes and dashes', () => {
    expect(printable('Crème brûlée – “naïve” café… 50 €')).toBe('Crème brûlée – “naïve” café… 50 €');
  });

  it('replaces what the built-in fonts cannot draw, drops carriage returns and turns tabs into spaces', () => {
    expect(printable('Launch 🚀 in 東京\r\nnext\tweek')).toBe('Launch ? in ??\nnext week');
  });

  it('composes decomposed accents before checking them', () => {
    expect(printable('Cafe\u0301')).toBe('Café');
  });
});

describe('pdfDate', () => {
  it('prints the UTC day in full', () => {
    expect(pdfDate(new Date('2026-03-04T23:30:00Z'))).toBe('4 March 2026');
  });
});

describe('fileSlug', () => {
  it('makes ASCII file names from names', () => {
    expect(fileSlug('Calm & Co.', 'brand')).toBe('calm-co');
    expect(fileSlug('Crème Brûlée Café', 'brand')).toBe('creme-brulee-cafe');
  });

  it('falls back when nothing is left, and cuts long names without a trailing hyphen', () => {
    expect(fileSlug('🥐🥐', 'brand')).toBe('brand');
    expect(fileSlug('a'.repeat(200), 'brand', 40)).toBe('a'.repeat(40));
    expect(fileSlug(`${'a'.repeat(39)} b`, 'brand', 40)).toBe('a'.repeat(39));
  });
});

describe('attachmentDisposition', () => {
  it('sends a plain ASCII name as it is', () => {
    expect(attachmentDisposition('calm-co-brand-canvas.pdf')).toBe(
      'attachment; filename="calm-co-brand-canvas.pdf"',
    );
  });

  it('gives any other name an ASCII stand-in and its exact UTF-8 form', () => {
    expect(attachmentDisposition('café "menu".pdf')).toBe(
      `attachment; filename="caf_ _menu_.pdf"; filename*=UTF-8''caf%C3%A9%20%22menu%22.pdf`,
    );
  });
});

describe('createPdf', () => {
  it('writes an A4 document whose text survives characters the fonts cannot draw', async () => {
    const pdf = createPdf('Report 🚀');
    pdfTitle(pdf, 'Crumb & Co 🥐');
    pdfByline(pdf, 'Exported 4 March 2026');
    pdfHeading(pdf, 'Section');
    pdfParagraph(pdf, 'Body\ttext');
    const bytes = await pdf.finish();
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const proxy = await getDocumentProxy(new Uint8Array(bytes));
    const { text } = await extractText(proxy, { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Crumb & Co ?');
    expect(flat).toContain('Exported 4 March 2026');
    expect(flat).toContain('Body text');
    expect((await proxy.getMetadata()).info).toMatchObject({ Title: 'Report ?', Author: 'IDEA Brand Coach' });
  });
});
