/** Where the viewer puts its mark: a passage's character range within its section's text. */

export interface PassageSplit {
  before: string;
  passage: string;
  after: string;
}

/**
 * The section text cut around the passage, or null when the range does not fit the text (the
 * document was replaced and the range belongs to its old text).
 */
export function splitAtPassage(text: string, charStart: number, charEnd: number): PassageSplit | null {
  if (!Number.isInteger(charStart) || !Number.isInteger(charEnd)) return null;
  if (charStart < 0 || charEnd > text.length || charStart >= charEnd) return null;
  return {
    before: text.slice(0, charStart),
    passage: text.slice(charStart, charEnd),
    after: text.slice(charEnd),
  };
}

/** A positive whole page number from the URL, or null. */
export function pageParam(value: string | null): number | null {
  if (!value || !/^\d{1,6}$/.test(value)) return null;
  const page = Number(value);
  return page >= 1 ? page : null;
}

/**
 * A section's heading in the viewer, where the document's name is already the page title: "Page 7",
 * "Rows 21–40", the heading itself, or the section's own label.
 */
export function sectionHeading(section: {
  label: string;
  locator: { page?: number; rows?: [number, number]; heading?: string };
}): string {
  const { page, rows, heading } = section.locator;
  if (page !== undefined) return `Page ${page}`;
  if (rows) return `Rows ${rows[0]}–${rows[1]}`;
  if (heading) return heading;
  return section.label;
}
