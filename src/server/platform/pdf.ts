/**
 * What every PDF the app makes shares (pdfkit): the A4 page and its margins, the built-in fonts and
 * palette, the title, byline, headings and bars, text the built-in fonts can print, and how a PDF
 * is named and sent as a download. Each feature's renderer only lays out its own content.
 */
import type { FastifyReply } from 'fastify';
import PDFDocument from 'pdfkit';

export const PDF_MARGIN = 56;

export const PDF_COLOURS = {
  ink: '#1f2937',
  muted: '#4b5563',
  track: '#e5e7eb',
  bar: '#4338ca',
} as const;

/** pdfkit's built-in fonts: nothing to embed, and they cover the Windows-1252 characters below. */
export const PDF_FONTS = {
  regular: 'Helvetica',
  bold: 'Helvetica-Bold',
  italic: 'Helvetica-Oblique',
} as const;

/** Characters of Windows-1252 above Latin-1 that the built-in PDF fonts can also print. */
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/**
 * The PDF's built-in fonts cover Western European text only. Anything outside it (emoji, other
 * scripts) would print as garbage, so it is replaced by a visible "?". Carriage returns are dropped
 * and tabs become spaces, since the fonts have no glyph for either.
 */
export function printable(text: string): string {
  let result = '';
  for (const char of text.normalize('NFC')) {
    if (char === '\r') continue;
    if (char === '\t') {
      result += ' ';
      continue;
    }
    const code = char.codePointAt(0) ?? 0;
    const plain = char === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff);
    result += plain || WIN_ANSI_EXTRAS.has(char) ? char : '?';
  }
  return result;
}

/** A date as the PDFs print it: "4 March 2026" (UTC, so the server's zone does not matter). */
export function pdfDate(date: Date): string {
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
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
  const doc = new PDFDocument({
    size: 'A4',
    margin: PDF_MARGIN,
    info: { Title: printable(title), Author: 'IDEA Brand Coach' },
  });
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

/** Sends a generated PDF as a private, never-cached download. */
export function sendPdf(reply: FastifyReply, file: { pdf: Buffer; fileName: string }): FastifyReply {
  return reply
    .type('application/pdf')
    .header('cache-control', 'private, no-store')
    .header('content-disposition', attachmentDisposition(file.fileName))
    .send(file.pdf);
}
