/**
 * Deterministic review analysis: sentiment by a small lexicon (with negation), the seven emotional
 * triggers, recurring phrases, and trust gaps — every finding backed by verbatim quotes, so a user
 * can check it. It is the offline coach's answer and a baseline for a model's.
 */

import { countOf } from '../text/plural.ts';
import type { AiTaskOutput, EmotionalTrigger } from './contracts.ts';
import { EMOTIONAL_TRIGGERS } from './contracts.ts';
import { TRIGGER_KNOWLEDGE } from './knowledge.ts';

const POSITIVE = [
  'love',
  'loved',
  'great',
  'excellent',
  'amazing',
  'perfect',
  'happy',
  'recommend',
  'fantastic',
  'beautiful',
  'best',
  'wonderful',
  'comfortable',
  'friendly',
  'helpful',
  'fast',
  'easy',
];
const NEGATIVE = [
  'bad',
  'poor',
  'terrible',
  'awful',
  'broke',
  'broken',
  'disappointed',
  'disappointing',
  'refund',
  'return',
  'returned',
  'slow',
  'late',
  'rude',
  'worst',
  'waste',
  'cheap',
  'never',
  'problem',
  'issue',
];
const NEGATIONS = new Set([
  'not',
  "don't",
  'don’t',
  "didn't",
  'didn’t',
  'never',
  'no',
  "wasn't",
  'wasn’t',
  "isn't",
  'isn’t',
]);

/** Problems that erode trust, each recognised by a few phrasings. */
const TRUST_GAPS: readonly { issue: string; pattern: RegExp }[] = [
  {
    issue: 'Product differs from its description or photos',
    pattern:
      /not as (described|pictured|advertised)|looks nothing like|different from (the )?(photo|picture|description)/i,
  },
  {
    issue: 'Delivery slower than promised',
    pattern:
      /\b(late|delayed|took (weeks|forever)|still waiting|never arrived|slow delivery|slow shipping)\b/i,
  },
  {
    issue: 'Quality does not last',
    pattern: /\b(broke|broken|fell apart|ripped|stopped working|cheaply made|poor quality)\b/i,
  },
  {
    issue: 'Hard to reach support or get a refund',
    pattern:
      /\b(no (reply|response)|ignored|customer service|support (was|is) (useless|slow)|refund|couldn'?t reach)\b/i,
  },
  {
    issue: 'Price feels higher than the value',
    pattern: /\b(overpriced|too expensive|not worth|rip[- ]?off)\b/i,
  },
  {
    issue: 'Sizing or fit surprises',
    pattern: /\b(too (small|big|large|tight)|runs (small|large|big)|size chart|didn'?t fit)\b/i,
  },
];

const STOP_WORDS = new Set(
  'a an the and or but if of to in on for with at by from is are was were be been it its this that these those i me my we our you your they them their he she his her so very just really too also as not no yes have has had do does did can could would will about than then there here what when which who how all any some more most much one two get got out up'.split(
    ' ',
  ),
);

function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z’']+/g) ?? [];
}

function sentimentOf(text: string): 'positive' | 'neutral' | 'negative' {
  const tokens = words(text);
  let score = 0;
  tokens.forEach((token, index) => {
    const negated = [tokens[index - 1], tokens[index - 2]].some(
      (previous) => previous && NEGATIONS.has(previous),
    );
    if (POSITIVE.includes(token)) score += negated ? -1 : 1;
    else if (NEGATIVE.includes(token) && token !== 'never') score += negated ? 0.5 : -1;
  });
  if (score > 0) return 'positive';
  if (score < 0) return 'negative';
  return 'neutral';
}

function containsWord(text: string, word: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/’|'/g, "['’]");
  return new RegExp(`(?:^|[^a-z])${escaped}(?:$|[^a-z])`, 'i').test(text);
}

/** A short verbatim excerpt around the first match, so quotes stay readable. */
function quote(review: string, limit = 200): string {
  const trimmed = review.trim().replace(/\s+/g, ' ');
  return trimmed.length <= limit ? trimmed : `${trimmed.slice(0, limit - 1)}…`;
}

