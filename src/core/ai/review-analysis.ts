/**
 * Deterministic review analysis, the offline answer of `review-analysis`: the review engine
 * (`src/core/reviews`, ADR 0039) reads the reviews — the same reading avatars' voice of customer gives
 * them — and this module reports it in the task's shape: sentiment counts, the seven emotional
 * triggers, recurring phrases, trust gaps (the themes customers complain about) and insights, every
 * finding backed by verbatim sentences so a user can check it.
 */

import { analyseReviewSet, type ReviewSetAnalysis } from '../reviews/engine.ts';
import type { ThemeId } from '../reviews/themes.ts';
import { countOf } from '../text/plural.ts';
import type { AiTaskOutput, EmotionalTrigger } from './contracts.ts';
import { TRIGGER_KNOWLEDGE } from './knowledge.ts';

/**
 * The engine's labels in the three counts both task contracts carry: a mixed review (real praise and
 * real complaint, no clear lean) counts as neutral, as the prompts define it, beside reviews that voice
 * no opinion. `review-analysis` and `avatar-voice` both count through here, so they always agree.
 */
export function sentimentCounts(analysis: ReviewSetAnalysis): {
  positive: number;
  neutral: number;
  negative: number;
} {
  return {
    positive: analysis.counts.positive,
    neutral: analysis.counts.mixed + analysis.counts.neutral,
    negative: analysis.counts.negative,
  };
}

/** The promise a complaint about each theme says was broken. */
const TRUST_GAPS: Partial<Record<ThemeId, string>> = {
  delivery: 'Delivery slower than promised',
  quality: 'Quality does not last',
  'customer-service': 'Hard to reach support or get a refund',
  price: 'Price feels higher than the value',
  size: 'Sizing or fit surprises',
  appearance: 'Product differs from its description or photos',
  packaging: 'Arrives damaged or badly packed',
  reliability: 'Does not work reliably',
  scent: 'Scent weaker or different than expected',
  burn: 'Burns badly',
  health: 'Side effects or ingredients customers worry about',
  'ease-of-use': 'Harder to use than promised',
  features: 'Features missing or not as promised',
  comfort: 'Less comfortable than expected',
  taste: 'Pets or customers refuse it',
};

export function analyseReviews(reviews: readonly string[]): AiTaskOutput<'review-analysis'> {
  const analysis = analyseReviewSet(reviews.map((text) => ({ text })));
  const sentiment = sentimentCounts(analysis);

  const totalMentions = analysis.triggers.reduce((sum, finding) => sum + finding.mentions, 0);
  const triggers = analysis.triggers.map((finding) => ({
    trigger: finding.trigger,
    mentions: finding.mentions,
    share: Math.round((finding.mentions / totalMentions) * 100) / 100,
    quotes: finding.quotes.slice(0, 3).map((quote) => quote.text),
  }));

  // Recurring phrases: said in two reviews or more.
  const topPhrases = analysis.keyPhrases
    .filter((entry) => entry.count >= 2)
    .slice(0, 15)
    .map((entry) => ({ phrase: entry.phrase, count: entry.count }));

  const trustGaps = analysis.themes
    .filter((theme) => theme.kind === 'theme' && theme.cons.length > 0)
    .sort((a, b) => b.negative - a.negative || b.cons.length - a.cons.length || a.key.localeCompare(b.key))
    .slice(0, 8)
    .map((theme) => ({
      issue: TRUST_GAPS[theme.key as ThemeId] ?? `Complaints about ${theme.label.toLowerCase()}`,
      quotes: theme.cons.slice(0, 3).map((quote) => quote.text),
    }));

  return {
    reviewCount: reviews.length,
    sentiment,
    triggers,
    topPhrases,
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
