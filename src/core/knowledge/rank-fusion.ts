/**
 * Reciprocal rank fusion: merges rankings of the same items made by different methods (full-text
 * rank, vector distance) whose scores are not comparable, using only each item's position. An item
 * scores Σ 1 / (k + rank) over the rankings that contain it (rank counted from 1), so being near the
 * top of either list matters and being in both matters more. k = 60 is the constant of the method's
 * original paper (Cormack, Clarke and Büttcher, 2009); it damps the difference between rank 1 and 2.
 */

export const RRF_K = 60;

export interface FusedItem<Id> {
  id: Id;
  score: number;
  /** The item's rank (from 1) in each input ranking, in input order; null where it is absent. */
  ranks: (number | null)[];
}

/**
 * Fuses rankings (best first). Ties break towards the item with the better best rank, then the one
 * seen first (earlier lists first), so the result is deterministic. An id repeated within one ranking
 * counts at its first position only.
 */
export function reciprocalRankFusion<Id>(rankings: readonly (readonly Id[])[], k = RRF_K): FusedItem<Id>[] {
  if (!Number.isFinite(k) || k < 0) throw new RangeError(`k must be a non-negative number, got ${k}`);
  const items = new Map<Id, FusedItem<Id> & { order: number }>();
  rankings.forEach((ranking, list) => {
    ranking.forEach((id, index) => {
      let item = items.get(id);
      if (!item) {
        item = { id, score: 0, ranks: rankings.map(() => null), order: items.size };
        items.set(id, item);
      }
      if (item.ranks[list] !== null) return;
      item.ranks[list] = index + 1;
      item.score += 1 / (k + index + 1);
    });
  });
  const bestRank = (item: FusedItem<Id>) =>
    Math.min(...item.ranks.map((rank) => rank ?? Number.POSITIVE_INFINITY));
  return [...items.values()]
    .sort((a, b) => b.score - a.score || bestRank(a) - bestRank(b) || a.order - b.order)
    .map(({ id, score, ranks }) => ({ id, score, ranks }));
}
