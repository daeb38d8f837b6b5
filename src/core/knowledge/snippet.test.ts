import { describe, expect, it } from 'vitest';
import { plainSnippet, SNIPPET_MAX_WORDS, withEdgeEllipses } from './snippet.ts';

describe('plainSnippet', () => {
  it('shows a short passage whole, whitespace collapsed, nothing marked', () => {
    expect(plainSnippet('  Refunds within\n30 days.\t')).toEqual([
      { text: 'Refunds within 30 days.', match: false },
    ]);
  });

  it('cuts a long passage after the word limit with an ellipsis', () => {
    const text = Array.from({ length: 40 }, (_, index) => `w${index}`).join(' ');
    const [part, extra] = plainSnippet(text);
    expect(extra).toBeUndefined();
    expect(part?.text.split(' ')).toHaveLength(SNIPPET_MAX_WORDS + 1);
    expect(part?.text.endsWith(`w${SNIPPET_MAX_WORDS - 1} …`)).toBe(true);
    expect(plainSnippet('a b c', 3)).toEqual([{ text: 'a b c', match: false }]);
    expect(plainSnippet('a b c d', 3)).toEqual([{ text: 'a b c …', match: false }]);
  });

  it('has no parts for an empty passage', () => {
    expect(plainSnippet(' \n ')).toEqual([]);
  });
});

describe('withEdgeEllipses', () => {
  const passage =
    'Our tins are refilled in Leeds. Customers worry about headaches from fake scents, so we list every oil.';
  it('marks a snippet cut from the middle of its passage at both ends', () => {
    const parts = [
      { text: 'Customers ', match: false },
      { text: 'worry', match: true },
      { text: ' about headaches', match: false },
    ];
    expect(withEdgeEllipses(parts, passage)).toEqual([
      { text: '… ', match: false },
      ...parts,
      { text: ' …', match: false },
    ]);
  });

  it('adds nothing at an end the snippet shares with its passage', () => {
    const opening = [
      { text: 'Our', match: false },
      { text: ' tins', match: true },
    ];
    expect(withEdgeEllipses(opening, passage)).toEqual([...opening, { text: ' …', match: false }]);
    const whole = [{ text: passage, match: false }];
    expect(withEdgeEllipses(whole, passage)).toEqual(whole);
    expect(withEdgeEllipses([], passage)).toEqual([]);
  });
});
