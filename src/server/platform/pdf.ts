/**
 * What every PDF the app makes shares (pdfkit): the A4 page and its margins, the embedded DejaVu Sans
 * fonts and palette, the title, byline, headings and bars, text those fonts can print, and how a PDF
 * is named and sent as a download. Each feature's renderer only lays out its own content.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyReply } from 'fastify';
import type * as fontkit from 'fontkit';
import type PDFDocument from 'pdfkit';
import { formatDay, SERVER_TIME_ZONE } from '../../core/text/dates.ts';

const requireFromHere = createRequire(import.meta.url);

interface PdfLibraries {
  Document: typeof PDFDocument;
  fontParser: typeof fontkit;
}

let libraries: PdfLibraries | undefined;

/**
 * pdfkit and fontkit, loaded by the first PDF rather than at start: together they hold about 12 MB
 * of heap that most processes would carry unused. `require` keeps every renderer synchronous; both
 * are loaded through it (their CommonJS builds), so pdfkit and the fonts share one fontkit.
 */
function pdfLibraries(): PdfLibraries {
  libraries ??= {
    Document: requireFromHere('pdfkit') as typeof PDFDocument,
    fontParser: requireFromHere('fontkit') as typeof fontkit,
  };
  return libraries;
}

export const PDF_MARGIN = 56;

export const PDF_COLOURS = {
  ink: '#1f2937',
  muted: '#4b5563',
  track: '#e5e7eb',
  bar: '#4338ca',
} as const;

/**
 * The names renderers pass to `doc.font()`: DejaVu Sans faces that `createPdf` registers on every
 * document, of which pdfkit embeds only the glyphs the document uses (ADR 0024).
 */
export const PDF_FONTS = {
  regular: 'regular',
  bold: 'bold',
  italic: 'italic',
} as const;

const FONT_FILES: Record<keyof typeof PDF_FONTS, string> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
};

/**
 * What is never printed even where a face maps it: control characters, and right-to-left scripts,
 * since pdfkit lays text out left to right only (no bidi reordering), so their words would print in
 * the wrong order.
 */
