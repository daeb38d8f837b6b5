/**
 * How brand knowledge is cut into passages for search and citations. A source (a document, a saved
 * workspace item, a diagnostic) is first split into sections that carry their own locator — a PDF
 * page, a heading, a CSV row range, a field of the canvas — and each section is cut into chunks of a
 * few hundred words that never cross a section, so every passage can point to exactly one place.
 * Pure, so the server indexes and the tests check the same cuts.
 */

/** Where a passage sits in its source; what the citation link opens. */
export interface ChunkLocator {
  /** PDF page (1-based). */
  page?: number;
  /** The heading a DOCX or Markdown passage sits under. */
  heading?: string;
  /** CSV data rows (1-based, inclusive). */
  rows?: [number, number];
  /** The kind of saved item a field belongs to (`canvas`, `insight`, `avatar`…). */
  kind?: string;
  /** A field of a saved item, as a path (`purpose`, `psychology.fears`, `voice.reviews`). */
  field?: string;
  /** The n-th element of a list field, e.g. the n-th pasted review (0-based). */
  index?: number;
  /** The record the source belongs to, where the link opens that record (a survey answer's survey). */
  parent?: string;
  /** Character range of the passage within its section's text. */
  charStart: number;
  charEnd: number;
}

export interface Section {
  /** What a reader sees as the passage's place, e.g. "Page 7" or "Canvas · Purpose". */
  label: string;
  text: string;
  locator: Omit<ChunkLocator, 'charStart' | 'charEnd'>;
}

export interface Chunk {
  label: string;
  text: string;
  locator: ChunkLocator;
}

/** About a few hundred words: long enough to hold an answer, short enough to cite precisely. */
export const CHUNK_MAX_WORDS = 220;

/** Whether a UTF-16 code unit is whitespace as `\s` defines it (words are the runs between). */
function isWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

const SENTENCE_END = new Set(['.', '!', '?', ':', ';']);
const CLOSING_MARK = new Set(['"', '\u201d', '\u2019', ')']);

/** Whether the word `text[start, end)` ends a sentence: `.!?:;`, perhaps followed by a closing mark. */
function endsSentence(text: string, start: number, end: number): boolean {
  const last = text[end - 1] ?? '';
  if (SENTENCE_END.has(last)) return true;
  return end - start >= 2 && CLOSING_MARK.has(last) && SENTENCE_END.has(text[end - 2] ?? '');
}

/**
 * Cuts one section into chunks of at most `maxWords` words, preferring to end at a paragraph or
 * sentence boundary; the char ranges index into the section's own text. Every save of an item and
 * every diagnostic submit chunks its text, so words are kept as offsets, not strings.
 */
export function chunkSection(section: Section, maxWords = CHUNK_MAX_WORDS): Chunk[] {
  const { text } = section;
  const starts: number[] = [];
  const ends: number[] = [];
  let wordStart = -1;
  for (let index = 0; index < text.length; index += 1) {
    if (isWhitespace(text.charCodeAt(index))) {
      if (wordStart !== -1) {
        starts.push(wordStart);
        ends.push(index);
        wordStart = -1;
      }
    } else if (wordStart === -1) {
      wordStart = index;
    }
  }
  if (wordStart !== -1) {
    starts.push(wordStart);
    ends.push(text.length);
  }
  const count = starts.length;
  const chunks: Chunk[] = [];
  let first = 0;
  while (first < count) {
    let last = Math.min(first + maxWords, count) - 1;
    if (last < count - 1) {
      // Step back to the last sentence end in the second half of the window, if there is one.
      for (let candidate = last; candidate > first + Math.floor(maxWords / 2); candidate -= 1) {
        if (endsSentence(text, starts[candidate] as number, ends[candidate] as number)) {
          last = candidate;
          break;
        }
      }
    }
    const start = starts[first] as number;
    const end = ends[last] as number;
    chunks.push({
      label: section.label,
      text: text.slice(start, end),
      locator: { ...section.locator, charStart: start, charEnd: end },
    });
    first = last + 1;
  }
  return chunks;
}

export function chunkSections(sections: readonly Section[], maxWords = CHUNK_MAX_WORDS): Chunk[] {
  return sections.flatMap((section) => chunkSection(section, maxWords));
}

/**
 * Markdown (and DOCX converted to it) as sections: one per heading, with the text under it; text
 * before the first heading is a section of its own, labelled with the document's name.
 */
export function markdownSections(markdown: string, documentName: string): Section[] {
  const sections: Section[] = [];
  let heading: string | null = null;
  let lines: string[] = [];
  const flush = () => {
    const text = lines.join('\n').trim();
    if (text) {
      sections.push(
        heading === null
          ? { label: documentName, text, locator: {} }
          : { label: heading, text, locator: { heading } },
      );
    }
    lines = [];
  };
  for (const line of markdown.split(/\r?\n/)) {
    const match = /^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (match?.[1]) {
      flush();
      heading = match[1].trim();
    } else {
      lines.push(line);
    }
  }
  flush();
  return sections;
}

/** Plain text as sections split at blank-line runs only when it is long; otherwise one section. */
export function textSections(text: string, documentName: string): Section[] {
  const trimmed = text.trim();
  return trimmed ? [{ label: documentName, text: trimmed, locator: {} }] : [];
}

/**
 * A CSV as sections of consecutive rows (each row rendered "column: value; …"), so a passage cites
 * the rows it came from.
 */
export function csvSections(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  documentName: string,
  rowsPerSection = 20,
): Section[] {
  const sections: Section[] = [];
  for (let first = 0; first < rows.length; first += rowsPerSection) {
    const slice = rows.slice(first, first + rowsPerSection);
    const text = slice
      .map((row) =>
        row
          .map((value, column) =>
            value.trim() ? `${header[column] ?? `Column ${column + 1}`}: ${value.trim()}` : '',
          )
          .filter(Boolean)
          .join('; '),
      )
      .filter(Boolean)
      .join('\n');
    if (!text) continue;
    const from = first + 1;
    const to = first + slice.length;
    sections.push({
      label: `${documentName} · rows ${from}–${to}`,
      text,
      locator: { rows: [from, to] },
    });
  }
  return sections;
}
