/**
 * Writing CSV that is safe to open in a spreadsheet. Every export of text other people typed (survey
 * answers, imported reviews) goes through here: a cell starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return would be read as a formula (CSV injection), so it gets a leading apostrophe, which
 * spreadsheets show as text and do not run. Pure; no zod.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** The text a spreadsheet will show as text: a leading apostrophe before anything formula-like. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One cell: neutralised, then quoted when it holds a delimiter, a quote or a line break. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  // Numbers we wrote ourselves (a score, a count) are numbers, not someone's typed "-1+2".
  const text = typeof value === 'number' ? String(value) : neutraliseFormula(value);
  return /[",\r\n;\t]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One line, ended with CRLF as RFC 4180 asks. */
export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** Written first so spreadsheets read the file as UTF-8 (accents, emoji, non-Latin scripts). */
export const CSV_BOM = '\uFEFF';
