/**
 * What an uploaded document's text becomes: sections with a label a reader recognises ("Brand
 * book.pdf · page 7"), text cleaned the way the index stores it, a Word file's headings kept, and
 * the mapping from an indexed passage back to the section the viewer shows. Also the small rules
 * about file names (what an upload is called, what a download is called) and how a text file is
 * told apart as Markdown, CSV or plain text. Pure, so the server and its tests share them.
 */
import { detectCsvDelimiter } from '../text/csv.ts';
import type { ChunkLocator, Section } from './chunking.ts';
import type { DocumentFormat } from './contracts.ts';

/** Longest document name kept (the contracts' DOCUMENT_NAME_MAX, without importing zod). */
const NAME_MAX = 200;

/** The label of a document's section: the document's name and the place within it. */
export function documentSectionLabel(locator: Section['locator'], documentName: string): string {
  if (locator.page !== undefined) return `${documentName} · page ${locator.page}`;
  if (locator.rows) return `${documentName} · rows ${locator.rows[0]}–${locator.rows[1]}`;
  if (locator.heading) return `${documentName} · ${locator.heading}`;
  return documentName;
}

/** Gives every section the label `documentSectionLabel` makes, so renaming can redo them all. */
export function labelDocumentSections(sections: readonly Section[], documentName: string): Section[] {
  return sections.map((section) => ({
    ...section,
    label: documentSectionLabel(section.locator, documentName),
  }));
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const LONE_SURROGATES = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Extracted text as stored and indexed: line ends unified, control characters (other than tab and
 * newline) removed as the index does, lone surrogates replaced (PostgreSQL cannot store them),
 * trailing spaces dropped and runs of blank lines shortened to one.
 */
export function cleanExtractedText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL_CHARACTERS, '')
    .replace(LONE_SURROGATES, '\uFFFD')
    .replace(/[ \t\u00a0]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A PDF's pages as sections, one per page that has text (1-based page numbers). */
export function pdfPageSections(pages: readonly string[], documentName: string): Section[] {
  const sections: Section[] = [];
  pages.forEach((page, index) => {
    const text = cleanExtractedText(page);
    if (!text) return;
    const locator = { page: index + 1 };
    sections.push({ label: documentSectionLabel(locator, documentName), text, locator });
  });
  return sections;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, body: string) => {
    if (body.startsWith('#')) {
      const codePoint =
        body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return Number.isInteger(codePoint) && codePoint > 0 && codePoint <= 0x10ffff
        ? String.fromCodePoint(codePoint)
        : '\uFFFD';
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
  });
}

/** Elements whose end ends a paragraph (a blank line follows) or a line. */
const PARAGRAPH_ENDS = new Set(['p', 'table', 'ul', 'ol', 'blockquote', 'div', 'pre']);
const LINE_ENDS = new Set(['li', 'tr']);
const TOKEN = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>|([^<]+)/g;

/**
 * A Word document converted to HTML (mammoth: h1–h6, p, lists, tables) as sections: one per heading
 * with the text under it; text before the first heading is a section labelled with the document's
 * name. Paragraphs are separated by a blank line, list items and table rows by a line break, table
 * cells by " | ".
 */
