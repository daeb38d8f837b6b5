import { describe, expect, it } from 'vitest';
import { pageParam, sectionHeading, splitAtPassage } from './passage.ts';

describe('splitAtPassage', () => {
  const text = 'Our promise: every kit ships within a day. Returns are free for a year.';

  it('cuts the text around the passage range', () => {
    const start = text.indexOf('every kit');
    const end = text.indexOf(' Returns');
    expect(splitAtPassage(text, start, end)).toEqual({
      before: 'Our promise: ',
      passage: 'every kit ships within a day.',
      after: ' Returns are free for a year.',
    });
  });

  it('takes the whole text when the passage is the whole section', () => {
    expect(splitAtPassage(text, 0, text.length)).toEqual({ before: '', passage: text, after: '' });
  });

  it('refuses a range that does not fit the text (an older version of the document)', () => {
    expect(splitAtPassage(text, 10, text.length + 1)).toBeNull();
    expect(splitAtPassage(text, -1, 5)).toBeNull();
    expect(splitAtPassage(text, 8, 8)).toBeNull();
    expect(splitAtPassage(text, 9, 3)).toBeNull();
    expect(splitAtPassage(text, 1.5, 3)).toBeNull();
  });
});

describe('pageParam', () => {
  it('reads a positive whole page number', () => {
    expect(pageParam('7')).toBe(7);
    expect(pageParam('120')).toBe(120);
  });

  it('ignores anything else', () => {
    for (const value of [null, '', '0', '-2', '2.5', 'two', '1e3', '9999999'])
      expect(pageParam(value)).toBeNull();
  });
});

describe('sectionHeading', () => {
  it('names the place without repeating the document name', () => {
    expect(sectionHeading({ label: 'Brand book.pdf · page 7', locator: { page: 7 } })).toBe('Page 7');
    expect(sectionHeading({ label: 'x.csv · rows 21–40', locator: { rows: [21, 40] } })).toBe('Rows 21–40');
    expect(sectionHeading({ label: 'Guide.md · Tone', locator: { heading: 'Tone' } })).toBe('Tone');
    expect(sectionHeading({ label: 'Notes.txt', locator: {} })).toBe('Notes.txt');
  });
});