function topPhrases(reviews: readonly string[]): { phrase: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const review of reviews) {
    const tokens = words(review);
    const seen = new Set<string>();
    for (let index = 0; index < tokens.length - 1; index += 1) {
      const first = tokens[index] ?? '';
      const second = tokens[index + 1] ?? '';
      if (STOP_WORDS.has(first) || STOP_WORDS.has(second)) continue;
      seen.add(`${first} ${second}`);
    }
    // Count each phrase once per review: ten mentions in one rant are not a pattern.
    for (const phrase of seen) counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
  }
  return [...counts]
    .filter(([, count]) => count >= 2)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 15)
    .map(([phrase, count]) => ({ phrase, count }));
}

export function analyseReviews(reviews: readonly string[]): AiTaskOutput<'review-analysis'> {
  const sentiment = { positive: 0, neutral: 0, negative: 0 };
  for (const review of reviews) sentiment[sentimentOf(review)] += 1;

  const triggerHits = EMOTIONAL_TRIGGERS.map((trigger) => {
    const matching = reviews.filter((review) =>
      TRIGGER_KNOWLEDGE[trigger].words.some((word) => containsWord(review, word)),
    );
    return { trigger, matching };
  });
  const totalMentions = triggerHits.reduce((sum, hit) => sum + hit.matching.length, 0);
  const triggers = triggerHits
    .filter((hit) => hit.matching.length > 0)
    .sort((a, b) => b.matching.length - a.matching.length)
    .map((hit) => ({
      trigger: hit.trigger,
      mentions: hit.matching.length,
      share: Math.round((hit.matching.length / totalMentions) * 100) / 100,
      quotes: hit.matching.slice(0, 3).map((review) => quote(review)),
    }));

  const trustGaps = TRUST_GAPS.map((gap) => ({
    issue: gap.issue,
    quotes: reviews.filter((review) => gap.pattern.test(review)).map((review) => quote(review)),
  }))
    .filter((gap) => gap.quotes.length > 0)
    .sort((a, b) => b.quotes.length - a.quotes.length)
    .map((gap) => ({ issue: gap.issue, quotes: gap.quotes.slice(0, 3) }));

  return {
    reviewCount: reviews.length,
    sentiment,
    triggers,
    topPhrases: topPhrases(reviews),
    trustGaps,
    insights: insightsFrom(reviews.length, sentiment, triggers, trustGaps),
  };
}

function insightsFrom(
  count: number,
  sentiment: { positive: number; neutral: number; negative: number },
  triggers: { trigger: EmotionalTrigger; mentions: number }[],
  trustGaps: { issue: string; quotes: string[] }[],
): AiTaskOutput<'review-analysis'>['insights'] {
  const insights: AiTaskOutput<'review-analysis'>['insights'] = [];
  const [topTrigger] = triggers;
  if (topTrigger) {
    const knowledge = TRIGGER_KNOWLEDGE[topTrigger.trigger];
    insights.push({
      dimension: 'insight',
      insight: `${knowledge.label} is the trigger customers mention most (${topTrigger.mentions} of ${countOf(count, 'review')}): they value ${knowledge.meaning}. Test it as the lead message.`,
    });
    insights.push({
      dimension: 'empathetic',
      insight: `Write copy that ${knowledge.copyAngle}, using customers’ own words from the quotes.`,
    });
  } else {
    insights.push({
      dimension: 'insight',
      insight: 'These reviews rarely express feelings; ask customers how they felt before and after buying.',
    });
  }
  const [topGap] = trustGaps;
  if (topGap) {
    insights.push({
      dimension: 'authentic',
      insight: `The most common trust gap is "${topGap.issue}" (${topGap.quotes.length} quoted). Fix it or address it openly before amplifying your promise.`,
    });
  }
  if (count > 0 && sentiment.negative / count >= 0.3) {
    insights.push({
      dimension: 'empathetic',
      insight: `${Math.round((sentiment.negative / count) * 100)}% of reviews are negative: reply to each publicly, naming the problem in the customer’s words.`,
    });
  }
  if (count > 0 && sentiment.positive / count >= 0.6) {
    insights.push({
      dimension: 'distinctive',
      insight:
        'Most reviews are positive: mine them for the phrases customers repeat and turn one into a recognisable brand line.',
    });
  }
  return insights;
}
