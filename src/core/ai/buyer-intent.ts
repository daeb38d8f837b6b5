/**
 * A deterministic buyer-intent classifier for search terms: the offline coach's answer, and a
 * baseline to judge a model's answer against. Measured on a labelled set of search terms in
 * buyer-intent.test.ts.
 *
 * Order of decisions:
 * 1. A brand name in the term — one of the owner's own, a listed competitor, or a well-known retailer
 *    — makes it navigational: the searcher wants that brand. Unless the term compares ("uniqlo vs
 *    zara", "uniqlo alternatives", "uniqlo reviews"): then it is commercial.
 * 2. Otherwise each class has weighted signals (whole words or phrases; a question word opening the
 *    term weighs more); the highest total wins, ties resolve in the order below (commercial before
 *    informational because a comparing searcher is closer to buying, which is what the user acts on).
 * 3. A term with no signal at all is read as early research into the topic, with low confidence;
 *    one that names a product with attributes (size, colour, who it is for) as a shopper's.
 *
 * Every answer carries its reason in plain words.
 */
import {
  type BrandMatch,
  type BrandMatcher,
  type BrandNames,
  createBrandMatcher,
  normaliseForMatch,
} from '../research/brand-names.ts';
import type { AiTaskOutput, BuyerIntent } from './contracts.ts';

interface Signal {
  pattern: RegExp;
  weight: number;
  label: string;
}

const phrase = (words: string, weight: number): Signal => ({
  pattern: new RegExp(`(?<![\\p{L}\\p{N}])${words.replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`, 'iu'),
  weight,
  label: words,
});

/** A question word opening the term ("how to …", "what is …") is a stronger sign than one inside it. */
const opening = (words: string, weight: number): Signal => ({
  pattern: new RegExp(`^${words.replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`, 'iu'),
  weight,
  label: words,
});

const weighted = (list: readonly string[], single = 2, several = 3) =>
  list.map((words) => phrase(words, words.includes(' ') ? several : single));

const SIGNALS: Record<BuyerIntent, Signal[]> = {
  transactional: [
    ...weighted([
      'buy',
      'order',
      'purchase',
      'price',
      'prices',
      'pricing',
      'cost',
      'cheap',
      'cheapest',
      'affordable',
      'discount',
      'discounts',
      'coupon',
      'coupons',
      'voucher',
      'promo code',
      'discount code',
      'deal',
      'deals',
      'sale',
      'for sale',
      'clearance',
      'free shipping',
      'free delivery',
      'next day delivery',
      'near me',
      'subscribe',
      'subscription',
      'shop',
      'in stock',
      'delivery',
      'online',
      'wholesale',
      'bulk',
      'hire',
      'book',
      'quote',
      'gift card',
    ]),
    // "Where to buy" outweighs the question word that opens it.
    phrase('where to buy', 5),
    phrase('where can i buy', 5),
  ],
  commercial: [
    ...weighted([
      'best',
      'top',
      'vs',
      'versus',
      'compare',
      'comparison',
      'review',
      'reviews',
      'rated',
      'top rated',
      'alternative',
      'alternatives',
      'recommended',
      'worth it',
      'pros and cons',
      'brands',
      'gift ideas',
      'competitors',
    ]),
    phrase('which', 1),
    phrase('like', 1),
  ],
  informational: [
    ...weighted([
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
      'difference between',
      'history',
      'diy',
      'made of',
      'made from',
    ]),
    // "Best way to …" asks how, whatever "best" says elsewhere.
    phrase('best way to', 5),
    phrase('ways to', 3),
    // An opening question word ("how long", "is linen", "do candles") is a question, whatever follows.
    ...['how', 'what', 'why', 'when', 'who', 'where', 'is', 'are', 'can', 'do', 'does', 'should', 'will'].map(
      (word) => opening(word, 3),
    ),
  ],
  navigational: [
    ...weighted([
      'login',
      'log in',
      'sign in',
      'website',
      'official site',
      'official website',
      'contact',
      'customer service',
      'phone number',
      'opening hours',
      'store locator',
      'track order',
      'track my order',
      'order status',
      'app',
      'account',
      'address',
      'careers',
    ]),
    // Domain fragments are matched anywhere ("acme.com"), not as whole words.
    { pattern: /\.(com|co\.uk|net|org|shop|store|de|fr|io)\b/i, weight: 4, label: 'domain name' },
    { pattern: /\bwww\./i, weight: 4, label: 'www' },
  ],
};