const UNPRINTABLE =
  /[\p{Cc}\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/** Zero-width marks (joiners, variation selectors, byte-order marks): dropped when no face has them. */
const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;

interface EmbeddedFonts {
  faces: Record<keyof typeof PDF_FONTS, fontkit.Font>;
  /** Code points every face has a glyph for, so text prints the same in any of them. */
  codePoints: ReadonlySet<number>;
}

let embedded: EmbeddedFonts | undefined;

/**
 * The three faces, read and parsed once per process (on first use) from the dejavu-fonts-ttf
 * package, wherever npm installed it.
 */
function embeddedFonts(): EmbeddedFonts {
  if (embedded) return embedded;
  const folder = join(dirname(requireFromHere.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const { fontParser } = pdfLibraries();
  const face = (name: keyof typeof PDF_FONTS): fontkit.Font => {
    const font = fontParser.create(readFileSync(join(folder, FONT_FILES[name])));
    if (!('characterSet' in font)) throw new Error(`${FONT_FILES[name]} is a font collection`);
    return font;
  };
  const faces = { regular: face('regular'), bold: face('bold'), italic: face('italic') };
  const [first, ...others] = Object.values(faces);
  const codePoints = new Set(
    (first?.characterSet ?? []).filter(
      (code) =>
        !UNPRINTABLE.test(String.fromCodePoint(code)) &&
        others.every((font) => font.hasGlyphForCodePoint(code)),
    ),
  );
  embedded = { faces, codePoints };
  return embedded;
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * Text as the embedded fonts can print it: Latin (Western, Central and Eastern European, Turkish,
 * Vietnamese…), Greek, Cyrillic and common symbols. Each character the fonts cannot draw (CJK, most
 * emoji, right-to-left scripts) becomes one visible "?" per character as the reader sees it, so a
 * family emoji is a single "?". Text is composed first (a decomposed "é" prints as one glyph), carriage
 * returns are dropped, tabs become spaces and Unicode line separators become line breaks.
 */
export function printable(text: string): string {
  const { codePoints } = embeddedFonts();
  const plain = text
    .normalize('NFC')
    .replace(/\r/g, '')
    .replace(/\t/g, ' ')
    .replace(/[\u2028\u2029]/g, '\n');
  let result = '';
  for (const { segment } of graphemes.segment(plain)) {
    if (segment === '\n') {
      result += segment;
      continue;
    }
    let drawn = '';
    let missing = false;
    for (const char of segment) {
      const code = char.codePointAt(0) ?? 0;
      if (codePoints.has(code)) drawn += char;
      else if (!IGNORABLE.test(char)) missing = true;
    }
    result += missing ? '?' : drawn;
  }
  return result;
}

/**
 * A date as the PDFs print it, in the product's one date style: "4 Mar 2026" (UTC, so the server's
 * own zone does not matter).
 */
export function pdfDate(date: Date): string {
  return formatDay(date, { timeZone: SERVER_TIME_ZONE });
}

export interface Pdf {
  doc: PDFKit.PDFDocument;
  /** The text column's width between the margins. */
  width: number;
  /** Ends the document and resolves with its bytes. */
  finish(): Promise<Buffer>;
}

/** An A4 document with the app's margins and metadata, collected into a Buffer as it is written. */
export function createPdf(title: string): Pdf {
  const { Document } = pdfLibraries();
  const doc = new Document({
    size: 'A4',
    margin: PDF_MARGIN,
    info: { Title: printable(title), Author: 'IDEA Brand Coach' },
  });
  // pdfkit (since 0.20) takes an already-parsed fontkit font, though its type definitions predate
  // that: every document shares the one parse instead of parsing 2 MB of fonts again, which makes a
  // PDF about three times cheaper. Each document still embeds its own subset.
  const { faces } = embeddedFonts();
  for (const name of Object.values(PDF_FONTS)) doc.registerFont(name, faces[name] as unknown as Buffer);
  doc.font(PDF_FONTS.regular);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return {
    doc,
    width: doc.page.width - PDF_MARGIN * 2,
    finish() {
      doc.end();
      return done;
    },
  };
}

/** The document's title at the top of the first page. */
export function pdfTitle({ doc, width }: Pdf, text: string): void {
  doc.fillColor(PDF_COLOURS.ink).font(PDF_FONTS.bold).fontSize(22).text(printable(text), { width });
}

/** The small grey line under the title (date, version, brand). */
export function pdfByline({ doc, width }: Pdf, text: string): void {
  doc
    .moveDown(0.3)
    .font(PDF_FONTS.regular)
    .fontSize(10)
    .fillColor(PDF_COLOURS.muted)
    .text(printable(text), { width });
}

/** A bold heading in ink; 14 pt for a section, smaller for a sub-heading. */
export function pdfHeading({ doc, width }: Pdf, text: string, size = 14): void {
  doc.fillColor(PDF_COLOURS.ink).font(PDF_FONTS.bold).fontSize(size).text(printable(text), { width });
}

/** A paragraph of body text across the column. */
export function pdfParagraph(
  { doc, width }: Pdf,
  text: string,
  options: { colour?: string; size?: number; font?: keyof typeof PDF_FONTS } = {},
): void {
  doc
    .fillColor(options.colour ?? PDF_COLOURS.ink)
    .font(PDF_FONTS[options.font ?? 'regular'])
    .fontSize(options.size ?? 10)
    .text(printable(text), { width });
}

/** A horizontal bar: a grey track with `share` (0 to 1) of it filled. Does not move the cursor. */
export function pdfBar(
  { doc }: Pdf,
  bar: { x: number; y: number; width: number; share: number; colour?: string; height?: number },
): void {
  const height = bar.height ?? 8;
  doc.rect(bar.x, bar.y, bar.width, height).fill(PDF_COLOURS.track);
  if (bar.share > 0) {
    doc.rect(bar.x, bar.y, bar.width * Math.min(1, bar.share), height).fill(bar.colour ?? PDF_COLOURS.bar);
  }
}

/**
 * A file-name-safe, ASCII version of a name ("Crème & Co." → "creme-co"): accents dropped, anything
 * else collapsed to single hyphens, at most `maxLength` characters. `fallback` when nothing is left.
 */
export function fileSlug(name: string, fallback: string, maxLength = 60): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
  return slug || fallback;
}

/**
 * `Content-Disposition: attachment` for a file name. Plain ASCII names are sent as they are; any
 * other name gets an ASCII stand-in plus its exact UTF-8 form (RFC 6266), so no header can break.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  if (ascii === fileName) return `attachment; filename="${fileName}"`;
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Sends a generated PDF as a download (never cached, like every `/api` answer). */
export function sendPdf(reply: FastifyReply, file: { pdf: Buffer; fileName: string }): FastifyReply {
  return reply
    .type('application/pdf')
    .header('content-disposition', attachmentDisposition(file.fileName))
    .send(file.pdf);
}
