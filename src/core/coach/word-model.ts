/**
 * A word model of the labelled requests: multinomial naive Bayes over the words, word pairs and
 * opening words of each message. The classifier's rules know the phrasings someone wrote a feature
 * for; this model scores the rest by resemblance to the labelled set, so "What gives it away?" still
 * leans towards the diagnoses it sounds like. Trained in a few milliseconds, deterministic, pure.
 */
import { REQUEST_TYPES, type RequestType } from './request-types.ts';

export interface RequestModel {
  /** Every feature seen in training. */
  readonly vocabulary: ReadonlySet<string>;
  /** Per type: in how many of its messages each feature occurs. */
  readonly counts: ReadonlyMap<RequestType, ReadonlyMap<string, number>>;
  /** Per type: feature occurrences in total (the denominator of each feature's likelihood). */
  readonly totals: ReadonlyMap<RequestType, number>;
  /** Per type: how many labelled messages it has (the prior). */
  readonly messages: ReadonlyMap<RequestType, number>;
}

/** Additive smoothing: an unseen feature is unlikely for a type, never impossible. */
const SMOOTHING = 0.5;
/** The model reads as much of a message as the rules do. */
const MAX_CHARS = 4000;

/** Lower-cased words, adjacent word pairs and the first one or two words (how a request opens). */
export function wordFeatures(message: string): string[] {
  const words =
    message
      .slice(0, MAX_CHARS)
      .toLowerCase()
      .replace(/[’‘`´]/g, "'")
      .match(/[\p{L}\p{N}']+/gu) ?? [];
  const features = new Set(words);
  for (let index = 0; index + 1 < words.length; index += 1)
    features.add(`${words[index]} ${words[index + 1]}`);
  if (words[0]) features.add(`^${words[0]}`);
  if (words[0] && words[1]) features.add(`^${words[0]} ${words[1]}`);
  return [...features];
}

export function trainRequestModel(examples: readonly { message: string; type: RequestType }[]): RequestModel {
  const vocabulary = new Set<string>();
  const counts = new Map<RequestType, Map<string, number>>(REQUEST_TYPES.map((type) => [type, new Map()]));
  const totals = new Map<RequestType, number>(REQUEST_TYPES.map((type) => [type, 0]));
  const messages = new Map<RequestType, number>(REQUEST_TYPES.map((type) => [type, 0]));
  for (const example of examples) {
    const perType = counts.get(example.type) as Map<string, number>;
    const features = wordFeatures(example.message);
    for (const feature of features) {
      vocabulary.add(feature);
      perType.set(feature, (perType.get(feature) ?? 0) + 1);
    }
    totals.set(example.type, (totals.get(example.type) ?? 0) + features.length);
    messages.set(example.type, (messages.get(example.type) ?? 0) + 1);
  }
  return { vocabulary, counts, totals, messages };
}

/** Each type's probability for this message (summing to 1); uniform for an empty model. */
export function posteriorOf(model: RequestModel, message: string): Map<RequestType, number> {
  const features = wordFeatures(message).filter((feature) => model.vocabulary.has(feature));
  const size = model.vocabulary.size;
  const logs = REQUEST_TYPES.map((type) => {
    // The +1 keeps a type without examples possible rather than -Infinity.
    let log = Math.log((model.messages.get(type) ?? 0) + 1);
    const counts = model.counts.get(type);
    const total = model.totals.get(type) ?? 0;
    for (const feature of features)
      log += Math.log(((counts?.get(feature) ?? 0) + SMOOTHING) / (total + SMOOTHING * size));
    return log;
  });
  const top = Math.max(...logs);
  const weights = logs.map((log) => Math.exp(log - top));
  const sum = weights.reduce((total, weight) => total + weight, 0);
  return new Map(REQUEST_TYPES.map((type, index) => [type, (weights[index] ?? 0) / sum]));
}
