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

  it('keeps Central and Eastern European, Turkish, Vietnamese, Greek and Cyrillic text', () => {
    for (const text of [
      'Łucja Wróbel',
      'Škoda Café',
      'İstanbul Çay, ığdır şğ',
      'Țară, șnur, Őrség, Ærøskøbing',
      'Tiếng Việt',
      'Ελληνικά',
      'Привет, Україна, Беларусь ₴ ₽ №',
    ]) {
      expect(printable(text)).toBe(text);
    }
  });

  it('replaces what the fonts cannot draw, drops carriage returns and turns tabs into spaces', () => {
    expect(printable('Launch 🚀 in 東京\r\nnext\tweek')).toBe('Launch ? in ??\nnext week');
  });

  it('replaces each unprintable character as the reader sees it, and right-to-left scripts', () => {
    expect(printable('Family 👨‍👩‍👧 👍🏽 time')).toBe('Family ? ? time');
    expect(printable('안녕 مرحبا שלום')).toBe('?? ????? ????');
  });

  it('drops invisible marks the fonts lack, replaces control characters and breaks lines at separators', () => {
    expect(printable('\ufeffHello\u0007 world\u2028again')).toBe('Hello? world\nagain');
  });

  it('composes decomposed accents before checking them', () => {
    expect(printable('Cafe\u0301')).toBe('Café');
    expect(printable('Ło\u0301dz\u0301')).toBe('Łódź');
  });
});

describe('pdfDate', () => {
  it('prints the UTC day in the product’s one date style, as the web app shows it', () => {
    expect(pdfDate(new Date('2026-03-04T23:30:00Z'))).toBe('4 Mar 2026');
    expect(pdfDate(new Date('2026-09-30T00:30:00Z'))).toBe('30 Sep 2026');
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

async function textOf(bytes: Buffer): Promise<string> {
  const proxy = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(proxy, { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

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

  it('prints and keeps extractable Latin, Greek and Cyrillic text in every face', async () => {
    const names = ['Łucja Wróbel', 'Škoda Café', 'İstanbul Çay', 'Ελληνικά', 'Привет'];
    const pdf = createPdf('Łucja Wróbel – Привет');
    pdfTitle(pdf, names.join(', '));
    pdfParagraph(pdf, `Regular: ${names.join(', ')}; official office ffl 🎉 中文`);
    pdfParagraph(pdf, `Italic: ${names.join(', ')}`, { font: 'italic' });
    const bytes = await pdf.finish();
    const text = await textOf(bytes);
    expect(text).toContain(names.join(', '));
    expect(text).toContain(`Regular: ${names.join(', ')}; official office ffl ? ??`);
    expect(text).toContain(`Italic: ${names.join(', ')}`);
    const proxy = await getDocumentProxy(new Uint8Array(bytes));
    expect((await proxy.getMetadata()).info).toMatchObject({ Title: 'Łucja Wróbel – Привет' });
  });

  it('embeds only subsets of the DejaVu Sans faces it uses, and no built-in font', async () => {
    const pdf = createPdf('Fonts');
    pdfTitle(pdf, 'Škoda Café');
    pdfParagraph(pdf, 'Привет');
    const bytes = await pdf.finish();
    const raw = bytes.toString('latin1');
    const fonts = [...raw.matchAll(/\/BaseFont \/([A-Z]{6}\+[\w-]+)/g)].map(
      (match) => match[1]?.split('+')[1],
    );
    expect(new Set(fonts)).toEqual(new Set(['DejaVuSans-Bold', 'DejaVuSans']));
    expect(raw).toContain('/FontFile2');
    expect(raw).not.toContain('Helvetica');
    // The three TrueType files weigh 2 MB; a subset of a few dozen glyphs is a small fraction.
    expect(bytes.length).toBeLessThan(40_000);
  });

  it('keeps documents apart when several are written at once', async () => {
    const first = createPdf('First');
    const second = createPdf('Second');
    pdfParagraph(first, 'Łódź first');
    pdfParagraph(second, 'Ελληνικά second');
    pdfHeading(first, 'Привет');
    pdfHeading(second, 'İstanbul');
    const [one, two] = await Promise.all([first.finish(), second.finish()]);
    expect(await textOf(one)).toContain('Łódź first Привет');
    expect(await textOf(two)).toContain('Ελληνικά second İstanbul');
  });
});
