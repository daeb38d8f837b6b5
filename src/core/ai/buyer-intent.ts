/**
 * A deterministic buyer-intent classifier for search terms: the offline coach's answer, and a
 * baseline to judge a model's answer against. Each class has weighted signals (whole words or
 * phrases); the highest total wins, ties resolve in the order below (commercial before informational
 * because a comparing searcher is closer to buying, which is what the user acts on).
 */
import type { AiTaskOutput, BuyerIntent } from './contracts.ts';

interface Signal {
  pattern: RegExp;
  weight: number;
  label: string;
}

const phrase = (words: string, weight: number): Signal => ({
  pattern: new RegExp(`(?:^|\\b)${words.replace(/ /g, '\\s+')}(?:\\b|$)`, 'i'),
  weight,
  label: words,
});

const SIGNALS: Record<BuyerIntent, Signal[]> = {
  transactional: [
    'buy',
    'order',
    'purchase',
    'price',
    'prices',
    'pricing',
    'cost',
    'cheap',
    'cheapest',
    'discount',
    'coupon',
    'promo code',
    'deal',
    'deals',
    'sale',
    'for sale',
    'free shipping',
    'near me',
    'subscribe',
    'subscription',
    'book',
    'hire',
    'quote',
    'shop',
    'in stock',
    'delivery',
  ].map((words) => phrase(words, words.includes(' ') ? 3 : 2)),
  commercial: [
    'best',
    'top',
    'vs',
    'versus',
    'compare',
    'comparison',
    'review',
    'reviews',
    'rated',
    'alternative',
    'alternatives',
    'recommended',
    'worth it',
    'pros and cons',
    'which',
    'like',
  ].map((words) => phrase(words, words === 'like' || words === 'which' ? 1 : words.includes(' ') ? 3 : 2)),
  informational: [
    'how',
    'how to',
    'what',
    'what is',
    'why',
    'when',
    'who',
    'guide',
    'tutorial',
    'tips',
    'ideas',
    'meaning',
    'definition',
    'examples',
    'benefits',
    'learn',
    'does',
    'can i',
    'should i',
  ].map((words) => phrase(words, words.includes(' ') ? 3 : 2)),
  navigational: [
    'login',
    'log in',
    'sign in',
    'website',
    'official site',
    'contact',
    'customer service',
    'phone number',
    'opening hours',
    'app',
    'account',
    'address',
    'careers',
  ]
    .map((words) => phrase(words, words.includes(' ') ? 3 : 2))
    // Domain fragments are matched anywhere ("acme.com"), not as whole words.
    .concat([
      { pattern: /\.(com|co\.uk|net|org|shop|store)\b/i, weight: 4, label: 'domain name' },
      { pattern: /\bwww\./i, weight: 4, label: 'www' },
    ]),
};

const ORDER: readonly BuyerIntent[] = ['transactional', 'commercial', 'navigational', 'informational'];

export interface IntentClassification {
  term: string;
  intent: BuyerIntent;
  confidence: number;
  signals: string[];
}

export function classifyTerm(term: string): IntentClassification {
  const normalised = term.toLowerCase().replace(/\s+/g, ' ').trim();
  const scores: Record<BuyerIntent, number> = {
    informational: 0,
    commercial: 0,
    transactional: 0,
    navigational: 0,
  };
  const signals: string[] = [];
  for (const intent of ORDER) {
    for (const signal of SIGNALS[intent]) {
      if (signal.pattern.test(normalised)) {
        scores[intent] += signal.weight;
        signals.push(`${intent}: "${signal.label}"`);
      }
    }
  }
  // A question form ("...?") reads as research even without a question word.
  if (normalised.endsWith('?')) {
    scores.informational += 1;
    signals.push('informational: question mark');
  }
  const total = ORDER.reduce((sum, intent) => sum + scores[intent], 0);
  if (total === 0) {
    // A bare product or category term ("linen shirts") is most often early research.
    return { term, intent: 'informational', confidence: 0.35, signals: ['no signal words: bare topic term'] };
  }
  const winner = ORDER.reduce(
    (best, intent) => (scores[intent] > scores[best] ? intent : best),
    ORDER[0] ?? 'informational',
  );
  const confidence = Math.round(Math.min(0.95, 0.45 + (scores[winner] / total) * 0.5) * 100) / 100;
  return { term, intent: winner, confidence, signals: signals.slice(0, 10) };
}

const STRATEGY: Record<BuyerIntent, string> = {
  informational:
    'Informational terms: answer the question fully in a guide or FAQ, then show how your brand’s point of view (Insight) solves it; end with a soft next step, not a hard sell.',
  commercial:
    'Commercial terms: searchers are comparing. Publish honest comparison pages and lead with what makes you different (Distinctive), backed by reviews and proof (Authentic).',
  transactional:
    'Transactional terms: send these to product pages with price, delivery and returns visible above the fold; remove every step between intent and checkout.',
  navigational:
    'Navigational terms: people are looking for you (or a competitor) by name. Make sure your brand name ranks first and your contact, login and store pages are easy to reach.',
};

export function classifyTerms(terms: readonly string[], industry?: string): AiTaskOutput<'buyer-intent'> {
  const results = terms.map(classifyTerm);
  const counts = { informational: 0, commercial: 0, transactional: 0, navigational: 0 };
  for (const result of results) counts[result.intent] += 1;
  const ranked = ORDER.filter((intent) => counts[intent] > 0).sort((a, b) => counts[b] - counts[a]);
  const strategy = ranked.map((intent) => STRATEGY[intent]);
  const [dominant] = ranked;
  if (dominant) {
    const share = Math.round((counts[dominant] / results.length) * 100);
    strategy.unshift(
      `${share}% of these terms are ${dominant}${industry ? ` for ${industry}` : ''}: plan content for that stage first.`,
    );
  }
  return { results, counts, strategy };
}
