/**
 * What the brand's saved work says about each IDEA dimension, as the offline chat coach uses it:
 * what it can see (the owner's own words, quoted whole), the likely causes of a weakness in it
 * (gaps and inconsistencies in that work), and concrete steps on pages that exist. Diagnoses, next
 * steps and explanations all read the same readings, so they never disagree. Pure.
 */
import { TRIGGER_KNOWLEDGE } from '../ai/knowledge.ts';
import type { Dimension } from '../diagnostic/questionnaire.ts';
import { countOf, hasOrHave, isOrAre } from '../text/plural.ts';
import {
  avatarsWithVoice,
  type BrandFacts,
  canvasText,
  joinList,
  link,
  MODULE_PAGE,
  missingSections,
  quoted,
} from './brand-facts.ts';

export interface DimensionReading {
  dimension: Dimension;
  /** Facts from the owner's saved work, with their words quoted whole. */
  seen: string[];
  /** What in that work (or its absence) most likely holds the dimension back, most likely first. */
  causes: string[];
  /** What to do about it, on pages that exist, most useful first. */
  steps: string[];
}

const SENTENCE = /[^.!?\n]+(?:[.!?]+["”’)]*|$)/g;

/**
 * The opening whole sentences of the owner's text, up to `max` characters; null when even the first
 * sentence is longer (the answer then names the field rather than quote half a sentence).
 */
export function excerpt(text: string, max = 220): string | null {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return null;
  if (flat.length <= max) return flat;
  let out = '';
  for (const match of flat.matchAll(SENTENCE)) {
    const next = `${out} ${match[0].trim()}`.trim();
    if (next.length > max) break;
    out = next;
  }
  return out || null;
}

/** A saved text, quoted whole or named by where it is when it is too long to quote. */
function quoteOr(text: string, where: string): string {
  const short = excerpt(text);
  return short ? quoted(short) : `(the text in ${where})`;
}

function moduleLink(dimension: Dimension): string {
  return link(MODULE_PAGE[dimension]);
}

/** "Fill in Differentiators and Positioning draft in the Distinctive module", or null when none is missing. */
function fillSectionsStep(facts: BrandFacts, dimension: Dimension): string | null {
  const missing = missingSections(facts, dimension);
  if (missing.length === 0) return null;
  const labels = missing.slice(0, 3).map((section) => section.label.toLowerCase());
  const more = missing.length > 3 ? ` (and ${countOf(missing.length - 3, 'more section')})` : '';
  return `Fill in ${joinList(labels)}${more} in the ${moduleLink(dimension)}.`;
}

function reviewsStep(facts: BrandFacts): string {
  return facts.avatars.length > 0
    ? `Paste real customer reviews (or upload a CSV) into an avatar’s voice of customer on ${link('avatars')}, then run the analysis: it shows what customers praise, what worries them and which feelings come up, in their words.`
    : `Create a customer avatar on ${link('avatars')} and paste real customer reviews into its voice of customer: the analysis shows what customers praise and worry about, in their words.`;
}

// ----------------------------------------------------------------------------------- insight

function insightReading(facts: BrandFacts): DimensionReading {
  const insight = facts.saved?.insight ?? null;
  const seen: string[] = [];
  const causes: string[] = [];
  const steps: string[] = [];
  const motivation = insight?.buyerMotivation.trim() ?? '';
  if (motivation)
    seen.push(
      `Your Insight worksheet says customers buy because ${quoteOr(motivation, 'the Insight module')}.`,
    );
  else
    causes.push(
      'You have not written down why customers buy, so every message rests on a guess about their motivation.',
    );
  const intent = insight?.buyerIntent.trim() ?? '';
  if (intent) seen.push(`On buyer intent you wrote ${quoteOr(intent, 'the Insight module')}.`);
  const triggers = insight?.emotionalTriggers ?? [];
  if (triggers.length > 0)
    seen.push(
      `You chose ${joinList(triggers.map((trigger) => TRIGGER_KNOWLEDGE[trigger].label.toLowerCase()))} as the emotional ${triggers.length === 1 ? 'trigger' : 'triggers'} that move your customers.`,
    );
  if (facts.avatars.length > 0)
    seen.push(
      `You have ${countOf(facts.avatarNames.length, 'customer avatar')}: ${joinList(facts.avatarNames.slice(0, 4))}.`,
    );
  else
    causes.push('There is no customer avatar yet, so there is no one person your messages are written for.');
  if (facts.reviewCount > 0)
    seen.push(
      `${countOf(facts.reviewCount, 'customer review')} ${isOrAre(facts.reviewCount)} saved on your avatars.`,
    );
  else
    causes.push(
      'Nothing you saved is in customers’ own words yet: no reviews, so no evidence for what you believe.',
    );
  const fill = fillSectionsStep(facts, 'insight');
  if (fill) steps.push(fill);
  if (facts.reviewCount === 0) steps.push(reviewsStep(facts));
  if (facts.avatars.length === 0)
    steps.push(
      `Create your first customer avatar on ${link('avatars')}: who they are, what they want and what worries them.`,
    );
  if (steps.length === 0)
    steps.push(
      `Check each reason in your Insight worksheet against what reviews say, and update the ${moduleLink('insight')} where they disagree.`,
    );
  return { dimension: 'insight', seen, causes, steps };
}

// ------------------------------------------------------------------------------- distinctive

const CONSISTENCY_WORDS = {
  always: 'always',
  mostly: 'mostly',
  sometimes: 'only sometimes',
  rarely: 'rarely',
};

export function assetLines(facts: BrandFacts): string[] {
  return (facts.saved?.distinctive?.assets ?? []).map(
    (asset) => `${quoted(asset.description)} (${asset.type}, used ${CONSISTENCY_WORDS[asset.consistency]})`,
  );
}

function distinctiveReading(facts: BrandFacts): DimensionReading {
  const distinctive = facts.saved?.distinctive ?? null;
  const assets = distinctive?.assets ?? [];
  const seen: string[] = [];
  const causes: string[] = [];
  const steps: string[] = [];
  if (assets.length > 0) {
    seen.push(`Your distinctive assets: ${joinList(assetLines(facts))}.`);
    const patchy = assets.filter(
      (asset) => asset.consistency === 'sometimes' || asset.consistency === 'rarely',
    );
    if (patchy.length > 0) {
      causes.push(
        `${joinList(patchy.map((asset) => quoted(asset.description)))} ${isOrAre(patchy.length)} used only some of the time, so ${patchy.length === 1 ? 'it is' : 'they are'} not yet something customers can recognise you by.`,
      );
      steps.push(
        `Use ${joinList(patchy.map((asset) => quoted(asset.description)))} on every touchpoint for the next six months (website, packaging, emails, social posts), then mark ${patchy.length === 1 ? 'it' : 'them'} “always” in the ${moduleLink('distinctive')}.`,
      );
    }
  } else {
    causes.push(
      'You have not listed any distinctive assets, so nothing tells customers it is you without reading your name.',
    );
    steps.push(
      `List your assets in the ${moduleLink('distinctive')}: a colour, a phrase, a shape or a way of packing customers could recognise without your logo, and how consistently you use each.`,
    );
  }
  const differences = (distinctive?.differentiators ?? []).filter((row) => row.difference.trim());
  if (differences.length > 0)
    seen.push(
      `How you differ: ${joinList(differences.slice(0, 3).map((row) => `from ${row.competitor}, ${quoteOr(row.difference, 'the Distinctive module')}`))}.`,
    );
  else
    causes.push(
      'You have not written how you differ from named competitors, so the difference is left for customers to guess.',
    );
  const positioning = canvasText(facts, 'positioning') ?? distinctive?.positioning.trim() ?? '';
  if (positioning) seen.push(`Your positioning: ${quoteOr(positioning, 'your Brand canvas')}.`);
  if (differences.length === 0)
    steps.push(
      `Name your two closest competitors in the ${moduleLink('distinctive')} and write, in customers’ words, what you do differently.`,
    );
  if (!canvasText(facts, 'positioning'))
    steps.push(
      `Write a positioning statement on your ${link('canvas')} with the difference in its first sentence.`,
    );
  return { dimension: 'distinctive', seen, causes, steps };
}

// -------------------------------------------------------------------------------- empathetic

function empatheticReading(facts: BrandFacts): DimensionReading {
  const empathetic = facts.saved?.empathetic ?? null;
  const seen: string[] = [];
  const causes: string[] = [];
  const steps: string[] = [];
  const before = empathetic?.feelingBefore.trim() ?? '';
  const after = empathetic?.feelingAfter.trim() ?? '';
  if (before)
    seen.push(`Before buying, you wrote that customers feel ${quoteOr(before, 'the Empathetic module')}.`);
  if (after) seen.push(`After buying, you want them to feel ${quoteOr(after, 'the Empathetic module')}.`);
  if (!before && !after)
    causes.push(
      'You have not mapped how customers feel before and after buying, so your messages cannot speak to it.',
    );
  const fears = [...(empathetic?.fears ?? [])];
  const avatarFears = avatarsWithVoice(facts).flatMap((avatar) =>
    avatar.psychology.fears.slice(0, 2).map((fear) => ({ fear, avatar: avatar.name })),
  );
  if (fears.length > 0) seen.push(`The worries you named: ${joinList(fears.slice(0, 4).map(quoted))}.`);
  else if (avatarFears.length > 0)
    seen.push(
      `Your avatars’ fears: ${joinList(avatarFears.slice(0, 4).map((entry) => `${quoted(entry.fear)} (${entry.avatar})`))}.`,
    );
  else causes.push('No customer worry is written down anywhere, so nothing you say can take one away.');
  const ranking = empathetic?.triggerRanking ?? [];
  if (ranking.length > 0)
    seen.push(
      `Your top emotional ${ranking.length === 1 ? 'trigger is' : 'triggers are'} ${joinList(ranking.slice(0, 2).map((trigger) => TRIGGER_KNOWLEDGE[trigger].label.toLowerCase()))}.`,
    );
  const negative = facts.voices.flatMap((voice) =>
    (voice.analysis?.keyPhrases ?? []).filter((phrase) => phrase.sentiment === 'negative').slice(0, 2),
  );
  if (negative.length > 0)
    causes.push(
      `Your reviews keep coming back to ${joinList(negative.map((phrase) => quoted(phrase.phrase)))}: worth answering in your messages and support replies.`,
    );
  const fill = fillSectionsStep(facts, 'empathetic');
  if (fill) steps.push(fill);
  if (facts.reviewCount === 0) steps.push(reviewsStep(facts));
  steps.push(
    `Rewrite one product description around the feeling customers want rather than the features, in the ${link('valueLens')}.`,
  );
  return { dimension: 'empathetic', seen, causes, steps };
}

// --------------------------------------------------------------------------------- authentic

function authenticReading(facts: BrandFacts): DimensionReading {
  const authentic = facts.saved?.authentic ?? null;
  const seen: string[] = [];
  const causes: string[] = [];
  const steps: string[] = [];
  const values = authentic?.values ?? [];
  const proven = values.filter((row) => row.proof.trim());
  const unproven = values.filter((row) => !row.proof.trim());
  if (values.length > 0) {
    seen.push(
      `Your values: ${joinList(values.map((row) => (row.proof.trim() ? `${quoted(row.value)} (proof: ${quoteOr(row.proof, 'the Authentic module')})` : quoted(row.value))))}.`,
    );
    if (unproven.length > 0) {
      causes.push(
        `${joinList(unproven.map((row) => quoted(row.value)))} ${hasOrHave(unproven.length)} no proof point, so to a customer ${unproven.length === 1 ? 'it reads' : 'they read'} as a slogan.`,
      );
      steps.push(
        `Add a proof point to ${joinList(unproven.map((row) => quoted(row.value)))} in the ${moduleLink('authentic')}: a decision, a supplier or a number that shows it.`,
      );
    }
  } else {
    const canvasValues = facts.canvas?.values ?? [];
    if (canvasValues.length > 0)
      causes.push(
        `Your canvas lists ${joinList(canvasValues.map(quoted))}, but none has a proof point written down yet.`,
      );
    else
      causes.push(
        'You have not written down your values, so there is nothing for customers to see you keep.',
      );
    steps.push(
      `Write two or three values in the ${moduleLink('authentic')}, each with one real example that proves it.`,
    );
  }
  const promise = authentic?.promise.trim() ?? '';
  if (promise) seen.push(`Your promise: ${quoteOr(promise, 'the Authentic module')}.`);
  else
    causes.push(
      'There is no brand promise written down: the one thing customers can always count on from you.',
    );
  const struggle = authentic?.story.struggle.trim() ?? '';
  const origin = authentic?.story.origin.trim() ?? '';
  if (origin && !struggle)
    causes.push(
      'Your story has an origin but no struggle, and the struggle is what makes a story believable.',
    );
  const inconsistent = (authentic?.consistency ?? []).filter((row) => !row.consistent);
  if (inconsistent.length > 0) {
    causes.push(
      `You marked ${joinList(inconsistent.map((row) => quoted(row.touchpoint)))} as not living up to your values and promise.`,
    );
    steps.push(
      `Fix ${quoted(inconsistent[0]?.touchpoint ?? '')} first: it is where customers meet a brand that does not match its promise.`,
    );
  }
  const proofCount = proven.length;
  if (proofCount > 0 && causes.length === 0)
    seen.push(`${countOf(proofCount, 'value')} ${hasOrHave(proofCount)} proof behind it.`);
  const fill = fillSectionsStep(facts, 'authentic');
  if (fill && !steps.some((step) => step.includes(link('authentic')))) steps.push(fill);
  return { dimension: 'authentic', seen, causes, steps };
}

export function readingFor(facts: BrandFacts, dimension: Dimension): DimensionReading {
  switch (dimension) {
    case 'insight':
      return insightReading(facts);
    case 'distinctive':
      return distinctiveReading(facts);
    case 'empathetic':
      return empatheticReading(facts);
    case 'authentic':
      return authenticReading(facts);
  }
}
