/** What CSV readers share: which delimiter a file uses. Pure; no zod. */

/** The delimiters spreadsheets write: comma, semicolon (locales with a decimal comma) and tab. */
export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** The delimiter used most in the header line (outside quotes); a comma when none appears. */
export function detectCsvDelimiter(text: string): CsvDelimiter {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const counts = CSV_DELIMITERS.map((delimiter) => ({
    delimiter,
    count: unquoted.split(delimiter).length - 1,
  }));
  counts.sort((a, b) => b.count - a.count);
  return counts[0] && counts[0].count > 0 ? counts[0].delimiter : ',';
}
