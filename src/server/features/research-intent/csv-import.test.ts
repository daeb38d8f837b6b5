import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { decodeReport, importReport } from './csv-import.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

function utf16be(text: string): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set([0xfe, 0xff]);
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    bytes[2 + index * 2] = code >> 8;
    bytes[3 + index * 2] = code & 0xff;
  }
  return bytes;
}

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected a refusal');
}

describe('search-term report import', () => {
  it('reads tab-separated UTF-16 with title lines, and keeps quotes inside a term', () => {
    const report = importReport(
      utf16be('Keyword Planner export\nKeyword\tSearches\n8" soy candle\t1 200\n"linen, washed"\t40\n'),
    );
    expect(report.terms).toEqual([
      { term: '8" soy candle', volume: 1200, clicks: null },
      { term: 'linen, washed', volume: 40, clicks: null },
    ]);
    expect(report).toMatchObject({ volumeLabel: 'Searches', hasClicks: false, tooLong: 0 });
  });

  it('says nothing about volumes when the column is there but empty', () => {
    const report = importReport(utf8('Query,Impressions\nlinen,\ncotton,--\n'));
    expect(report.volumeLabel).toBeNull();
    expect(report.terms.map((term) => term.volume)).toEqual([null, null]);
  });

  it('refuses text it cannot read, naming the file field', () => {
    const latin1 = refusal(() => decodeReport(new Uint8Array([0x63, 0x61, 0x66, 0xe9])));
    expect(latin1).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(latin1.details).toEqual([{ path: 'body.file', message: expect.stringMatching(/not UTF-8 text/) }]);
    expect(refusal(() => importReport(utf8('Query\n"never closed\n'))).message).toMatch(/not a valid CSV/);
    expect(refusal(() => importReport(new Uint8Array())).message).toBe('The file is empty.');
    expect(refusal(() => importReport(utf8(`Term\n${'x'.repeat(201)}\n`))).message).toBe(
      'Every search term in the file is longer than 200 characters.',
    );
  });
});
