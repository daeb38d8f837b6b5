/**
 * Reading search terms: a paste (one term per line) and the rows of a search-term report (an ads
 * search-terms report, a Search Console queries export, a keyword planner file). The CSV itself is
 * parsed on the server; this recognises its layout and turns rows into distinct terms with their
 * volumes. Pure.
 */
import { INTENT_RESEARCH_LIMITS } from './intent-limits.ts';

/** A term as people typed it: inner whitespace collapsed, ends trimmed. */
export function cleanTerm(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** How two spellings of a term are compared: "Linen  Shirt" and "linen shirt" are one term. */
export function termKey(term: string): string {
  return cleanTerm(term).toLowerCase();
}

export interface PastedTerms {
  /** Distinct terms in the order first seen (case and spacing of the first kept). */
  terms: string[];
  /** 1-based line numbers of terms over the length limit (the first few). */
  tooLong: number[];
  /** Lines that repeated an earlier term. */
  duplicates: number;
}

export function splitPastedTerms(text: string): PastedTerms {
  const seen = new Set<string>();
  const terms: string[] = [];
  const tooLong: number[] = [];
  let duplicates = 0;
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    const term = cleanTerm(line);
    if (!term) return;
    if (term.length > INTENT_RESEARCH_LIMITS.termLength) {
      tooLong.push(index + 1);
      return;
    }
    const key = termKey(term);
    if (seen.has(key)) {
      duplicates += 1;
      return;
    }
    seen.add(key);
    terms.push(term);
  });
  return { terms, tooLong, duplicates };
}

/** A header cell reduced to letters: "Search term", "search_terms" and "SEARCH-TERM" compare equal. */
function headerKey(cell: string): string {
  return cell
    .toLowerCase()
    .replace(/[^\p{L}]/gu, '')
    .replace(/s$/, '');
}

/** Term columns in the order they are preferred when a file has several. */
const TERM_HEADERS = [
  'searchterm',
  'searchquery',
  'query',
  'querie',
  'topquerie',
  'keyword',
  'searchkeyword',
  'term',
  'matchedsearchterm',
].map(headerKey);

/** Volume columns, best first: real search counts before impressions. */
const VOLUME_HEADERS = [
  'searchvolume',
  'volume',
  'avgmonthlysearche',
  'averagemonthlysearche',
  'monthlysearche',
  'searche',
  'impression',
  'impr',
].map(headerKey);

const CLICK_HEADERS = ['click', 'clicks'].map(headerKey);

function pick(header: readonly string[], wanted: readonly string[]): number | null {
  const keys = header.map(headerKey);
  for (const name of wanted) {
    const index = keys.indexOf(name);
    if (index >= 0) return index;
  }
  return null;
}

export interface ReportLayout {
  /** Index of the header row among the records (reports may open with a title and a date range). */
  headerRow: number;
  term: number;
  volume: { index: number; label: string } | null;
  clicks: number | null;
}

/** Rows scanned for the header: the few title lines some exports put above it. */
const HEADER_SCAN_ROWS = 10;

/** The report's layout, or null when no row near the top names a term column. */
export function findReportLayout(records: readonly (readonly string[])[]): ReportLayout | null {
  for (let row = 0; row < Math.min(HEADER_SCAN_ROWS, records.length); row += 1) {
    const header = records[row] ?? [];
    const term = pick(header, TERM_HEADERS);
    if (term === null) continue;
    const volume = pick(header, VOLUME_HEADERS);
    const clicks = pick(header, CLICK_HEADERS);
    return {
      headerRow: row,
      term,
      volume:
        volume === null
          ? null
          : { index: volume, label: cleanTerm(header[volume] ?? '').slice(0, 40) || 'Volume' },
      clicks,
    };
  }
  return null;
}

/**
 * A count as reports write it: "1,234", "1.234" (a decimal-comma locale), "1 234", "12.0" and "< 10"
 * (read as 10: the bound is all the report says). Blank, "--", "n/a", negative numbers and anything
 * else are null.
 */
export function parseCount(text: string | undefined): number | null {
  if (text === undefined) return null;
  let value = text.replace(/[\s\u00A0\u202F<>~≈]/g, '');
  if (!/^\d[\d.,]*$/.test(value)) return null;
  const separators = value.match(/[.,]/g) ?? [];
  if (separators.length > 0) {
    const last = Math.max(value.lastIndexOf('.'), value.lastIndexOf(','));
    const decimals = value.length - last - 1;
    const mixed = new Set(separators).size > 1;
    // One kind of separator, always followed by three digits: thousands ("1,234", "1.234.567").
    const thousandsOnly = !mixed && /^\d{1,3}(?:[.,]\d{3})+$/.test(value);
    if (thousandsOnly) value = value.replace(/[.,]/g, '');
    else if (mixed || decimals !== 3) {
      // The last separator is the decimal point; the others group thousands.
      value = `${value.slice(0, last).replace(/[.,]/g, '')}.${value.slice(last + 1)}`;
    }
  }
  const number = Number(value);
  if (!Number.isFinite(number) || number > 2_147_483_647) return null;
  return Math.round(number);
}

export interface ReportTerm {
  term: string;
  volume: number | null;
  clicks: number | null;
}

export interface ReportTerms {
  /** Distinct terms with their volumes summed over the rows they appear on, in file order. */
  terms: ReportTerm[];
  /** Rows with a term over the length limit, left out. */
  tooLong: number;
  /** Rows with no term (blank cell, or a "Total" line). */
  skipped: number;
}

/** Total lines ads exports add under the data ("Total: account", "Total: Search"). */
const TOTAL_ROW = /^total\b/i;

/** Distinct terms of a report's data rows (the rows after the header), volumes summed per term. */
export function reportTerms(rows: readonly (readonly string[])[], layout: ReportLayout): ReportTerms {
  const byKey = new Map<string, ReportTerm>();
  let tooLong = 0;
  let skipped = 0;
  for (const row of rows) {
    const term = cleanTerm(row[layout.term] ?? '');
    if (!term || TOTAL_ROW.test(term) || term === '--') {
      skipped += 1;
      continue;
    }
    if (term.length > INTENT_RESEARCH_LIMITS.termLength) {
      tooLong += 1;
      continue;
    }
    const volume = layout.volume ? parseCount(row[layout.volume.index]) : null;
    const clicks = layout.clicks === null ? null : parseCount(row[layout.clicks]);
    const key = termKey(term);
    const known = byKey.get(key);
    if (!known) {
      byKey.set(key, { term, volume, clicks });
      continue;
    }
    if (volume !== null) known.volume = (known.volume ?? 0) + volume;
    if (clicks !== null) known.clicks = (known.clicks ?? 0) + clicks;
  }
  return { terms: [...byKey.values()], tooLong, skipped };
}

/**
 * The terms one run analyses: all of them within the limit; over it, those with the most volume
 * (file order without volumes), kept in file order.
 */
export function termsWithinLimit(terms: readonly ReportTerm[], limit: number): ReportTerm[] {
  if (terms.length <= limit) return [...terms];
  const ranked = terms
    .map((term, index) => ({ term, index }))
    .sort((a, b) => (b.term.volume ?? -1) - (a.term.volume ?? -1) || a.index - b.index)
    .slice(0, limit);
  return ranked.sort((a, b) => a.index - b.index).map((entry) => entry.term);
}
