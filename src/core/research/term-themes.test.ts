import { describe, expect, it } from 'vitest';
import { createBrandMatcher } from './brand-names.ts';
import { groupByTheme, lemma, termTheme, themeLabel } from './term-themes.ts';

describe('term themes', () => {
  it('singularises the common plural forms', () => {
    expect(
      ['shirts', 'candles', 'boxes', 'berries', 'men', "men's", 'dresses', 'shoes', 'glass', 'jeans'].map(
        lemma,
      ),
    ).toEqual(['shirt', 'candle', 'box', 'berry', 'man', 'man', 'dress', 'shoe', 'glass', 'jeans']);
  });

  it('finds the head noun behind intent words, complements and brand names', () => {
    const matcher = createBrandMatcher({ own: [], competitors: ['Uniqlo'] });
    const head = (term: string) => termTheme(term, matcher.findAll(term)).key;
    expect(head('best linen shirts for men')).toBe('shirt');
    expect(head('uniqlo linen shirt')).toBe('shirt');
    expect(head('buy linen shirt online')).toBe('shirt');
    expect(head('how to wash linen')).toBe('linen');
    expect(head('linen vs cotton shirts')).toBe('shirt');
    expect(head('candle shop near me')).toBe('candle');
    expect(head('uniqlo')).toBe('brand:uniqlo');
  });

  it('groups terms by head, moves a lone term to a group it shares a word with, and names groups', () => {
    const terms = [
      'linen shirt',
      'best linen shirts',
      'cheap linen shirt',
      'linen',
      'linen fabric',
      'linen care',
    ];
    const groups = groupByTheme(terms.map((term) => ({ term, theme: termTheme(term) })));
    expect(groups.map((group) => [group.key, group.items.map((item) => item.term)])).toEqual([
      ['linen', ['linen', 'linen fabric', 'linen care']],
      ['shirt', ['linen shirt', 'best linen shirts', 'cheap linen shirt']],
    ]);
    expect(
      themeLabel({ key: 'shirt', head: 'shirt' }, ['linen shirt', 'best linen shirts', 'white shirt']),
    ).toBe('linen shirt');
    expect(themeLabel({ key: 'shirt', head: 'shirt' }, ['linen shirt', 'white shirt'])).toBe('shirt');
  });
});