export function htmlSections(html: string, documentName: string): Section[] {
  const sections: Section[] = [];
  let heading: string | null = null;
  let lines: string[] = [];
  let line = '';
  let headingText: string | null = null;
  let cellsInRow = 0;

  const endLine = () => {
    if (line.trim()) lines.push(line.trim());
    line = '';
  };
  const endParagraph = () => {
    endLine();
    if (lines.length > 0 && lines.at(-1) !== '') lines.push('');
  };
  const endSection = () => {
    endLine();
    const text = cleanExtractedText(lines.join('\n'));
    if (text) {
      const locator = heading === null ? {} : { heading };
      sections.push({ label: documentSectionLabel(locator, documentName), text, locator });
    }
    lines = [];
  };

  for (const match of html.matchAll(TOKEN)) {
    const [, closing, rawTag, rawText] = match;
    if (rawText !== undefined) {
      const text = decodeEntities(rawText);
      if (headingText !== null) headingText += text;
      else line += text;
      continue;
    }
    const tag = (rawTag ?? '').toLowerCase();
    if (/^h[1-6]$/.test(tag)) {
      if (!closing) {
        endLine();
        headingText = '';
        continue;
      }
      const title = cleanExtractedText(headingText ?? '').replace(/\s+/g, ' ');
      headingText = null;
      if (title) {
        endSection();
        heading = title;
      }
      continue;
    }
    if (tag === 'br') {
      if (headingText !== null) headingText += ' ';
      else line += '\n';
    } else if (!closing && tag === 'li') {
      endLine();
      line = '- ';
    } else if (!closing && tag === 'tr') {
      endLine();
      cellsInRow = 0;
    } else if (!closing && (tag === 'td' || tag === 'th')) {
      if (cellsInRow > 0) line += ' | ';
      cellsInRow += 1;
    } else if (closing && PARAGRAPH_ENDS.has(tag)) {
      endParagraph();
    } else if (closing && LINE_ENDS.has(tag)) {
      endLine();
    }
  }
  endSection();
  return sections;
}

type LocatedPassage = {
  id: string;
  text: string;
  locator: Pick<ChunkLocator, 'page' | 'heading' | 'rows' | 'charStart' | 'charEnd'>;
};

function samePlace(section: Section['locator'], passage: LocatedPassage['locator']): boolean {
  return (
    section.page === passage.page &&
    section.heading === passage.heading &&
    section.rows?.[0] === passage.rows?.[0] &&
    section.rows?.[1] === passage.rows?.[1]
  );
}

/**
 * Which section each indexed passage of a document lies in, for the viewer's highlight. Passages are
 * given in index order; they never cross a section and follow one another within it, so one pass
 * over both lists finds each passage's section (the section whose text holds the passage's text at
 * its character range). A passage that matches no section is left out.
 */
export function passageSections(
  sections: readonly Section[],
  passages: readonly LocatedPassage[],
): { id: string; sectionIndex: number; charStart: number; charEnd: number }[] {
  const located: { id: string; sectionIndex: number; charStart: number; charEnd: number }[] = [];
  let sectionIndex = 0;
  let previousEnd = -1;
  const holds = (index: number, passage: LocatedPassage) => {
    const section = sections[index];
    const { charStart, charEnd } = passage.locator;
    return (
      section !== undefined &&
      samePlace(section.locator, passage.locator) &&
      section.text.slice(charStart, charEnd) === passage.text
    );
  };
  for (const passage of passages) {
    let index = sectionIndex;
    // Within a section, each passage starts after the previous one ended; otherwise it is the next.
    if (passage.locator.charStart < previousEnd || !holds(index, passage)) {
      index += previousEnd >= 0 ? 1 : 0;
      while (index < sections.length && !holds(index, passage)) index += 1;
    }
    if (index >= sections.length) continue;
    if (index !== sectionIndex) previousEnd = -1;
    sectionIndex = index;
    previousEnd = passage.locator.charEnd;
    located.push({
      id: passage.id,
      sectionIndex,
      charStart: passage.locator.charStart,
      charEnd: passage.locator.charEnd,
    });
  }
  return located;
}

/** A document's extracted text as one plain-text file (the export's `<file>.txt`). */
export function sectionsAsText(documentName: string, sections: readonly Section[]): string {
  return `${[documentName, ...sections.map((section) => `## ${section.label}\n\n${section.text}`)].join('\n\n')}\n`;
}

const FORMAT_EXTENSIONS: Record<DocumentFormat, readonly string[]> = {
  pdf: ['pdf'],
  docx: ['docx'],
  txt: ['txt', 'text'],
  md: ['md', 'markdown'],
  csv: ['csv'],
};

