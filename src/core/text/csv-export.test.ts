import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvCell, csvLine, neutraliseFormula } from './csv-export.ts';

describe('CSV export', () => {
  it('puts an apostrophe before every cell a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(neutraliseFormula(`${start}cmd|' /C calc'!A0`)).toBe(`'${start}cmd|' /C calc'!A0`);
    }
    expect(neutraliseFormula('plain = text')).toBe('plain = text');
    expect(neutraliseFormula('')).toBe('');
  });

  it('quotes cells holding delimiters, quotes or line breaks, after neutralising', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=SUM(A1,A2)')).toBe(`"'=SUM(A1,A2)"`);
    expect(csvCell('\tindented')).toBe(`"'\tindented"`);
    expect(csvCell('semi;colon')).toBe('"semi;colon"');
  });

  it('writes numbers it was given as numbers, and nothing for missing values', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('ends lines with CRLF and offers a UTF-8 byte order mark', () => {
    expect(csvLine(['a', 1, null, '+1'])).toBe("a,1,,'+1\r\n");
    expect(CSV_BOM).toBe('\uFEFF');
  });
});
