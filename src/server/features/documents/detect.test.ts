import type { Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  declareUnpackedSize,
  docxFixture,
  pdfFixture,
  utf8,
  zipBombDocx,
  zipFixture,
} from '../../testing/fixtures/documents.ts';
import { type Detection, DOCX_MAX_ENTRIES, detectDocumentFormat } from './detect.ts';

const bytes = (...values: number[]) => new Uint8Array(values);

function refused(detection: Detection) {
  if (detection.ok) throw new Error(`expected a refusal, got ${detection.format}`);
  return detection;
}

describe('detectDocumentFormat', () => {
  it('knows a PDF by its signature, even after junk a reader skips, whatever the name', async () => {
    const pdf = await pdfFixture(['Hello.']);
    expect(detectDocumentFormat(pdf, 'notes.txt')).toEqual({ ok: true, format: 'pdf' });
    const junk = new Uint8Array([...utf8('x'.repeat(500)), ...pdf]);
    expect(detectDocumentFormat(junk, 'file')).toEqual({ ok: true, format: 'pdf' });
    // Past the first kilobyte the signature no longer counts: that is text mentioning "%PDF-".
    expect(detectDocumentFormat(utf8(`${'word '.repeat(300)}%PDF-1.7`), 'a.txt')).toEqual({
      ok: true,
      format: 'txt',
    });
  });

  it('knows a Word document by the part only Word documents have, whatever the name', () => {
    expect(detectDocumentFormat(docxFixture([{ paragraph: 'Hi.' }]), 'brief.pdf')).toEqual({
      ok: true,
      format: 'docx',
    });
  });

  it('names the other ZIPs people upload by mistake, and what to do instead', () => {
    const cases: [Record<string, Uint8Array>, RegExp][] = [
      [
        { 'xl/workbook.xml': utf8('<w/>') },
        /^An Excel workbook is not a supported type\. Save the sheet as CSV/,
      ],
      [{ 'ppt/presentation.xml': utf8('<p/>') }, /^A PowerPoint presentation .*Save it as PDF/],
      [{ 'content.xml': utf8('<c/>') }, /^An OpenDocument file/],
      [{ 'META-INF/container.xml': utf8('<c/>') }, /^An e-book \(EPUB\)/],
      [{ 'photo.jpg': utf8('not really') }, /^A ZIP archive is not a supported type/],
    ];
    for (const [parts, message] of cases) {
      const detection = refused(detectDocumentFormat(zipFixture(parts), 'file.docx'));
      expect(detection).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
      expect(detection.message).toMatch(message);
      expect(detection.message).toMatch(/Upload a PDF, Word \(DOCX\), Text, Markdown or CSV file\.$/);
    }
  });

  it('refuses a Word file whose declared sizes are a zip bomb, before unpacking anything', () => {
    const bomb = refused(detectDocumentFormat(zipBombDocx('declared'), 'bomb.docx'));
    expect(bomb).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    expect(bomb.message).toMatch(/would unpack to 4096 MB \(at most 64 MB\).*"zip bomb"/);

    const justUnder = declareUnpackedSize(docxFixture([]), 'word/document.xml', 60 * 1024 * 1024);
    expect(detectDocumentFormat(justUnder, 'a.docx')).toEqual({ ok: true, format: 'docx' });

    // Stored, not deflated: zipping thousands of parts is slow otherwise.
    const parts: Zippable = { 'word/document.xml': utf8('<w:document/>') };
    for (let index = 0; index < DOCX_MAX_ENTRIES; index += 1) {
      parts[`word/media/${index}.txt`] = [new Uint8Array(), { level: 0 }];
    }
    const crowded = refused(detectDocumentFormat(zipFixture(parts), 'a.docx'));
    expect(crowded.message).toMatch(/has 5001 parts \(at most 5000\)/);
  });

  it('lets a Word file that lies about its sizes through: the reader counts what really unpacks', () => {
    expect(detectDocumentFormat(zipBombDocx('lying', 1024 * 1024), 'a.docx')).toEqual({
      ok: true,
      format: 'docx',
    });
  });

  it('answers a damaged ZIP with a 400 that says to save it again', () => {
    const damaged = refused(detectDocumentFormat(bytes(0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4), 'a.docx'));
    expect(damaged).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
    expect(damaged.message).toMatch(/damaged.*Save it again/);
  });

  it('names common binary formats and programs, whatever their name says', () => {
    const cases: [Uint8Array, RegExp][] = [
      [bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), /^An image \(PNG\)/],
      [bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), /^An image \(JPEG\)/],
      [utf8('GIF89a....'), /^An image \(GIF\)/],
      [bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0), /older Office file.*Remove the password/],
      [utf8('{\\rtf1\\ansi Hello}'), /^A Rich Text \(RTF\) file .*Save it as \.docx or PDF/],
      [bytes(0x1f, 0x8b, 8, 0), /^A compressed \(gzip\) file/],
      [
        bytes(0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0, 0xb8),
        /^A program \(\.exe or \.dll\)/,
      ],
      [bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0), /^A program is not/],
      [
        bytes(0xfe, 0xed, 0xfa, 0xce, 0x80, 0x81),
        /^This file is not a supported type\. If it is text, save it as UTF-8/,
      ],
      [bytes(0xff, 0xfe, 0x48, 0, 0x69, 0), /^UTF-16 text .*save it as UTF-8/i],
    ];
    for (const [content, message] of cases) {
      const detection = refused(detectDocumentFormat(content, 'looks-fine.pdf'));
      expect(detection.status).toBe(415);
      expect(detection.message).toMatch(message);
    }
    // "MZ" at the start of real text is just text.
    expect(detectDocumentFormat(utf8('MZ Studio brand notes.'), 'notes.txt')).toEqual({
      ok: true,
      format: 'txt',
    });
  });

  it('accepts text with a few NUL characters, and refuses text that is mostly control characters', () => {
    expect(detectDocumentFormat(utf8('Quarterly\u0000 report.\nMore text here.'), 'r.txt')).toEqual({
      ok: true,
      format: 'txt',
    });
    // UTF-16 without its byte-order mark: every other byte is NUL.
    const utf16 = new Uint8Array(Buffer.from('Plain words in UTF-16 without a mark.', 'utf16le'));
    expect(refused(detectDocumentFormat(utf16, 'a.txt')).message).toMatch(/save it as UTF-8/);
    expect(refused(detectDocumentFormat(utf8('\u0001\u0002\u0003 abc'), 'a.txt')).status).toBe(415);
  });

  it('calls a file of nothing, blanks, a byte-order mark or NULs empty', () => {
    for (const content of [new Uint8Array(), utf8('  \n\t '), utf8('\uFEFF \n'), utf8('\u0000 \n')]) {
      const detection = refused(detectDocumentFormat(content, 'a.txt'));
      expect(detection).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      expect(detection.message).toMatch(/^The file is empty/);
    }
  });

  it('refuses bytes that are not UTF-8', () => {
    const latin1 = bytes(0x43, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72);
    expect(refused(detectDocumentFormat(latin1, 'menu.txt')).message).toMatch(
      /If it is text, save it as UTF-8/,
    );
  });

  it('tells Markdown, CSV and plain text apart by the ending, or by the content without one', () => {
    const table = utf8('name,city\nAda,Leeds\nBo,York\n');
    const markdown = utf8('# Title\n\nSome words.');
    expect(detectDocumentFormat(table, 'people.csv')).toEqual({ ok: true, format: 'csv' });
    expect(detectDocumentFormat(table, 'people.txt')).toEqual({ ok: true, format: 'txt' });
    expect(detectDocumentFormat(table, 'people')).toEqual({ ok: true, format: 'csv' });
    expect(detectDocumentFormat(markdown, 'notes.MARKDOWN')).toEqual({ ok: true, format: 'md' });
    expect(detectDocumentFormat(markdown, 'notes.md')).toEqual({ ok: true, format: 'md' });
    expect(detectDocumentFormat(markdown, 'notes.text')).toEqual({ ok: true, format: 'txt' });
    expect(detectDocumentFormat(markdown, 'notes')).toEqual({ ok: true, format: 'md' });
    expect(detectDocumentFormat(utf8('Just a sentence.'), 'notes.pdf')).toEqual({ ok: true, format: 'txt' });
    expect(detectDocumentFormat(utf8('\uFEFFa;b\n1;2\n'), 'export')).toEqual({ ok: true, format: 'csv' });
  });
});
