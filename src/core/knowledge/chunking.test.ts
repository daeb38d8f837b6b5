import { describe, expect, it } from 'vitest';
import { emptyAvatarData } from '../workspace/avatar.ts';
import { CHUNK_MAX_WORDS, chunkSection, csvSections, markdownSections } from './chunking.ts';
import { diagnosticSections, itemSections } from './item-sections.ts';

const words = (count: number, sentenceEvery = 12) =>
  Array.from(
    { length: count },
    (_, index) => `word${index}${(index + 1) % sentenceEvery === 0 ? '.' : ''}`,
  ).join(' ');

describe('chunking', () => {
  it('keeps a short section whole, with its locator and exact char range', () => {
    const text = 'Our candles are poured by hand in Leeds.';
    const [chunk, extra] = chunkSection({ label: 'Page 3', text, locator: { page: 3 } });
    expect(extra).toBeUndefined();
    expect(chunk).toEqual({
      label: 'Page 3',
      text,
      locator: { page: 3, charStart: 0, charEnd: text.length },
    });
  });

  it('cuts a long section into chunks of at most the word limit, ending at sentences, covering every word once', () => {
    const text = words(1000);
    const chunks = chunkSection({ label: 'Page 1', text, locator: { page: 1 } });
    expect(chunks.length).toBeGreaterThan(4);
    for (const chunk of chunks) {
      expect(chunk.text.split(/\s+/).length).toBeLessThanOrEqual(CHUNK_MAX_WORDS);
      expect(text.slice(chunk.locator.charStart, chunk.locator.charEnd)).toBe(chunk.text);
      expect(chunk.locator.page).toBe(1);
    }
    expect(chunks.slice(0, -1).every((chunk) => chunk.text.endsWith('.'))).toBe(true);
    expect(chunks.map((chunk) => chunk.text).join(' ')).toBe(text);
  });

  it('cuts exactly where the regular-expression definition of words and sentence ends says', () => {
    // The reference: words are `\S+` runs; a sentence ends at a word matching /[.!?:;]["”’)]?$/.
    const reference = (text: string, maxWords: number) => {
      const found = [...text.matchAll(/\S+/g)].map((match) => ({
        start: match.index,
        end: match.index + match[0].length,
        text: match[0],
      }));
      const ranges: [number, number][] = [];
      let first = 0;
      while (first < found.length) {
        let last = Math.min(first + maxWords, found.length) - 1;
        if (last < found.length - 1) {
          for (let candidate = last; candidate > first + Math.floor(maxWords / 2); candidate -= 1) {
            if (/[.!?:;]["”’)]?$/.test(found[candidate]?.text ?? '')) {
              last = candidate;
              break;
            }
          }
        }
        ranges.push([found[first]?.start ?? 0, found[last]?.end ?? 0]);
        first = last + 1;
      }
      return ranges;
    };
    const pieces = [
      'word',
      'Leeds.',
      'why?',
      'so:',
      '“quoted.”',
      'end.)',
      '"',
      '.',
      'wax;',
      'it’s',
      '—',
      'é',
    ];
    const gaps = [' ', '  ', '\n', '\t', '\u00a0', '\u2003', '\u3000', '\ufeff', '\r\n', '\u200b'];
    let seed = 7;
    const next = (below: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % below;
    };
    for (let round = 0; round < 300; round += 1) {
      const length = next(60);
      let text = next(3) === 0 ? (gaps[next(gaps.length)] ?? '') : '';
      for (let index = 0; index < length; index += 1)
        text += `${pieces[next(pieces.length)]}${gaps[next(gaps.length)]}`;
      const maxWords = 2 + next(12);
      const chunks = chunkSection({ label: 'Field', text, locator: {} }, maxWords);
      expect(chunks.map((chunk) => [chunk.locator.charStart, chunk.locator.charEnd])).toEqual(
        reference(text, maxWords),
      );
      for (const chunk of chunks)
        expect(chunk.text).toBe(text.slice(chunk.locator.charStart, chunk.locator.charEnd));
    }
  });

  it('never lets a chunk cross a heading, and labels passages with their heading', () => {
    const sections = markdownSections(
      'Intro line.\n\n# Our story\nFounded in 2019 by two nurses.\n\n## Values\n- Honest scents\n- Fair pay\n',
      'about.md',
    );
    expect(sections.map((section) => [section.label, section.locator.heading])).toEqual([
      ['about.md', undefined],
      ['Our story', 'Our story'],
      ['Values', 'Values'],
    ]);
    expect(sections[1]?.text).toBe('Founded in 2019 by two nurses.');
  });

  it('turns CSV rows into sections that cite their row range', () => {
    const sections = csvSections(
      ['review', 'rating'],
      Array.from({ length: 25 }, (_, index) => [`Review number ${index + 1}`, String(index % 5)]),
      'reviews.csv',
    );
    expect(sections.map((section) => section.locator.rows)).toEqual([
      [1, 20],
      [21, 25],
    ]);
    expect(sections[1]?.text.split('\n')[0]).toBe('review: Review number 21; rating: 0');
  });
});

describe('workspace knowledge sections', () => {
  it('indexes each filled canvas field with a readable label and no empty ones', () => {
    const sections = itemSections('canvas', {
      purpose: 'Help tired parents sleep.',
      vision: '',
      values: ['Honesty', 'Calm'],
      valueProposition: 'Lavender blends that actually work.',
    });
    expect(sections.every((section) => section.locator.kind === 'canvas')).toBe(true);
    expect(sections.map((section) => [section.label, section.text, section.locator.field])).toEqual([
      ['Brand canvas · Purpose', 'Help tired parents sleep.', 'purpose'],
      ['Brand canvas · Values', 'Honesty, Calm', 'values'],
      ['Brand canvas · Value proposition', 'Lavender blends that actually work.', 'valueProposition'],
    ]);
  });

  it('indexes an avatar field by field, each pasted review on its own, and the analysis', () => {
    const avatar = emptyAvatarData();
    avatar.name = 'Nurse Nina';
    avatar.psychology.fears = ['Headaches from fake scents'];
    avatar.voice.reviews = 'Finally no headache.\n\nFor $34 I expected better packing.';
    const sections = itemSections('avatar', avatar as unknown as Record<string, unknown>, avatar.name);
    const labels = sections.map((section) => section.label);
    expect(labels).toContain('Avatar Nurse Nina · Fears');
    expect(labels).toContain('Avatar Nurse Nina · Review 2');
    expect(sections.find((section) => section.label.endsWith('Review 2'))?.locator).toEqual({
      kind: 'avatar',
      field: 'voice.reviews',
      index: 1,
    });
  });

  it('gives the same sections, in the page’s order, whatever order the fields arrive in', () => {
    const stored = { values: ['Honesty'], vision: 'Rested parents.', purpose: 'Calm evenings.' };
    const sections = itemSections('canvas', stored);
    expect(sections.map((section) => section.locator.field)).toEqual(['purpose', 'vision', 'values']);
    expect(
      itemSections('canvas', { purpose: 'Calm evenings.', values: ['Honesty'], vision: 'Rested parents.' }),
    ).toEqual(sections);
  });

  it('says what a diagnostic answered, not only its scores', () => {
    const [section] = diagnosticSections({
      createdAt: '2026-11-30T10:00:00.000Z',
      overall: 40,
      answers: { 'insight-motivation': 2 },
    });
    expect(section?.text).toContain('We have a hunch from conversations');
    expect(section?.label).toBe('Diagnostic 2026-11-30');
  });
});