/** Words that turn a term naming a brand into a comparison of that brand with others. */
const COMPARING =
  /(?<![\p{L}\p{N}])(?:vs|versus|compare|compared|comparison|alternatives?|competitors|reviews?|or|cheaper than|better than|like|similar to)(?![\p{L}\p{N}])/iu;

/** A product named with attributes: who it is for, size, colour, quantity or unit. */
const PRODUCT_ATTRIBUTES =
  /(?<![\p{L}\p{N}])(?:men'?s|mens|women'?s|womens|ladies|kids'?|boys'?|girls'?|baby|unisex|size \d+|plus size|xx?s|x{1,3}l|small|medium|large|white|black|navy|blue|red|green|beige|grey|gray|pink|brown|cream|\d+\s?(?:ml|l|g|kg|oz|cm|mm|inch|in|pack|pcs|piece)|pack of \d+|set of \d+|\d+-pack)(?![\p{L}\p{N}])/iu;

const ORDER: readonly BuyerIntent[] = ['transactional', 'commercial', 'navigational', 'informational'];

export interface IntentClassification {
  term: string;
  intent: BuyerIntent;
  confidence: number;
  signals: string[];
  /** Why, in plain words, for the person reading the result. */
  reason: string;
}

const WHAT_IT_MEANS: Record<BuyerIntent, string> = {
  transactional: 'the searcher is ready to buy',
  commercial: 'the searcher is comparing options before buying',
  informational: 'the searcher wants to learn, not buy yet',
  navigational: 'the searcher wants a particular site or page',
};

const BRAND_KIND_TEXT: Record<BrandMatch['kind'], string> = {
  own: 'your brand',
  competitor: 'the competitor',
  retailer: 'the retailer',
};

function quoted(text: string): string {
  return `“${text}”`;
}

function brandDecision(term: string, match: BrandMatch, normalised: string): IntentClassification {
  const named = `${BRAND_KIND_TEXT[match.kind]} ${quoted(match.name)}`;
  const comparing = COMPARING.exec(normalised);
  if (comparing) {
    return {
      term,
      intent: 'commercial',
      confidence: 0.85,
      signals: [`brand: ${match.name} (${match.kind})`, `commercial: "${comparing[0].toLowerCase()}"`],
      reason: `Names ${named} and ${quoted(comparing[0].toLowerCase())}: ${WHAT_IT_MEANS.commercial}.`,
    };
  }
  const looking =
    match.kind === 'own'
      ? 'the searcher is looking for you by name'
      : match.kind === 'competitor'
        ? 'the searcher is looking for that brand, not for you'
        : 'the searcher wants to find it at that shop';
  return {
    term,
    intent: 'navigational',
    confidence: 0.9,
    signals: [`brand: ${match.name} (${match.kind})`],
    reason: `Names ${named}: ${looking}.`,
  };
}

/** The reason for a decision by signals: the strongest one, and what else weighed less. */
function signalReason(intent: BuyerIntent, hits: Record<BuyerIntent, Signal[]>): string {
  const strongest = [...hits[intent]].sort((a, b) => b.weight - a.weight)[0];
  const cue =
    strongest?.label === 'domain name' || strongest?.label === 'www'
      ? 'Contains a web address'
      : `Contains ${quoted(strongest?.label ?? intent)}`;
  const others = ORDER.filter((other) => other !== intent && hits[other].length > 0).map(
    (other) => `${quoted(hits[other][0]?.label ?? other)} (${other})`,
  );
  const rest =
    others.length > 0
      ? ` It also has ${others.join(' and ')}, which weigh${others.length > 1 ? '' : 's'} less.`
      : '';
  return `${cue}: ${WHAT_IT_MEANS[intent]}.${rest}`;
}

const defaultMatcher = createBrandMatcher();

/**
 * The decision a brand name in the term makes (navigational, or commercial when comparing), or null
 * when it names none. Also applied to a model's answer, so the owner's list always counts.
 */
export function classifyByBrand(
  term: string,
  matcher: BrandMatcher = defaultMatcher,
): IntentClassification | null {
  const normalised = normaliseForMatch(term);
  const brand = matcher.find(normalised);
  return brand ? brandDecision(term, brand, normalised) : null;
}

export function classifyTerm(term: string, matcher: BrandMatcher = defaultMatcher): IntentClassification {
  const byBrand = classifyByBrand(term, matcher);
  if (byBrand) return byBrand;
  const normalised = normaliseForMatch(term);

  const scores: Record<BuyerIntent, number> = {
    informational: 0,
    commercial: 0,
    transactional: 0,
    navigational: 0,
  };
  const hits: Record<BuyerIntent, Signal[]> = {
    informational: [],
    commercial: [],
    transactional: [],
    navigational: [],
  };
  const signals: string[] = [];
  for (const intent of ORDER) {
    for (const signal of SIGNALS[intent]) {
      if (!signal.pattern.test(normalised)) continue;
      // An opening question word and the same word inside the term count once, at the higher weight.
      const twin = hits[intent].find((hit) => hit.label === signal.label);
      if (twin) {
        scores[intent] += Math.max(0, signal.weight - twin.weight);
        continue;
      }
      scores[intent] += signal.weight;
      hits[intent].push(signal);
      signals.push(`${intent}: "${signal.label}"`);
    }
  }
  // A question form ("...?") reads as research even without a question word.
  if (normalised.endsWith('?')) {
    scores.informational += 1;
    hits.informational.push({ pattern: /\?$/, weight: 1, label: '?' });
    signals.push('informational: question mark');
  }
  const total = ORDER.reduce((sum, intent) => sum + scores[intent], 0);
  if (total === 0) {
    const attribute = PRODUCT_ATTRIBUTES.exec(normalised);
    if (attribute) {
      return {
        term,
        intent: 'transactional',
        confidence: 0.55,
        signals: [`transactional: product attribute "${attribute[0]}"`],
        reason: `Names a product with a detail a shopper picks by (${quoted(attribute[0])}): someone looking for that item to buy.`,
      };
    }
    // A bare product or category term ("linen shirts") is most often early research.
    return {
      term,
      intent: 'informational',
      confidence: 0.35,
      signals: ['no signal words: bare topic term'],
      reason:
        'No buying, comparing, question or brand words: reads as early research into the topic (a low-confidence guess).',
    };
  }
  const winner = ORDER.reduce(
    (best, intent) => (scores[intent] > scores[best] ? intent : best),
    ORDER[0] ?? 'informational',
  );
  const confidence = Math.round(Math.min(0.95, 0.45 + (scores[winner] / total) * 0.5) * 100) / 100;
  return {
    term,
    intent: winner,
    confidence,
    signals: signals.slice(0, 10),
    reason: signalReason(winner, hits),
  };
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

/** The content and conversion strategy for a mix of intents: the biggest share first. */
export function intentStrategy(counts: Record<BuyerIntent, number>, industry?: string): string[] {
  const total = ORDER.reduce((sum, intent) => sum + counts[intent], 0);
  const ranked = ORDER.filter((intent) => counts[intent] > 0).sort((a, b) => counts[b] - counts[a]);
  const strategy = ranked.map((intent) => STRATEGY[intent]);
  const [dominant] = ranked;
  if (dominant) {
    const share = Math.round((counts[dominant] / total) * 100);
    strategy.unshift(
      `${share}% of these terms are ${dominant}${industry ? ` for ${industry}` : ''}: plan content for that stage first.`,
    );
  }
  return strategy;
}

export function classifyTerms(
  terms: readonly string[],
  industry?: string,
  brandNames?: BrandNames,
): AiTaskOutput<'buyer-intent'> {
  const matcher = brandNames ? createBrandMatcher(brandNames) : defaultMatcher;
  const results = terms.map((term) => classifyTerm(term, matcher));
  const counts = { informational: 0, commercial: 0, transactional: 0, navigational: 0 };
  for (const result of results) counts[result.intent] += 1;
  return { results, counts, strategy: intentStrategy(counts, industry) };
}