/** The lower-case ending of a file name without its dot ("Brand.Book.PDF" → "pdf"), or "". */
export function fileExtension(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

/**
 * A document's name as stored: line breaks and tabs become spaces, other control characters and
 * lone surrogates go, runs of spaces become one; "" when nothing is left. Applied to uploads and
 * renames alike, so no name can carry a line break into a header or a label.
 */
export function cleanDocumentName(name: string): string {
  return name
    .replace(/[\t\n\r]/g, ' ')
    .replace(CONTROL_CHARACTERS, '')
    .replace(LONE_SURROGATES, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The name an uploaded file is listed under: the browser's file name without any folder part,
 * cleaned as `cleanDocumentName` does, at most 200 characters (the ending kept); "Untitled
 * document" when nothing is left.
 */
export function uploadedDocumentName(fileName: string | undefined): string {
  const base = (fileName ?? '').split(/[/\\]/).pop() ?? '';
  const cleaned = cleanDocumentName(base);
  if (!cleaned) return 'Untitled document';
  if (cleaned.length <= NAME_MAX) return cleaned;
  const extension = fileExtension(cleaned);
  const suffix = extension && extension.length <= 10 ? `.${extension}` : '';
  const stem = cleaned
    .slice(0, cleaned.length - suffix.length)
    .slice(0, NAME_MAX - suffix.length)
    .replace(/[\ud800-\udbff]$/, '')
    .trimEnd();
  return `${stem}${suffix}`;
}

/** Whether a name ends in one of the format's endings ("Plan.PDF" for a PDF). */
export function hasFormatExtension(name: string, format: DocumentFormat): boolean {
  return FORMAT_EXTENSIONS[format].includes(fileExtension(name));
}

/**
 * The name a download is saved as: the document's name with folder separators made hyphens (a name
 * may say "Q1/Q2 plan"; a saved file must not land in another folder), and the format's ending added
 * if missing.
 */
export function documentDownloadName(name: string, format: DocumentFormat): string {
  const flat = name.replace(/[/\\]/g, '-');
  return hasFormatExtension(flat, format) ? flat : `${flat}.${format}`;
}

const MARKDOWN_SIGNS = [
  /^ {0,3}#{1,6}[ \t]+\S/m, // an ATX heading
  /^ {0,3}(```|~~~)/m, // a fenced block
  /^\S.*\n {0,3}(=+|-{3,})[ \t]*$/m, // a setext heading
  /\[[^\]\n]+\]\([^)\s]+\)/, // a link
];

/** Quotes are balanced within every line (no field spans lines) and each has the same delimiter count. */
function looksLikeCsv(text: string): boolean {
  const lines = text
    .split(/\r?\n/)
    .filter((candidate) => candidate.trim() !== '')
    .slice(0, 50);
  if (lines.length < 2) return false;
  const delimiter = detectCsvDelimiter(text);
  const counts = lines.map((candidate) => {
    if ((candidate.match(/"/g)?.length ?? 0) % 2 !== 0) return -1;
    return candidate.replace(/"[^"]*"/g, '').split(delimiter).length - 1;
  });
  const first = counts[0] ?? 0;
  return first > 0 && counts.every((count) => count === first);
}

/**
 * Which text format a UTF-8 file is: its ending decides when it names one (`.md`/`.markdown`,
 * `.csv`, `.txt`); otherwise the content does — rows with the same number of delimiters are CSV,
 * headings, fences or links are Markdown, anything else is plain text.
 */
export function textFormatOf(text: string, fileName: string): 'txt' | 'md' | 'csv' {
  const extension = fileExtension(fileName);
  for (const format of ['md', 'csv', 'txt'] as const) {
    if (FORMAT_EXTENSIONS[format].includes(extension)) return format;
  }
  if (looksLikeCsv(text)) return 'csv';
  if (MARKDOWN_SIGNS.some((sign) => sign.test(text))) return 'md';
  return 'txt';
}
