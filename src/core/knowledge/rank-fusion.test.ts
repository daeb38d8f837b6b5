import { describe, expect, it } from 'vitest';
import { RRF_K, reciprocalRankFusion } from './rank-fusion.ts';

const ids = <Id>(items: { id: Id }[]) => items.map((item) => item.id);

describe('reciprocalRankFusion', () => {
  it('scores each item 1 / (k + rank) summed over the rankings that hold it', () => {
    const fused = reciprocalRankFusion([
      ['a', 'b', 'c'],
      ['c', 'd'],
    ]);
    const byId = Object.fromEntries(fused.map((item) => [item.id, item]));
    expect(byId.a?.score).toBeCloseTo(1 / (RRF_K + 1), 12);
    expect(byId.c?.score).toBeCloseTo(1 / (RRF_K + 3) + 1 / (RRF_K + 1), 12);
    expect(byId.c?.ranks).toEqual([3, 1]);
    expect(byId.d?.ranks).toEqual([null, 2]);
    // In both lists beats first in one: that is the point of fusing.
    expect(ids(fused)).toEqual(['c', 'a', 'b', 'd']);
  });

  it('returns a single ranking unchanged in order', () => {
    expect(ids(reciprocalRankFusion([['x', 'y', 'z']]))).toEqual(['x', 'y', 'z']);
  });

  it('puts an item found only by the second method between the first method’s hits by position', () => {
    const words = ['w1', 'w2', 'w3', 'w4', 'w5'];
    const meaning = ['m1', 'w5'];
    const fused = ids(reciprocalRankFusion([words, meaning]));
    // w5 climbs from fifth to first (in both); m1 (first by meaning) ties w1 (first by words).
    expect(fused[0]).toBe('w5');
    expect(fused.slice(1, 3)).toEqual(['w1', 'm1']);
    expect(fused).toHaveLength(6);
  });

  it('breaks ties deterministically: better best rank first, then first seen', () => {
    // a and b each rank 1 in one list: equal scores and best ranks, so the first list's wins.
    expect(ids(reciprocalRankFusion([['a'], ['b']]))).toEqual(['a', 'b']);
    expect(ids(reciprocalRankFusion([['b'], ['a']]))).toEqual(['b', 'a']);
    // p (ranks 2 and 2) and q (ranks 1 and 3) have different scores; with k = 0 they are 1 vs 1.33.
    expect(
      ids(
        reciprocalRankFusion(
          [
            ['q', 'p'],
            ['x', 'p', 'q'],
          ],
          0,
        ),
      ),
    ).toEqual(['q', 'x', 'p']);
  });

  it('counts an id repeated within one ranking at its first position only', () => {
    const [first] = reciprocalRankFusion([['a', 'a', 'a']]);
    expect(first).toEqual({ id: 'a', score: 1 / (RRF_K + 1), ranks: [1] });
  });

  it('handles empty input and empty rankings', () => {
    expect(reciprocalRankFusion([])).toEqual([]);
    expect(reciprocalRankFusion([[], []])).toEqual([]);
    expect(ids(reciprocalRankFusion([[], ['a']]))).toEqual(['a']);
  });

  it('refuses a negative or non-finite k', () => {
    expect(() => reciprocalRankFusion([['a']], -1)).toThrow(RangeError);
    expect(() => reciprocalRankFusion([['a']], Number.NaN)).toThrow(RangeError);
  });
});
