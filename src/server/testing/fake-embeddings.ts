/**
 * Deterministic embeddings for tests and the benchmark: a bag-of-concepts vector. Each word is
 * lower-cased, stripped of a plural "s", mapped to its concept through a small synonym table (so
 * "refund" and "money back" land on the same concept), and hashed into one of `dimensions`
 * components with a sign; the sum is scaled to unit length. Texts sharing concepts are near (cosine
 * similarity = shared concepts over the geometric mean of their sizes, hash collisions aside), texts
 * sharing none are orthogonal — like a real model, only predictable.
 */
import { createHash } from 'node:crypto';

export const FAKE_EMBEDDING_DIMENSIONS = 256;

/** Words with no meaning of their own, as a model would mostly ignore them. */
const STOP_WORDS = new Set(
  'a an the and or of to in on for with by at from is are was were be been do does did how what when who why which our your their my we you they it its this that these those can get have has i me us'.split(
    ' ',
  ),
);

/**
 * Words that mean the same thing in the tests' texts. Phrases are joined by a space and matched
 * before single words.
 */
export const CONCEPTS: Record<string, string> = {
  refund: 'refund',
  'money back': 'refund',
  reimburse: 'refund',
  repay: 'refund',
  customer: 'customer',
  buyer: 'customer',
  client: 'customer',
  shopper: 'customer',
  purchaser: 'customer',
  candle: 'candle',
  taper: 'candle',
  wick: 'candle',
  scent: 'scent',
  fragrance: 'scent',
  smell: 'scent',
  aroma: 'scent',
  cheap: 'price',
  price: 'price',
  cost: 'price',
  affordable: 'price',
  inexpensive: 'price',
  quickly: 'fast',
  fast: 'fast',
  swift: 'fast',
  prompt: 'fast',
  ship: 'delivery',
  shipping: 'delivery',
  delivery: 'delivery',
  dispatch: 'delivery',
  post: 'delivery',
};

function normalise(word: string): string {
  const lower = word.toLowerCase();
  return lower.length > 3 && lower.endsWith('s') && !lower.endsWith('ss') ? lower.slice(0, -1) : lower;
}

/** The concepts of a text, in order (repeats kept: a repeated idea weighs more, as in a real model). */
export function conceptsOf(text: string): string[] {
  const words = (text.match(/[\p{L}\p{N}]+/gu) ?? []).map(normalise);
  const concepts: string[] = [];
  for (let index = 0; index < words.length; index += 1) {
    const pair = `${words[index]} ${words[index + 1] ?? ''}`;
    if (CONCEPTS[pair]) {
      concepts.push(CONCEPTS[pair]);
      index += 1;
      continue;
    }
    const word = words[index] ?? '';
    if (STOP_WORDS.has(word)) continue;
    concepts.push(CONCEPTS[word] ?? word);
  }
  return concepts;
}

export function fakeEmbedding(text: string, dimensions = FAKE_EMBEDDING_DIMENSIONS): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const concept of conceptsOf(text)) {
    const digest = createHash('sha256').update(concept).digest();
    const index = digest.readUInt32BE(0) % dimensions;
    vector[index] = (vector[index] ?? 0) + ((digest[4] ?? 0) & 1 ? 1 : -1);
  }
  const length = Math.hypot(...vector);
  // A text of stop words only has no direction; a tiny constant keeps the vector usable.
  return length === 0 ? vector.map(() => 1 / Math.sqrt(dimensions)) : vector.map((value) => value / length);
}

export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  for (let index = 0; index < a.length; index += 1) dot += (a[index] ?? 0) * (b[index] ?? 0);
  return dot / (Math.hypot(...a) * Math.hypot(...b));
}
