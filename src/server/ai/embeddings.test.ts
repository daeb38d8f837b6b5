import { describe, expect, it } from 'vitest';
import { checkedVectors, EMBEDDING_MAX_DIMENSIONS, embeddingModelKey, textSha256 } from './embeddings.ts';

describe('embeddings', () => {
  it('stores vectors under the model, with the asked length when there is one', () => {
    expect(embeddingModelKey('text-embedding-3-small', null)).toBe('text-embedding-3-small');
    expect(embeddingModelKey('text-embedding-3-small', 512)).toBe('text-embedding-3-small@512');
  });

  it('keys the cache by the exact text', () => {
    expect(textSha256('Refunds within 30 days.')).toMatch(/^[0-9a-f]{64}$/);
    expect(textSha256('Refunds within 30 days.')).toBe(textSha256('Refunds within 30 days.'));
    expect(textSha256('Refunds within 30 days.')).not.toBe(textSha256('Refunds within 30 days'));
  });

  it('accepts one finite vector per input, all of one length (the asked one when set)', () => {
    expect(
      checkedVectors(
        [
          [0.1, 0.2],
          [0.3, -0.4],
        ],
        2,
        null,
      ),
    ).toEqual([
      [0.1, 0.2],
      [0.3, -0.4],
    ]);
    expect(checkedVectors([[0.1, 0.2]], 1, 2)).toEqual([[0.1, 0.2]]);
  });

  it('refuses anything that would poison the index', () => {
    const refused: [unknown, number, number | null][] = [
      [null, 1, null],
      [[[0.1]], 2, null],
      [[[0.1, 0.2], [0.3]], 2, null],
      [[[0.1, 0.2]], 1, 3],
      [[[]], 1, null],
      [[[0.1, Number.NaN]], 1, null],
      [[[0.1, Number.POSITIVE_INFINITY]], 1, null],
      [[[0.1, '0.2']], 1, null],
      [[new Array(EMBEDDING_MAX_DIMENSIONS + 1).fill(0.1)], 1, null],
    ];
    for (const [vectors, count, dimensions] of refused) {
      expect(checkedVectors(vectors, count, dimensions), JSON.stringify(vectors)?.slice(0, 40)).toBeNull();
    }
  });
});
