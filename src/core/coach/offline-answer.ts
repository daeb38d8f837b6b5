/**
 * The offline coach's chat answers: the message is classified first (intent.ts: write copy,
 * diagnose, next step, what customers think, explain, compare, feedback, off-topic), then one
 * composer per kind of request answers it from the brand's own data — the canvas, worksheets,
 * avatars, reviews and their analysis, the latest diagnostic — and the passages retrieved for the
 * question, quoted verbatim with their `[n]` citations.
 *
 * The rules every answer keeps: it answers the question asked; it states diagnostic facts only when
 * there is a diagnostic; when the dimension was a guess (the brand's weakest), it says so; when data
 * is missing, it says what it cannot see and where to add it, naming only pages that exist; it never
 * writes a placeholder or cuts the owner's words; and the follow-ups come from what the answer did and
 * what was missing (follow-ups.ts). Deterministic: the same question and data give the same answer.
 */
import { type CoachPassage, questionTerms, splitCitationMarkers } from '../ai/citations.ts';
import { DIMENSION_HEADLINES, GENERIC_WORDS, TRIGGER_KNOWLEDGE } from '../ai/knowledge.ts';
import type { BrandSummary } from '../ai/workspace-context.ts';
import { guidanceFor } from '../diagnostic/guidance.ts';
import { DIMENSION_LABELS, DIMENSIONS, type Dimension } from '../diagnostic/questionnaire.ts';
import { BAND_LABELS, type DiagnosticScores, dimensionsByWeakness } from '../diagnostic/scoring.ts';
import { countOf, isOrAre } from '../text/plural.ts';
import { CANVAS_COMPLETION_KEYS } from '../workspace/canvas-fields.ts';
import { avatarAudience } from '../workspace/canvas-import.ts';
import {
  actionPage,
  avatarsWithVoice,
  type BrandFacts,
  canvasLabel,
  canvasText,
  escapeMarkdown,
  firstFew,
  joinList,
  link,
  MODULE_PAGE,
  PAGES,
  quoted,
  readBrand,
  scoreFact,
  weakestDimension,
  worksheetStarted,
} from './brand-facts.ts';
import { type Concept, conceptById, conceptIn, triggerIn } from './concepts.ts';
import {
  answerCopyRequest,
  brandForCopy,
  type CopyAnswer,
  canWriteCopy,
  firstAvatarWithWords,
} from './copy-answer.ts';
import { COPY_KIND_LIMITS, type CopyKind, writeCopy } from './copy-engine.ts';
import { type AnswerSummary, type CustomerFocus, type DataGap, followUpsFor } from './follow-ups.ts';
import {
  type ConversationTurn,
  type CopyRequestFormat,
  classifyRequest,
  LANGUAGE_LABELS,
  type RequestClassification,
  type RequestType,
} from './intent.ts';
import { type ProposalDraft, proposalsForCopy } from './proposals.ts';
import { assetLines, type DimensionReading, excerpt, readingFor } from './readings.ts';

/** What the coach knows for this answer (the offline coach's `CoachContext`, read structurally). */
export interface AnswerContext {
  diagnostic: { takenAt: string; scores: DiagnosticScores } | null;
  brand?: BrandSummary | null | undefined;
  passages?: readonly CoachPassage[] | undefined;
}

export interface ChatQuestion {
  message: string;
  /** The conversation so far, oldest first. */
  history?: readonly ConversationTurn[] | undefined;
}

export interface OfflineChatAnswer {
  /** Markdown. */
  reply: string;
  followUps: string[];
  /** How the message was read. */
  request: RequestClassification;
  /** For a copy request: the options written, or the canvas text drafted. */
  copy?: CopyAnswer;
  /** Edits to the owner's canvas the answer offers (written only if the owner accepts one). */
  proposals: ProposalDraft[];
}

/** The chat contract's limit on a reply. */
const REPLY_MAX = 8000;

interface Ask {
  message: string;
  lower: string;
  history: readonly ConversationTurn[];
  request: RequestClassification;
  facts: BrandFacts;
  /** Passages whose text holds words of the question, best first: quoted where they bear on the answer. */
  passages: CoachPassage[];
  /** Those and the passages whose label names what is asked ("Story", "Survey.csv"), best first. */
  related: CoachPassage[];
  /** Every retrieved passage that can be quoted verbatim, best first. */
  all: CoachPassage[];
}

interface Draft {
  blocks: string[];
  gaps: DataGap[];
  dimension?: Dimension | null;
  concept?: Concept | null;
  customerFocus?: CustomerFocus;
  copy?: CopyAnswer;
}

// ---------------------------------------------------------------------------------- passages

/**
 * The retrieved passages that can be quoted, best first. A quote that itself looks like a citation
 * marker (a document's "[2]" footnote) is left out rather than altered, so every quote stays verbatim
 * and every marker is the coach's own. Which of them an answer quotes is the composer's call: those
 * whose text holds words of the question (`Ask.passages`), or whose label names what is asked.
 */
function quotablePassages(context: AnswerContext): CoachPassage[] {
  return (context.passages ?? []).filter(
    (passage) =>
      passage.quote !== '' && !splitCitationMarkers(passage.quote).some((piece) => piece.kind === 'marker'),
  );
}

/** Whether the passage's label holds a word of the question ("Authentic worksheet · Story" for "our story"). */
function labelMatches(passage: CoachPassage, terms: ReadonlySet<string>): boolean {
  return [...questionTerms(passage.label)].some((term) => terms.has(term));
}

function isReview(passage: CoachPassage): boolean {
  return passage.sourceType === 'avatar' && passage.field === 'voice.reviews';
}

function quoteIntro(passage: CoachPassage): string {
  if (passage.sourceType === 'document') return 'From your documents';
  if (passage.sourceType === 'diagnostic') return 'From your diagnostic answers';
  if (passage.sourceType === 'memory') return 'From what you asked me to remember';
  if (isReview(passage)) return 'A customer review';
  if (passage.sourceType === 'avatar' && passage.field === 'voice.analysis')
    return 'From your review analysis';
  return 'From what you wrote';
}

/** A passage quoted verbatim with its citation; Markdown punctuation escaped so it shows as written. */
function quoteLine(passage: CoachPassage): string {
  // Line breaks (a CSV row, a list) become spaces: the quote stays one line, word for word.
  return `${quoteIntro(passage)}: “${escapeMarkdown(passage.quote.replace(/\s+/g, ' ').trim())}” [${passage.n}]`;
}

function quoteBlock(title: string, passages: readonly CoachPassage[]): string | null {
  if (passages.length === 0) return null;
  return [`**${title}**`, ...passages.map((passage) => `- ${quoteLine(passage)}`)].join('\n');
}

/** The passage that holds a customer's sentence, so the quote can cite where it is. */
function passageHolding(ask: Ask, text: string): CoachPassage | null {
  const needle = text.replace(/\s+/g, ' ').trim().toLowerCase();
  if (!needle) return null;
  return ask.all.find((passage) => passage.text.replace(/\s+/g, ' ').toLowerCase().includes(needle)) ?? null;
}

/** A customer's sentence quoted whole, with the citation of the passage that holds it when there is one. */
function customerQuote(ask: Ask, text: string): string {
  const passage = passageHolding(ask, text);
  return `${quoted(text)}${passage ? ` [${passage.n}]` : ''}`;
}

/** Question words that ask for a fact the brand saved ("where do we…", "what is our…"). */
const FACT_QUESTION =
  /^(?:where|what|when|who|which|how (?:much|many|long|often)|do we|does (?:our|the)|is (?:our|the|there)|are (?:our|the|there)|have we|did we|can (?:customers|people|i|we) (?:get|return|order))\b/;
/** Questions that want advice, not a saved fact. */
const ADVICE =
  /\b(?:should|next|first|start|improve|better|focus|priorit|grow|fix|help|recommend|weak|strong|score|mean|means|difference between)\b/;

/** The passages that answer a factual question about the brand on their own, or none. */
function lookupPassages(ask: Ask): CoachPassage[] {
  if (!FACT_QUESTION.test(ask.lower) || ADVICE.test(ask.lower) || conceptIn(ask.message)) return [];
  const terms = questionTerms(ask.message).size;
  return ask.passages.filter((passage) => passage.matches >= 2 && passage.matches * 2 >= terms).slice(0, 2);
}

// -------------------------------------------------------------------------------- shared lines

function dimensionLabel(dimension: Dimension): string {
  return DIMENSION_LABELS[dimension];
}

/** "I can't see a diagnostic…": said instead of any band fact when there is none. */
function noDiagnosticLine(facts: BrandFacts, about: string): string {
  return `I can’t see a diagnostic for ${facts.label} yet, so I can’t tell ${about}. The ${link('diagnostic')} takes eight questions and shows it.`;
}

function progressLine(facts: BrandFacts): string {
  const modules = DIMENSIONS.map((dimension) => {
    const sections = facts.sections[dimension];
    const done = sections.filter((section) => section.done).length;
    return `${dimensionLabel(dimension)} ${done} of ${sections.length}`;
  });
  const avatars =
    facts.avatarNames.length > 0
      ? `${countOf(facts.avatarNames.length, 'avatar')} (${joinList(facts.avatarNames.slice(0, 3))}${facts.avatarNames.length > 3 ? ' and others' : ''})`
      : 'no avatar yet';
  const reviews = facts.reviewCount > 0 ? countOf(facts.reviewCount, 'customer review') : 'no reviews yet';
  return `**Where ${facts.label} is:** worksheet sections done — ${modules.join(', ')}; canvas ${facts.canvasCounted} of ${CANVAS_COMPLETION_KEYS.length} fields; ${avatars}; ${reviews}.`;
}

/**
 * Diagnostic actions the brand has already done, by what they ask for and what is saved: a step to
 * "draft a positioning statement" is not offered to a brand whose canvas has one.
 */
function alreadyDone(text: string, facts: BrandFacts): boolean {
  const saved = facts.saved;
  const checks: readonly [RegExp, boolean][] = [
    [/positioning statement/i, Boolean(canvasText(facts, 'positioning'))],
    [/first customer avatar|into detailed avatars/i, facts.avatars.length > 0],
    [/brand promise in one sentence/i, Boolean(saved?.authentic?.promise.trim())],
    [/write down three values/i, (saved?.authentic?.values.length ?? 0) > 0],
    [/origin story/i, Boolean(saved?.authentic?.story.origin.trim())],
    [/voice in three adjectives/i, Boolean(canvasText(facts, 'voice'))],
    [
      /map how customers feel/i,
      Boolean(saved?.empathetic?.feelingBefore.trim() && saved.empathetic.feelingAfter.trim()),
    ],
    [/paste a batch of reviews/i, facts.reviewCount > 0],
    [/inventory your brand assets/i, (saved?.distinctive?.assets.length ?? 0) > 0],
    [
      /what you do differently/i,
      (saved?.distinctive?.differentiators ?? []).some((row) => row.difference.trim()),
    ],
    [/top three reasons customers buy/i, Boolean(saved?.insight?.buyerMotivation.trim())],
  ];
  return checks.some(([pattern, done]) => done && pattern.test(text));
}

/** The diagnostic's actions for a dimension's band, on pages that exist, not done, not already among `taken`. */
function guidanceSteps(
  facts: BrandFacts,
  dimension: Dimension,
  taken: readonly string[],
  max: number,
): string[] {
  const entry = facts.diagnostic?.scores.dimensions[dimension];
  if (!entry) return [];
  const steps: string[] = [];
  for (const action of guidanceFor(dimension, entry.band).actions) {
    const page = actionPage(action.area);
    if (!page || alreadyDone(action.text, facts)) continue;
    const pageLink = link(page);
    if ([...taken, ...steps].some((step) => step.includes(`(${PAGES[page].path})`))) continue;
    steps.push(`${action.text.replace(/\.$/, '')} — on ${pageLink}.`);
    if (steps.length >= max) break;
  }
  return steps;
}

function numbered(steps: readonly string[]): string {
  return steps.map((step, index) => `${index + 1}. ${step}`).join('\n');
}

function bulleted(lines: readonly string[]): string {
  return lines.map((line) => `- ${line}`).join('\n');
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

// ------------------------------------------------------------------------------- how-to topics

interface HowTo {
  id: 'reviews' | 'documents' | 'avatar' | 'canvas' | 'diagnostic';
  pattern: RegExp;
  answer: (facts: BrandFacts) => string[];
  gap: DataGap | null;
}

const HOW_TOS: readonly HowTo[] = [
  {
    id: 'reviews',
    pattern:
      /\b(?:collect|get|gather|add|import|upload|paste|find|ask for|more)\b.{0,30}\b(?:reviews?|testimonials?|customer feedback)\b/,
    gap: 'reviews',
    answer: (facts) => {
      const where =
        facts.avatarNames.length > 0
          ? `On ${link('avatars')}, open the avatar the reviews describe (${joinList(facts.avatarNames.slice(0, 3))}) and paste them into its voice of customer section — one per line, or separated by blank lines — or upload the CSV.`
          : `Create an avatar on ${link('avatars')} for the customers who wrote them, then paste the reviews into its voice of customer section — one per line, or separated by blank lines — or upload the CSV.`;
      return [
        facts.reviewCount > 0
          ? `You have ${countOf(facts.reviewCount, 'review')} saved so far; twenty or more per avatar make the patterns trustworthy. To add more:`
          : 'Here is how to get customer reviews into the coach, so answers rest on what customers actually say:',
        numbered([
          'Gather what customers already wrote: export reviews from your shop or marketplace as a CSV, or copy them from emails and messages.',
          `If you have few, ask: build a short survey in ${link('surveys')} (the post-purchase template asks how the product met their expectations and what almost stopped them buying) and send its link to recent customers a few days after delivery.`,
          `${where} Then run the analysis: it finds sentiment, recurring phrases, emotional triggers and verbatim quotes. For a large export, the ${link('reviewAnalyzer')} reads the whole CSV into themes with quotes and can add what it finds to the avatar.`,
          `Interview notes can go in ${link('knowledge')} as documents, so I can quote them with a citation.`,
        ]),
      ];
    },
  },
  {
    id: 'documents',
    pattern: /\b(?:upload|add|import|share)\b.{0,30}\b(?:documents?|files?|pdfs?|docs?|notes)\b/,
    gap: null,
    answer: () => [
      `Upload PDF, Word (DOCX), text, Markdown or CSV files on ${link('knowledge')} (up to 10 MB each). Once a document shows “Ready”, I search it with everything you wrote and quote it with a numbered citation that opens the exact page.`,
    ],
  },
  {
    id: 'avatar',
    pattern: /\b(?:create|make|build|add|set up|fill(?: in)?|write)\b.{0,30}\b(?:avatars?|personas?)\b/,
    gap: 'avatars',
    answer: (facts) => [
      facts.avatarNames.length > 0
        ? `You have ${countOf(facts.avatarNames.length, 'avatar')} (${joinList(facts.avatarNames.slice(0, 3))}). To add or sharpen one, on ${link('avatars')}:`
        : `On ${link('avatars')}, create one for your best real customer (not an imagined ideal):`,
      numbered([
        'Demographics: age band, where they live, what they do, and one line on their lifestyle.',
        'Psychology: their values, fears and desires in their own words — these are what taglines and headlines are written from — and the emotional triggers that move them.',
        'Buying behaviour: how they shop, how price-sensitive they are, and what decides it for them.',
        'Voice of customer: paste their reviews and run the analysis, so the fears and desires rest on quotes.',
      ]),
    ],
  },
  {
    id: 'canvas',
    pattern: /\b(?:fill(?: in)?|complete|finish|write|start|do)\b.{0,30}\bcanvas\b/,
    gap: 'canvas',
    answer: (facts) => [
      facts.canvasMissing.length > 0
        ? `Your ${link('canvas')} has ${facts.canvasCounted} of ${CANVAS_COMPLETION_KEYS.length} fields filled; still empty: ${joinList(facts.canvasMissing.map((key) => canvasLabel(key).toLowerCase()))}.`
        : `All eight fields of your ${link('canvas')} are filled; ask the coach beside each for a critique.`,
      numbered([
        'Import what you already wrote in the IDEA modules and an avatar (the canvas offers it) before writing from scratch.',
        'Write the purpose and value proposition first: every tagline and headline I write starts from them.',
        'Ask the coach beside each field for a critique; accept a rewrite only if it still sounds like you.',
      ]),
    ],
  },
  {
    id: 'diagnostic',
    pattern: /\b(?:take|retake|redo|start|do|repeat)\b.{0,30}\bdiagnostic\b/,
    gap: null,
    answer: (facts) => [
      facts.diagnostic
        ? `Your last diagnostic was on ${facts.diagnostic.takenAt.slice(0, 10)}. Retake the ${link('diagnostic')} after you have worked on your weakest dimension: your ${link('diagnosticHistory')} compares the results side by side.`
        : `The ${link('diagnostic')} is eight questions, two per IDEA dimension, and takes a few minutes. Your scores show which dimension to work on first, and I use them in every answer.`,
    ],
  },
];

function howToIn(lower: string): HowTo | null {
  if (!/\bhow\b|\bwhere (?:do|can|should) (?:i|we)\b|\bcan (?:i|we|you)\b/.test(lower)) return null;
  return HOW_TOS.find((topic) => topic.pattern.test(lower)) ?? null;
}

// -------------------------------------------------------------------------- customer insight

const WORRY =
  /\b(?:worr\w*|fear\w*|afraid|concern\w*|frustrat\w*|complain\w*|pain points?|hesitat\w*|objections?|put (?:them|people|customers) off|hold (?:them|people|customers) back|doubts?|dislike\w*|hate\w*|problems?)\b/;
const WANT =
  /\b(?:want\w*|desire\w*|love\w*|like\w*|value\w*|care about|hope\w*|wish\w*|need\w*|praise\w*)\b/;
const WHO =
  /\bwho\b.{0,40}\b(?:customers?|buy\w*|buyers?|audience|shop\w*)\b|\b(?:our|my) (?:audience|target (?:market|audience))\b/;
const WHY_BUY =
  /\bwhy\b.{0,40}\bbuy\w*\b|\bwhat makes (?:them|people|customers) (?:buy|choose)\b|\breasons? (?:they|people|customers) buy\b/;

function customerFocusOf(lower: string): CustomerFocus {
  if (WORRY.test(lower)) return 'worries';
  if (WHY_BUY.test(lower)) return 'why-buy';
  if (WHO.test(lower)) return 'who';
  if (WANT.test(lower)) return 'wants';
  return 'says';
}

const FOCUS_SENTIMENT: Record<CustomerFocus, readonly ('positive' | 'neutral' | 'negative')[]> = {
  worries: ['negative', 'neutral'],
  wants: ['positive'],
  'why-buy': ['positive'],
  says: ['positive', 'neutral', 'negative'],
  who: ['positive', 'neutral', 'negative'],
};

/** Questions about what people type into search engines and marketplaces. */
const SEARCH = /\bsearch(?:es|ing)?\b|\bkeywords?\b|\bseo\b|\bgoogle\b/;

/** What the coach can say about search terms: it sees no search data, and where the owner keeps them. */
function searchBlocks(facts: BrandFacts): string[] {
  const intent = excerpt(facts.saved?.insight?.buyerIntent ?? '');
  return [
    `I can’t see search data: the offline coach has no access to search engines, marketplaces or your analytics, so I won’t list terms people “probably” use. ${
      intent
        ? `What you wrote about how they search: ${quoted(intent)}.`
        : `You haven’t written down how your customers search yet.`
    }`,
    `To find the real terms, export the search-term report from your search console or marketplace, and ask new customers what they typed before they found you. Paste the terms or upload the report in ${link('buyerIntent')}: it sorts them by what each searcher wants (to learn, to compare, or to buy), groups them by theme and says what content fits each group. Note what you learn in the buyer intent step of the ${link('insight')}.`,
  ];
}

function composeCustomerInsight(ask: Ask): Draft {
  const { facts } = ask;
  const focus = customerFocusOf(ask.lower);
  const blocks: string[] = [];
  const gaps: DataGap[] = [];
  const sentiments = FOCUS_SENTIMENT[focus];
  const cited = new Set<number>();

  // What customers said: the analysis of their reviews first, then the reviews and documents retrieved.
  const evidence: string[] = [];
  for (const voice of facts.voices.filter((entry) => entry.analysis).slice(0, 2)) {
    const analysis = voice.analysis;
    if (!analysis) continue;
    const { positive, neutral, negative } = analysis.sentiment;
    const phrases = analysis.keyPhrases
      .filter((phrase) => sentiments.includes(phrase.sentiment))
      .slice(0, 4)
      .map((phrase) => `${quoted(phrase.phrase)} (${countOf(phrase.count, 'review')})`);
    // The analysis itself is a passage of the brand's knowledge when it was retrieved: cite it.
    const analysed = ask.all.find(
      (passage) =>
        passage.sourceType === 'avatar' &&
        passage.field === 'voice.analysis' &&
        passage.label.includes(voice.avatarName),
    );
    if (analysed) cited.add(analysed.n);
    const lines = [
      `**From ${countOf(analysis.reviewCount, 'review')} on ${escapeMarkdown(voice.avatarName)}** — ${positive} positive, ${neutral} neutral, ${negative} negative.${analysed ? ` [${analysed.n}]` : ''}`,
    ];
    if (phrases.length > 0)
      lines.push(
        `${focus === 'worries' ? 'What they complain or worry about most' : focus === 'wants' || focus === 'why-buy' ? 'What they praise most' : 'What they mention most'}: ${joinList(phrases)}.`,
      );
    // No recurring complaint: the quotes below show the single ones; say so only when there are none.
    else if (focus === 'worries' && negative === 0) lines.push('None of these reviews is negative.');
    const quotes = analysis.quotes.filter((quote) => sentiments.includes(quote.sentiment)).slice(0, 2);
    for (const quote of quotes) {
      const passage = passageHolding(ask, quote.text);
      if (passage) cited.add(passage.n);
      lines.push(`- ${customerQuote(ask, quote.text)}`);
    }
    if (focus !== 'worries') {
      const trigger = [...analysis.triggers].sort((a, b) => b.mentions - a.mentions)[0];
      if (trigger && trigger.mentions > 0)
        lines.push(
          `The feeling that comes up most is ${TRIGGER_KNOWLEDGE[trigger.trigger].label.toLowerCase()} (${countOf(trigger.mentions, 'review')}): ${TRIGGER_KNOWLEDGE[trigger.trigger].meaning}.`,
        );
    }
    const field = focus === 'worries' ? 'fears' : focus === 'wants' || focus === 'why-buy' ? 'desires' : null;
    const echoes = field
      ? analysis.echoes.filter((echo) => echo.field === field && echo.mentions > 0).slice(0, 2)
      : [];
    if (echoes.length > 0)
      lines.push(
        `The reviews confirm ${voice.avatarName}’s ${field === 'fears' ? 'fear' : 'desire'} ${joinList(echoes.map((echo) => `${quoted(echo.tag)} (${countOf(echo.mentions, 'review')})`))}.`,
      );
    evidence.push(lines.join('\n'));
  }
  for (const voice of facts.voices
    .filter((entry) => !entry.analysis && entry.reviews.length > 0)
    .slice(0, 2)) {
    const reviews = voice.reviews.filter((review) => review.length <= 220).slice(0, 2);
    const lines = [
      `**${countOf(voice.reviewCount, 'review')} on ${escapeMarkdown(voice.avatarName)}, not analysed yet** — run the analysis on ${link('avatars')} to see the patterns.`,
      ...reviews.map((review) => `- ${customerQuote(ask, review)}`),
    ];
    evidence.push(lines.join('\n'));
  }
  // A retrieved review is the customer's own words whatever it shares with the question; a document
  // (a survey export, interview notes) counts when its text or its name bears on the question.
  const sourced = ask.all.filter(
    (passage) =>
      !cited.has(passage.n) &&
      (isReview(passage) || (passage.sourceType === 'document' && ask.related.includes(passage))),
  );
  const inTheirWords = quoteBlock('In their words:', sourced.slice(0, 3));
  if (inTheirWords) evidence.push(inTheirWords);

  // What the owner believes about them: avatars and worksheets (assumptions until reviews confirm them).
  const beliefs: string[] = [];
  for (const avatar of avatarsWithVoice(facts).slice(0, 2)) {
    const { fears, desires } = avatar.psychology;
    if (focus === 'who') {
      const lifestyle = excerpt(avatar.demographics.lifestyle, 160);
      beliefs.push(`${escapeMarkdown(avatarAudience(avatar))}${lifestyle ? `: ${quoted(lifestyle)}` : ''}.`);
    } else if (focus === 'worries' && fears.length > 0)
      beliefs.push(`${escapeMarkdown(avatar.name)} fears ${joinList(fears.slice(0, 3).map(quoted))}.`);
    else if ((focus === 'wants' || focus === 'why-buy') && desires.length > 0)
      beliefs.push(`${escapeMarkdown(avatar.name)} wants ${joinList(desires.slice(0, 3).map(quoted))}.`);
    else {
      const parts = [
        desires.length > 0 ? `wants ${joinList(desires.slice(0, 2).map(quoted))}` : '',
        fears.length > 0 ? `fears ${joinList(fears.slice(0, 2).map(quoted))}` : '',
      ].filter(Boolean);
      beliefs.push(`${escapeMarkdown(avatar.name)} ${parts.join(' and ')}.`);
    }
  }
  const empathetic = facts.saved?.empathetic;
  const insight = facts.saved?.insight;
  if (focus === 'worries' && empathetic && empathetic.fears.length > 0)
    beliefs.push(`In your Empathetic worksheet: ${joinList(empathetic.fears.slice(0, 4).map(quoted))}.`);
  if (focus === 'worries' && empathetic?.feelingBefore.trim()) {
    const before = excerpt(empathetic.feelingBefore);
    if (before) beliefs.push(`Before buying, you wrote, they feel ${quoted(before)}.`);
  }
  if ((focus === 'wants' || focus === 'why-buy' || focus === 'says') && insight?.buyerMotivation.trim()) {
    const motivation = excerpt(insight.buyerMotivation);
    if (motivation) beliefs.push(`Why they buy, in your Insight worksheet: ${quoted(motivation)}.`);
  }
  if ((focus === 'wants' || focus === 'says') && empathetic && empathetic.needs.length > 0)
    beliefs.push(`The needs you listed: ${joinList(empathetic.needs.slice(0, 4).map(quoted))}.`);
  if (focus === 'who' && insight?.demographics.trim()) {
    const demographics = excerpt(insight.demographics);
    if (demographics) beliefs.push(`Your Insight worksheet describes them as ${quoted(demographics)}.`);
  }

  const subject: Record<CustomerFocus, string> = {
    worries: 'what worries your customers',
    wants: 'what your customers want',
    'why-buy': 'why your customers buy',
    says: 'what your customers say',
    who: 'who your customers are',
  };
  if (evidence.length === 0 && beliefs.length === 0) {
    blocks.push(
      `I can’t tell you ${subject[focus]} yet: ${facts.label} has no customer reviews, no avatar with fears or desires, and nothing in your documents matched the question. I won’t guess.`,
    );
  } else if (focus === 'who' && beliefs.length > 0) {
    // Who they are is what the owner described; the reviews then say how they talk.
    blocks.push(
      `Here is ${subject[focus]}, as your avatars and worksheets describe them:\n${bulleted(beliefs)}`,
    );
    blocks.push(...evidence);
  } else if (evidence.length > 0) {
    blocks.push(`Here is ${subject[focus]}, from what they wrote:`);
    blocks.push(...evidence);
  } else {
    blocks.push(
      `I can’t see any customer reviews for ${facts.label} yet, so this is what you believe about your customers, not what they said:`,
    );
  }
  if (beliefs.length > 0 && !(focus === 'who' && beliefs.length > 0)) {
    blocks.push(
      [
        evidence.length > 0
          ? '**What you wrote about them** (check it against the reviews):'
          : '**What you wrote about them:**',
        bulleted(beliefs),
      ].join('\n'),
    );
  }
  if (facts.reviewCount === 0 && facts.voices.every((voice) => !voice.analysis)) {
    gaps.push('reviews');
    blocks.push(
      `To hear it from customers themselves, paste their reviews (or upload a CSV) into an avatar’s voice of customer on ${link('avatars')} and run the analysis; interview notes can go in ${link('knowledge')}.`,
    );
  }
  if (SEARCH.test(ask.lower)) blocks.push(...searchBlocks(facts));
  if (facts.avatars.length === 0) gaps.push('avatars');
  else if (avatarsWithVoice(facts).length === 0) gaps.push('avatar-voice');
  const dimension = ask.request.dimension ?? 'insight';
  blocks.push(
    `Knowing this is **${dimensionLabel(dimension)}** work — ${DIMENSION_HEADLINES[dimension].toLowerCase()}.${scoreFact(facts, dimension) ? ` ${scoreFact(facts, dimension)}.` : ''}`,
  );
  return { blocks, gaps, dimension, customerFocus: focus };
}

// ---------------------------------------------------------------------------------- diagnose

const FORGET =
  /\b(?:forget\w*|forgot\w*|remember\w*|recall|don'?t come back|do not come back|never come back|one order|one purchase|first order|repeat (?:orders?|customers?|purchases?)|come back|reorder\w*|return(?:ing)? customers?|retention|churn)\b/;

function stepsFrom(reading: DimensionReading, facts: BrandFacts, max: number): string[] {
  const steps = [...reading.steps];
  steps.push(...guidanceSteps(facts, reading.dimension, steps, Math.max(0, max - steps.length)));
  return unique(steps).slice(0, max);
}

function forgetDiagnosis(ask: Ask): Draft {
  const { facts } = ask;
  const distinctive = facts.saved?.distinctive;
  const assets = distinctive?.assets ?? [];
  const gaps: DataGap[] = [];
  const blocks = [
    `People who order once and don’t come back have usually not decided against ${facts.label}; they have forgotten it by the time they need it again. That is **Distinctive** territory — being recognised and remembered when someone is ready to buy — and it comes down to three things.`,
  ];
  const score = scoreFact(facts, 'distinctive');
  if (score) blocks.push(`${score}.`);

  // 1. Distinctive assets.
  if (assets.length > 0)
    blocks.push(
      `**1. Distinctive assets — what they recognise you by.** You listed ${joinList(assetLines(facts))}. Those are what a returning customer has to spot on a shelf, in a feed or in their inbox.`,
    );
  else {
    gaps.push('assets');
    blocks.push(
      `**1. Distinctive assets — what they recognise you by.** You haven’t listed any yet, so after one order there may be nothing — no colour, phrase or shape — that tells them it is you. List them in the ${link('distinctive')}.`,
    );
  }

  // 2. Consistency.
  const patchy = assets.filter(
    (asset) => asset.consistency === 'sometimes' || asset.consistency === 'rarely',
  );
  const steady = assets.filter((asset) => asset.consistency === 'always');
  const touchpoints = (facts.saved?.authentic?.consistency ?? []).filter((row) => !row.consistent);
  const consistency: string[] = [];
  if (patchy.length > 0)
    consistency.push(
      `${joinList(patchy.map((asset) => quoted(asset.description)))} ${isOrAre(patchy.length)} used only some of the time, so ${patchy.length === 1 ? 'it is' : 'they are'} not yet memorable.`,
    );
  if (steady.length > 0)
    consistency.push(
      `${joinList(steady.map((asset) => quoted(asset.description)))} ${isOrAre(steady.length)} used every time: keep ${steady.length === 1 ? 'it' : 'them'} exactly as ${steady.length === 1 ? 'it is' : 'they are'}.`,
    );
  if (touchpoints.length > 0)
    consistency.push(
      `You marked ${joinList(touchpoints.map((row) => quoted(row.touchpoint)))} as not matching your brand — for a repeat order, the packaging and the emails after delivery matter most.`,
    );
  if (consistency.length === 0)
    consistency.push(
      `I can’t see how consistently your assets are used yet: rate each one in the ${link('distinctive')} and check your touchpoints in the ${link('authentic')}.`,
    );
  blocks.push(`**2. Consistency — the same cues every time.** ${consistency.join(' ')}`);

  // 3. Mental availability.
  const moment = excerpt(facts.saved?.insight?.buyerIntent ?? '', 160);
  const after = excerpt(facts.saved?.empathetic?.feelingAfter ?? '', 160);
  const availability = [
    'Being the brand that comes to mind at the moment of need, not just the brand they liked.',
    moment
      ? `You describe that moment as ${quoted(moment)}: your reminders should arrive there.`
      : `You haven’t written down the moment people need you (the buyer intent step of the ${link('insight')}); that is when a reminder works.`,
    after
      ? `You want them to feel ${quoted(after)} after buying — say it back to them in the follow-up.`
      : '',
    'After the first order, something has to bring you back to mind: an insert in the parcel, a follow-up email timed to when they run out, the same phrase everywhere.',
  ].filter(Boolean);
  blocks.push(`**3. Mental availability — being thought of when they buy again.** ${availability.join(' ')}`);

  const steps: string[] = [];
  if (assets.length === 0)
    steps.push(
      `List your distinctive assets in the ${link('distinctive')} — a colour, a phrase, a shape — and pick two to use on every order.`,
    );
  if (patchy.length > 0)
    steps.push(
      `Use ${joinList(patchy.map((asset) => quoted(asset.description)))} on every touchpoint for six months, starting with the parcel and the order emails, and update ${patchy.length === 1 ? 'its' : 'their'} rating in the ${link('distinctive')}.`,
    );
  else if (assets.length > 0)
    steps.push(
      `Check that ${joinList(steady.map((asset) => quoted(asset.description)))} ${isOrAre(steady.length)} on the parcel and in every email after an order, and add any other cue customers mention to the ${link('distinctive')}.`,
    );
  steps.push(
    `Write the email customers get when they are about to run out, around the feeling they want — the ${link('valueLens')} writes email subject lines from your canvas and avatar.`,
  );
  if (touchpoints.length === 0 && !(facts.saved?.authentic?.consistency.length ?? 0))
    steps.push(
      `List your touchpoints in the ${link('authentic')} (packaging, order emails, support replies) and mark which match your brand.`,
    );
  blocks.push(`**What to do first:**\n${numbered(unique(steps).slice(0, 4))}`);
  const quotes = quoteBlock('From your own material:', ask.passages.slice(0, 2));
  if (quotes) blocks.push(quotes);
  if (!facts.diagnostic) {
    gaps.push('diagnostic');
    blocks.push(noDiagnosticLine(facts, 'how Distinctive compares with your other dimensions'));
  }
  return { blocks, gaps, dimension: 'distinctive', concept: conceptById('mental-availability') };
}

function dimensionDiagnosis(ask: Ask, dimension: Dimension): Draft {
  const { facts } = ask;
  const reading = readingFor(facts, dimension);
  const gaps: DataGap[] = [];
  const blocks = [
    `That comes down to **${dimensionLabel(dimension)}** — ${DIMENSION_HEADLINES[dimension].toLowerCase()}.${scoreFact(facts, dimension) ? ` ${scoreFact(facts, dimension)}.` : ''}`,
  ];
  if (reading.seen.length > 0)
    blocks.push(`**What I can see in what you saved:**\n${bulleted(reading.seen)}`);
  if (reading.causes.length > 0)
    blocks.push(`**What most likely holds it back:**\n${bulleted(reading.causes)}`);
  else
    blocks.push(
      `Nothing in what you saved explains it on its own: your ${dimensionLabel(dimension)} work looks complete, so check it against what customers actually say and do.`,
    );
  const steps = stepsFrom(reading, facts, 4);
  if (steps.length > 0) blocks.push(`**What to do:**\n${numbered(steps)}`);
  const quotes = quoteBlock('From your own material:', ask.passages.slice(0, 2));
  if (quotes) blocks.push(quotes);
  if (!facts.diagnostic) {
    gaps.push('diagnostic');
    blocks.push(
      noDiagnosticLine(facts, `how ${dimensionLabel(dimension)} compares with your other dimensions`),
    );
  }
  gaps.push(...readingGaps(facts, dimension));
  return { blocks, gaps, dimension };
}

/** Without a diagnostic or a dimension in the question: what the saved work suggests, per dimension. */
function overviewDiagnosis(ask: Ask): Draft {
  const { facts } = ask;
  const lines = DIMENSIONS.map((dimension) => {
    const reading = readingFor(facts, dimension);
    const line = reading.causes[0] ?? reading.seen[0] ?? 'nothing saved yet.';
    return `**${dimensionLabel(dimension)}:** ${line}`;
  });
  const blocks = [
    `Your question doesn’t point to one IDEA dimension, and ${noDiagnosticLine(facts, 'which one holds you back most')}`,
    `Here is what your saved work suggests, dimension by dimension:\n${bulleted(lines)}`,
  ];
  const quotes = quoteBlock('From your own material:', ask.passages.slice(0, 2));
  if (quotes) blocks.push(quotes);
  return { blocks, gaps: ['diagnostic', ...copyMaterialGaps(facts)], dimension: null };
}

function composeDiagnose(ask: Ask): Draft {
  if (
    FORGET.test(ask.lower) &&
    (ask.request.dimension === 'distinctive' || ask.request.evidence !== 'message')
  )
    return forgetDiagnosis(ask);
  const dimension = ask.request.dimension;
  if (dimension) return dimensionDiagnosis(ask, dimension);
  return overviewDiagnosis(ask);
}

// --------------------------------------------------------------------------------- next step

function readingGaps(facts: BrandFacts, dimension: Dimension): DataGap[] {
  const gaps: DataGap[] = [];
  if (dimension === 'distinctive' && (facts.saved?.distinctive?.assets.length ?? 0) === 0)
    gaps.push('assets');
  if (
    dimension === 'distinctive' &&
    !(facts.saved?.distinctive?.differentiators ?? []).some((row) => row.difference.trim())
  )
    gaps.push('competitors');
  if (dimension === 'authentic' && (facts.saved?.authentic?.values ?? []).some((row) => !row.proof.trim()))
    gaps.push('proof');
  if ((dimension === 'insight' || dimension === 'empathetic') && facts.reviewCount === 0)
    gaps.push('reviews');
  return gaps;
}

function copyMaterialGaps(facts: BrandFacts): DataGap[] {
  const gaps: DataGap[] = [];
  if (facts.canvasMissing.length > 0) gaps.push('canvas');
  if (facts.avatars.length === 0) gaps.push('avatars');
  if (facts.reviewCount === 0) gaps.push('reviews');
  return gaps;
}

/** The dimension a next step is about: asked, else the weakest, else the first module not started. */
function focusOf(ask: Ask): Dimension {
  return (
    ask.request.dimension ??
    weakestDimension(ask.facts) ??
    DIMENSIONS.find((dimension) => !worksheetStarted(ask.facts, dimension)) ??
    'insight'
  );
}

/** "How is my brand doing?", "where do we stand?": a status report rather than a plan. */
const STATUS =
  /\bhow (?:is|are|'s) (?:my|our|the) (?:brand|business|company|shop)(?: \w+)? (?:doing|going)\b|\bhow (?:are|am) (?:we|i) doing\b|\bwhere (?:do|are) (?:we|i) stand\b|\b(?:my|our) progress\b|\bhow far (?:have|are) (?:we|i)\b/;

/** A greeting on its own: the where-to-start answer, greeted back. */
const GREETING =
  /^(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening))\b[\s!.,]*(?:there|coach)?[\s!.,]*$/;

function composeStatus(ask: Ask): Draft {
  const { facts } = ask;
  const blocks: string[] = [];
  const gaps: DataGap[] = [];
  const diagnostic = facts.diagnostic;
  if (diagnostic) {
    const ranked = dimensionsByWeakness(diagnostic.scores);
    const strongest = ranked.at(-1);
    const weakest = ranked[0];
    blocks.push(
      `By your latest diagnostic (${diagnostic.takenAt.slice(0, 10)}), ${facts.label} scores ${diagnostic.scores.overall}/100 overall (${BAND_LABELS[diagnostic.scores.overallBand]})${strongest && weakest && strongest.dimension !== weakest.dimension ? `: strongest in ${dimensionLabel(strongest.dimension)} (${strongest.score}), weakest in ${dimensionLabel(weakest.dimension)} (${weakest.score})` : ''}.`,
    );
  } else {
    gaps.push('diagnostic');
    blocks.push(
      `I can’t see a diagnostic for ${facts.label} yet, so I can’t say how the brand is doing on the four IDEA dimensions — only how far its groundwork has come. The ${link('diagnostic')} takes eight questions and gives you the scores.`,
    );
  }
  const done = DIMENSIONS.map((dimension) => {
    const sections = facts.sections[dimension];
    const filled = sections.filter((section) => section.done);
    return `**${dimensionLabel(dimension)} module:** ${filled.length} of ${sections.length} worksheet sections${filled.length > 0 && filled.length < sections.length ? ` (done: ${joinList(filled.slice(0, 3).map((section) => section.label.toLowerCase()))})` : ''}`;
  });
  done.push(
    `**${PAGES.canvas.label}:** ${facts.canvasCounted} of ${CANVAS_COMPLETION_KEYS.length} fields${
      facts.canvasMissing.length > 0
        ? `; still empty: ${firstFew(
            facts.canvasMissing.map((key) => canvasLabel(key).toLowerCase()),
            3,
          )}`
        : ''
    }`,
    `**Customers:** ${facts.avatarNames.length > 0 ? countOf(facts.avatarNames.length, 'avatar') : 'no avatar yet'}, ${facts.reviewCount > 0 ? countOf(facts.reviewCount, 'review') : 'no reviews yet'}`,
  );
  blocks.push(`**Where the groundwork is:**\n${bulleted(done)}`);
  const focus = focusOf(ask);
  const next = readingFor(facts, focus).steps[0];
  blocks.push(
    diagnostic
      ? `The one thing I would do next: ${next ?? `work through the ${link(MODULE_PAGE[focus])}`}`
      : `Start with the ${link('diagnostic')}; then the scores tell you which module to finish first.`,
  );
  gaps.push(...copyMaterialGaps(facts));
  return { blocks, gaps, dimension: diagnostic ? focus : null };
}

function composeNextStep(ask: Ask): Draft {
  const { facts } = ask;
  if (STATUS.test(ask.lower)) return composeStatus(ask);
  const howTo = howToIn(ask.lower);
  if (howTo) {
    const blocks = [...howTo.answer(facts), progressLine(facts)];
    const gaps = [...copyMaterialGaps(facts)].filter((gap) => gap !== howTo.gap);
    if (!facts.diagnostic && howTo.id !== 'diagnostic') gaps.unshift('diagnostic');
    return { blocks, gaps, dimension: ask.request.dimension };
  }
  const focus = focusOf(ask);
  const blocks: string[] = [];
  const gaps: DataGap[] = [];
  const diagnostic = facts.diagnostic;
  const weakest = weakestDimension(facts);
  if (GREETING.test(ask.lower))
    blocks.push(`Hello! I’m the brand coach for ${facts.label}. Here is where I would start.`);
  if (diagnostic) {
    const entry = diagnostic.scores.dimensions[focus];
    const overall = `Your latest diagnostic scores ${facts.label} ${diagnostic.scores.overall}/100 (${BAND_LABELS[diagnostic.scores.overallBand]}).`;
    if (focus === weakest)
      blocks.push(
        `${overall} ${ask.request.evidence === 'weakest-dimension' ? 'Your question doesn’t name an IDEA dimension, so I’m answering with your weakest one in mind: ' : ''}**${dimensionLabel(focus)}**${ask.request.evidence === 'weakest-dimension' ? ',' : ' is your weakest dimension'} at ${entry.score}/100 (${BAND_LABELS[entry.band]}), where effort pays off first. ${guidanceFor(focus, entry.band).explanation}`,
      );
    else {
      const low = weakest ? diagnostic.scores.dimensions[weakest] : null;
      blocks.push(
        `${overall} You asked about **${dimensionLabel(focus)}**, which scored ${entry.score}/100 (${BAND_LABELS[entry.band]})${low && weakest ? `; your weakest is ${dimensionLabel(weakest)} at ${low.score}/100` : ''}.`,
      );
    }
  } else if (ask.request.evidence === 'message' || ask.request.evidence === 'conversation') {
    blocks.push(
      `For **${dimensionLabel(focus)}** — ${DIMENSION_HEADLINES[focus].toLowerCase()} — here is what to do.`,
    );
  } else if (!ask.request.dimension) {
    blocks.push(
      `I can’t see a diagnostic for ${facts.label} yet, so I can’t say which dimension holds you back most. Here is the order I would work in:`,
    );
  }

  const reading = readingFor(facts, focus);
  const steps: string[] = [];
  if (!diagnostic) {
    gaps.push('diagnostic');
    steps.push(
      `Take the ${link('diagnostic')}: eight questions that show which of the four dimensions to work on first. Until then I can’t see your scores.`,
    );
  }
  steps.push(...reading.steps.slice(0, 2));
  steps.push(...guidanceSteps(facts, focus, steps, 1));
  if (facts.avatars.length === 0 && focus !== 'insight') {
    gaps.push('avatars');
    steps.push(
      `Create a customer avatar on ${link('avatars')}: their fears and desires are what I write taglines and headlines from.`,
    );
  }
  if (facts.canvasMissing.length > 0) {
    gaps.push('canvas');
    steps.push(
      `Fill the ${countOf(facts.canvasMissing.length, 'empty canvas field')} (${firstFew(
        facts.canvasMissing.map((key) => canvasLabel(key).toLowerCase()),
        3,
      )}) on your ${link('canvas')}: the coach and the Value Lens write from it.`,
    );
  }
  if (facts.reviewCount === 0 && !steps.some((step) => step.includes('voice of customer'))) {
    gaps.push('reviews');
    if (facts.avatars.length > 0)
      steps.push(
        `Paste customer reviews into ${joinList(facts.avatarNames.slice(0, 2), 'or')}’s voice of customer on ${link('avatars')}: then I can tell you what customers say, in their words.`,
      );
  }
  if (steps.length === (diagnostic ? 0 : 1))
    steps.push(
      `Your modules, canvas and avatars have what I need: turn them into copy in the ${link('valueLens')}, and retake the ${link('diagnostic')} to see how far ${facts.label} has come.`,
    );
  if (reading.seen.length > 0)
    blocks.push(
      `**What you have for ${dimensionLabel(focus)} so far:**\n${bulleted(reading.seen.slice(0, 3))}`,
    );
  blocks.push(`**Your next steps:**\n${numbered(unique(steps).slice(0, 5))}`);
  blocks.push(progressLine(facts));
  gaps.push(...readingGaps(facts, focus));
  return { blocks, gaps, dimension: focus };
}

// ----------------------------------------------------------------------------------- explain

/** How a concept shows in the brand's own data; null when nothing saved bears on it. */
function applied(concept: Concept, facts: BrandFacts): { lines: string[]; gaps: DataGap[] } {
  const lines: string[] = [];
  const gaps: DataGap[] = [];
  const saved = facts.saved;
  switch (concept.id) {
    case 'distinctive-assets':
    case 'mental-availability': {
      const assets = assetLines(facts);
      if (assets.length > 0) lines.push(`Your assets: ${joinList(assets)}.`);
      else {
        gaps.push('assets');
        lines.push(`You haven’t listed any distinctive assets yet: add them in the ${link('distinctive')}.`);
      }
      break;
    }
    case 'consistency': {
      const rows = saved?.authentic?.consistency ?? [];
      if (rows.length > 0)
        lines.push(
          `You checked ${countOf(rows.length, 'touchpoint')}; ${joinList(rows.map((row) => `${quoted(row.touchpoint)} ${row.consistent ? 'matches' : 'does not match yet'}`))}.`,
        );
      const assets = assetLines(facts);
      if (assets.length > 0) lines.push(`Your assets: ${joinList(assets)}.`);
      if (lines.length === 0)
        lines.push(
          `Rate your assets’ consistency in the ${link('distinctive')} and check your touchpoints in the ${link('authentic')}.`,
        );
      break;
    }
    case 'emotional-triggers': {
      const chosen = saved?.empathetic?.triggerRanking.length
        ? saved.empathetic.triggerRanking
        : (saved?.insight?.emotionalTriggers ?? []);
      if (chosen.length > 0)
        lines.push(
          `You ranked ${joinList(chosen.slice(0, 3).map((trigger) => TRIGGER_KNOWLEDGE[trigger].label.toLowerCase()))} highest for your customers.`,
        );
      for (const avatar of facts.avatars.filter((entry) => entry.psychology.triggers.length > 0).slice(0, 2))
        lines.push(
          `You chose ${joinList(avatar.psychology.triggers.slice(0, 3).map((trigger) => TRIGGER_KNOWLEDGE[trigger].label.toLowerCase()))} for ${escapeMarkdown(avatar.name)}.`,
        );
      for (const voice of facts.voices) {
        const top = [...(voice.analysis?.triggers ?? [])].sort((a, b) => b.mentions - a.mentions)[0];
        if (top && top.mentions > 0)
          lines.push(
            `In ${voice.avatarName}’s reviews, ${TRIGGER_KNOWLEDGE[top.trigger].label.toLowerCase()} comes up most (${countOf(top.mentions, 'review')}).`,
          );
      }
      if (lines.length === 0)
        lines.push(
          `Choose the triggers that move your customers in the ${link('insight')}, or let their reviews show it on ${link('avatars')}.`,
        );
      break;
    }
    case 'positioning':
    case 'value-proposition':
    case 'purpose-mission-vision':
    case 'brand-voice': {
      const keys =
        concept.id === 'positioning'
          ? (['positioning'] as const)
          : concept.id === 'value-proposition'
            ? (['valueProposition'] as const)
            : concept.id === 'brand-voice'
              ? (['voice'] as const)
              : (['purpose', 'mission', 'vision'] as const);
      for (const key of keys) {
        const text = canvasText(facts, key);
        const short = text ? excerpt(text) : null;
        if (short) lines.push(`Your canvas ${canvasLabel(key).toLowerCase()}: ${quoted(short)}.`);
        else if (!text)
          lines.push(
            `Your canvas has no ${canvasLabel(key).toLowerCase()} yet: write it on your ${link('canvas')}.`,
          );
      }
      if (lines.some((line) => line.includes('no ')) && facts.canvasMissing.length > 0) gaps.push('canvas');
      break;
    }
    case 'brand-values':
    case 'proof-points': {
      const values = saved?.authentic?.values ?? [];
      if (values.length > 0) {
        const unproven = values.filter((row) => !row.proof.trim());
        lines.push(
          `Your values: ${joinList(values.map((row) => quoted(row.value)))}; ${unproven.length === 0 ? 'each has a proof point' : `${joinList(unproven.map((row) => quoted(row.value)))} still ${unproven.length === 1 ? 'needs' : 'need'} one`}.`,
        );
        if (unproven.length > 0) gaps.push('proof');
      } else
        lines.push(
          `You haven’t written your values with proof points yet: do it in the ${link('authentic')}.`,
        );
      break;
    }
    case 'brand-promise': {
      const promise = saved?.authentic?.promise.trim();
      lines.push(
        promise
          ? `Your promise: ${quoted(excerpt(promise) ?? promise)}.`
          : `You haven’t written your promise yet: do it in the ${link('authentic')}.`,
      );
      break;
    }
    case 'brand-story': {
      const story = saved?.authentic?.story;
      const parts = ['origin', 'struggle', 'mission'] as const;
      for (const part of parts) {
        const text = story ? excerpt(story[part], 260) : null;
        if (text) lines.push(`Your ${part}: ${quoted(text)}.`);
      }
      const missing = parts.filter((part) => !story?.[part].trim());
      if (missing.length > 0)
        lines.push(`Still to write in the ${link('authentic')}: the ${joinList([...missing])}.`);
      if (missing.length < parts.length)
        lines.push(
          `Use it where customers decide whether to trust you: your About page (ask me for an About section), a card in the parcel, and the first email after an order — about five sentences, struggle included.`,
        );
      break;
    }
    case 'brand-personality': {
      const traits = facts.canvas?.personality ?? [];
      lines.push(
        traits.length > 0
          ? `Your canvas personality: ${joinList(traits.map(quoted))}.`
          : `Your canvas has no personality traits yet: add them on your ${link('canvas')}.`,
      );
      break;
    }
    case 'avatars':
    case 'voice-of-customer': {
      if (facts.avatarNames.length > 0)
        lines.push(
          `You have ${countOf(facts.avatarNames.length, 'avatar')} (${joinList(facts.avatarNames.slice(0, 3))}) and ${facts.reviewCount > 0 ? countOf(facts.reviewCount, 'review') : 'no reviews yet'}.`,
        );
      else {
        gaps.push('avatars');
        lines.push(`You have no avatar yet: create one on ${link('avatars')}.`);
      }
      if (facts.reviewCount === 0) gaps.push('reviews');
      break;
    }
    case 'shopper-types': {
      const type = saved?.insight?.shopperType;
      lines.push(
        type
          ? `You chose ${type.replace('-', ' ')} as your best customers’ shopper type.`
          : `You haven’t chosen a shopper type yet: it is a step of the ${link('insight')}.`,
      );
      break;
    }
    case 'buyer-intent':
    case 'buyer-motivation': {
      const text =
        concept.id === 'buyer-intent' ? saved?.insight?.buyerIntent : saved?.insight?.buyerMotivation;
      const short = text ? excerpt(text) : null;
      lines.push(
        short
          ? `You wrote: ${quoted(short)}.`
          : `You haven’t written this down yet: it is a step of the ${link('insight')}.`,
      );
      break;
    }
    case 'brand-canvas':
      lines.push(
        `Your ${link('canvas')} has ${facts.canvasCounted} of ${CANVAS_COMPLETION_KEYS.length} fields filled${facts.canvasMissing.length > 0 ? `; still empty: ${joinList(facts.canvasMissing.map((key) => canvasLabel(key).toLowerCase()))}` : ''}.`,
      );
      if (facts.canvasMissing.length > 0) gaps.push('canvas');
      break;
    case 'value-lens':
      lines.push(`Open the ${link('valueLens')}; it reads your canvas and the avatar you choose.`);
      break;
    case 'brand-knowledge':
      lines.push(`Upload documents on ${link('knowledge')}; I quote them with citations.`);
      break;
    case 'insight':
    case 'distinctive':
    case 'empathetic':
    case 'authentic': {
      const reading = readingFor(facts, concept.id);
      lines.push(...reading.seen.slice(0, 2), ...reading.causes.slice(0, 1));
      gaps.push(...readingGaps(facts, concept.id));
      break;
    }
    case 'idea-framework':
    case 'diagnostic':
    case 'brand-memory':
      break;
  }
  return { lines, gaps };
}

function diagnosticExplanation(ask: Ask, concept: Concept): Draft {
  const { facts } = ask;
  const diagnostic = facts.diagnostic;
  if (!diagnostic) {
    return {
      blocks: [
        `${noDiagnosticLine(facts, 'which of your dimensions is weakest or strongest')}`,
        `It scores four dimensions: **${DIMENSION_LABELS.insight}** (${DIMENSION_HEADLINES.insight.toLowerCase()}), **${DIMENSION_LABELS.distinctive}** (${DIMENSION_HEADLINES.distinctive.toLowerCase()}), **${DIMENSION_LABELS.empathetic}** (${DIMENSION_HEADLINES.empathetic.toLowerCase()}) and **${DIMENSION_LABELS.authentic}** (${DIMENSION_HEADLINES.authentic.toLowerCase()}).`,
        concept.definition,
      ],
      gaps: copyMaterialGaps(facts),
      concept,
      dimension: null,
    };
  }
  const ranked = dimensionsByWeakness(diagnostic.scores);
  const [weakest] = ranked;
  const strongest = ranked.at(-1);
  const blocks = [
    `Your latest diagnostic (${diagnostic.takenAt.slice(0, 10)}) scores ${facts.label} ${diagnostic.scores.overall}/100 overall (${BAND_LABELS[diagnostic.scores.overallBand]}):`,
    bulleted(
      DIMENSIONS.map((dimension) => {
        const entry = diagnostic.scores.dimensions[dimension];
        return `**${dimensionLabel(dimension)}:** ${entry.score}/100 (${BAND_LABELS[entry.band]})`;
      }),
    ),
  ];
  if (weakest)
    blocks.push(
      `Your weakest is **${dimensionLabel(weakest.dimension)}**${strongest && strongest.dimension !== weakest.dimension ? ` and your strongest ${dimensionLabel(strongest.dimension)}` : ''}. ${guidanceFor(weakest.dimension, weakest.band).explanation}`,
    );
  blocks.push(concept.definition);
  return { blocks, gaps: copyMaterialGaps(facts), concept, dimension: weakest?.dimension ?? null };
}

function composeExplain(ask: Ask): Draft {
  const { facts } = ask;
  const howTo = howToIn(ask.lower);
  if (howTo) return composeNextStep(ask);
  const trigger = triggerIn(ask.message);
  const named = conceptIn(ask.message);
  const concept =
    named?.id === 'emotional-triggers' && trigger
      ? named
      : (named ??
        (ask.request.dimension && ask.request.evidence === 'message'
          ? conceptById(ask.request.dimension)
          : null));
  if (concept?.id === 'diagnostic') return diagnosticExplanation(ask, concept);
  if (!concept && FACT_QUESTION.test(ask.lower) && !ADVICE.test(ask.lower)) {
    // A question about the brand's own facts that nothing saved answers: say so, and where to put it.
    return {
      blocks: [
        `I can’t find that in what ${facts.label} has saved: nothing in your canvas, worksheets, avatars, reviews or documents answers it, and I won’t guess.`,
        `If it is written down somewhere — a price list, a policy, a brief — upload it on ${link('knowledge')} and ask again: I’ll quote it with a citation that opens the page.`,
      ],
      gaps: copyMaterialGaps(facts),
      concept: null,
      dimension: ask.request.dimension,
    };
  }
  if (!concept) {
    const blocks = [
      'I don’t have a ready explanation for that. I can explain the IDEA framework and its four dimensions, distinctive assets, mental availability, consistency, emotional triggers, shopper types, buyer intent, positioning, value propositions, purpose, mission and vision, values and proof points, brand voice and personality, avatars and voice of customer — each applied to your brand.',
    ];
    const quotes = quoteBlock('What your own material says on it:', ask.passages.slice(0, 2));
    if (quotes) blocks.push(quotes);
    return { blocks, gaps: copyMaterialGaps(facts), concept: null, dimension: ask.request.dimension };
  }
  const blocks = [concept.definition];
  if (concept.id === 'emotional-triggers' && trigger) {
    const knowledge = TRIGGER_KNOWLEDGE[trigger];
    blocks.unshift(
      `**${knowledge.label}** is ${knowledge.meaning}. In copy, ${knowledge.copyAngle}; customers show it with words like ${joinList(knowledge.words.slice(0, 4).map((word) => `“${word}”`))}.`,
    );
  }
  const { lines, gaps } = applied(concept, facts);
  if (lines.length > 0) blocks.push(`**In ${escapeMarkdown(facts.label)}:**\n${bulleted(lines)}`);
  const dimension = concept.dimension;
  if (dimension) {
    const score = scoreFact(facts, dimension);
    if (score) blocks.push(`${score}.`);
    else {
      if (concept.id !== dimension)
        blocks.push(
          `It is part of **${dimensionLabel(dimension)}** — ${DIMENSION_HEADLINES[dimension].toLowerCase()}.`,
        );
      blocks.push(noDiagnosticLine(facts, `how ${facts.label} scores on ${dimensionLabel(dimension)}`));
    }
  }

  const quotes = quoteBlock('From your own material:', ask.related.slice(0, 2));
  if (quotes) blocks.push(quotes);
  return { blocks, gaps, concept, dimension };
}

// ------------------------------------------------------------------------------ competitors

function composeCompare(ask: Ask): Draft {
  const { facts } = ask;
  const distinctive = facts.saved?.distinctive;
  const rows = distinctive?.differentiators ?? [];
  const gaps: DataGap[] = [];
  const blocks = [
    `I compare only what you saved — the offline coach can’t look ${facts.label}’s competitors up online.`,
  ];
  if (rows.length > 0) {
    blocks.push(
      `**How you differ, in your words:**\n${bulleted(
        rows.slice(0, 5).map((row) => {
          const difference = excerpt(row.difference, 240);
          return `**${escapeMarkdown(row.competitor)}:** ${difference ? quoted(difference) : row.difference.trim() ? 'your difference is written in the Distinctive module' : 'no difference written yet'}`;
        }),
      )}`,
    );
    const blank = rows.filter((row) => !row.difference.trim());
    if (blank.length > 0)
      blocks.push(
        `Write what you do differently from ${joinList(blank.map((row) => escapeMarkdown(row.competitor)))} in the ${link('distinctive')}, in the words customers would use.`,
      );
  } else {
    gaps.push('competitors');
    blocks.push(
      `You haven’t named any competitors yet. In the ${link('distinctive')}, add your two closest ones and write, in customers’ words, what you do differently from each.`,
    );
  }
  const positioning = canvasText(facts, 'positioning') ?? distinctive?.positioning.trim() ?? '';
  const short = positioning ? excerpt(positioning) : null;
  if (short)
    blocks.push(
      `Your positioning says ${quoted(short)}${/\bunlike\b|\binstead of\b|\brather than\b/i.test(positioning) ? ' — it already names the alternative, which is what makes a difference believable.' : '. It doesn’t name the alternative yet: “unlike …” makes the difference concrete.'}`,
    );
  const assets = assetLines(facts);
  blocks.push(
    `**Compare on four things:** the promise each brand makes, the proof behind it, the assets people recognise each by${assets.length > 0 ? ` (yours: ${joinList(assets.slice(0, 3))})` : ''}, and how it feels to buy. Where you sound the same as them, that is where customers choose on price.`,
  );
  const quotes = quoteBlock('From your own material:', ask.passages.slice(0, 2));
  if (quotes) blocks.push(quotes);
  const score = scoreFact(facts, 'distinctive');
  if (score) blocks.push(`${score}.`);
  return { blocks, gaps, dimension: 'distinctive' };
}

// ---------------------------------------------------------------------------------- feedback

/** The text the owner wants feedback on: a quoted passage of three words or more, or what follows a colon. */
function textToReview(message: string): string | null {
  const quotedText = /["“]([^"”]{8,})["”]/.exec(message)?.[1]?.trim();
  if (quotedText && quotedText.split(/\s+/).length >= 3) return quotedText;
  const afterColon = /:\s*(.{12,})$/s.exec(message)?.[1]?.trim();
  return afterColon && afterColon.split(/\s+/).length >= 3 ? afterColon : null;
}

const FEEDBACK_KIND: Partial<Record<CopyRequestFormat, CopyKind>> = {
  tagline: 'tagline',
  headline: 'headline',
  hero: 'landing-hero',
  'email-subject': 'email-subject',
  bio: 'bio',
  'product-description': 'product-description',
  'social-caption': 'social-caption',
  ad: 'ad-headline',
  'video-hook': 'video-hook',
  about: 'about',
  bullets: 'bullets',
};

const CANVAS_FIELD_WORDS: readonly [
  RegExp,
  'purpose' | 'vision' | 'mission' | 'positioning' | 'valueProposition' | 'voice',
][] = [
  [/\bvalue prop(?:osition)?\b/, 'valueProposition'],
  [/\bpositioning\b/, 'positioning'],
  [/\bmission\b/, 'mission'],
  [/\bvision\b/, 'vision'],
  [/\bpurpose\b/, 'purpose'],
  [/\b(?:brand )?voice\b/, 'voice'],
];

function composeFeedback(ask: Ask): Draft {
  const { facts } = ask;
  // "What do you think of our tagline?" with none pasted: the tagline saved on the canvas.
  const savedTagline = /\btag ?lines?\b|\bslogans?\b/.test(ask.lower) ? canvasText(facts, 'tagline') : null;
  const pasted = textToReview(ask.message) ?? savedTagline;
  const field = CANVAS_FIELD_WORDS.find(([pattern]) => pattern.test(ask.lower))?.[1] ?? null;
  if (!pasted && field) {
    // Feedback on a canvas field is the canvas coach's critique of what is saved.
    const format: CopyRequestFormat = 'statement';
    const copy = answerCopyRequest({
      message: ask.message,
      history: ask.history,
      request: { ...ask.request, type: 'write-copy', copy: { format, count: null } },
      facts,
    });
    return { blocks: copy.blocks, gaps: copy.gaps, copy, dimension: ask.request.dimension };
  }
  // "Tell me about our brand story": nothing to critique was given, but a concept was named.
  if (!pasted && conceptIn(ask.message)) return composeExplain(ask);
  if (!pasted) {
    return {
      blocks: [
        'Paste the text you want feedback on in quotes (for example: what do you think of our tagline "…"?), and say where it will go — I check it against the format’s limit, your canvas and your customers’ words.',
        facts.canvasFilled.length > 0
          ? `I can also critique what is on your canvas: ask “What do you think of our ${canvasLabel(facts.canvasFilled[0] ?? 'purpose').toLowerCase()}?”.`
          : `Or write your purpose and value proposition on your ${link('canvas')} and ask me to critique them.`,
      ],
      gaps: copyMaterialGaps(facts),
      dimension: ask.request.dimension,
    };
  }
  const kind = FEEDBACK_KIND[ask.request.copy?.format ?? 'copy'] ?? null;
  const lower = pasted.toLowerCase();
  const good: string[] = [];
  const fix: string[] = [];
  const length = [...pasted].length;
  if (kind) {
    const limit = COPY_KIND_LIMITS[kind];
    if (length > limit)
      fix.push(`At ${length} characters it is over the ${limit} a ${kind.replace('-', ' ')} can carry.`);
    else good.push(`At ${length} characters it fits the ${limit}-character limit.`);
  }
  const generic = GENERIC_WORDS.filter((word) => new RegExp(`\\b${word}\\b`).test(lower));
  if (generic.length > 0)
    fix.push(
      `${joinList(generic.map((word) => `“${word}”`))} could describe any brand; say what only you can claim.`,
    );
  const we = (lower.match(/\b(?:we|our|us)\b/g) ?? []).length;
  const you = (lower.match(/\b(?:you|your)\b/g) ?? []).length;
  if (we > you) fix.push('It talks about you more than about the customer: lead with what they get.');
  else if (you > 0) good.push('It speaks to the customer (“you”), not about yourselves.');
  const customerWords = [
    ...avatarsWithVoice(facts).flatMap((avatar) => [
      ...avatar.psychology.fears,
      ...avatar.psychology.desires,
    ]),
    ...facts.voices.flatMap((voice) => (voice.analysis?.keyPhrases ?? []).map((phrase) => phrase.phrase)),
  ];
  const echoed = customerWords.filter((words) =>
    words
      .toLowerCase()
      .split(/\W+/)
      .filter((word) => word.length > 4)
      .some((word) => lower.includes(word)),
  );
  const audience = facts.avatars
    .flatMap((avatar) => avatar.demographics.occupation.toLowerCase().split(/\W+/))
    .filter((word) => word.length > 3)
    .find((word) => lower.includes(word));
  if (audience) good.push(`It names who it is for (“${audience}”).`);
  else if (facts.avatars.length > 0 && kind !== 'email-subject')
    fix.push(
      `It doesn’t say who it is for: your avatars are ${joinList(facts.avatars.map((avatar) => escapeMarkdown(avatarAudience(avatar))))}.`,
    );
  if (echoed.length > 0)
    good.push(`It echoes your customers’ own words: ${joinList(echoed.slice(0, 2).map(quoted))}.`);
  else if (customerWords.length > 0)
    fix.push(
      `None of your customers’ words is in it — for example ${joinList(customerWords.slice(0, 2).map(quoted))}.`,
    );
  if (!/\d/.test(pasted) && kind !== 'tagline')
    fix.push('Nothing in it can be checked (a number, a time, a guarantee): add one proof.');
  const blocks = [
    pasted === savedTagline ? `On your canvas tagline, ${quoted(pasted)}:` : `On ${quoted(pasted)}:`,
  ];
  if (good.length > 0) blocks.push(`**What works:**\n${bulleted(good)}`);
  if (fix.length > 0) blocks.push(`**What to change:**\n${bulleted(fix)}`);
  if (kind && canWriteCopy(facts)) {
    const alternatives = writeCopy({
      format: kind,
      count: 2,
      tone: 'warm',
      brand: brandForCopy(facts, firstAvatarWithWords(facts)),
      surface: 'chat',
    }).options;
    if (alternatives.length > 0)
      blocks.push(
        `**Two alternatives from your canvas and avatar:**\n${alternatives.map((option, index) => `${index + 1}. ${escapeMarkdown(option)}`).join('\n')}`,
      );
  }
  return { blocks, gaps: copyMaterialGaps(facts), dimension: ask.request.dimension };
}

// --------------------------------------------------------------------------------- off-topic

function composeOffTopic(ask: Ask): Draft {
  const { facts } = ask;
  const offers: string[] = [];
  if (canWriteCopy(facts))
    offers.push('write taglines, headlines, subject lines or captions from your canvas and avatars');
  else offers.push('tell you what to fill in first so I can write copy in your own words');
  offers.push(
    facts.reviewCount > 0
      ? 'tell you what your customers say and worry about, quoting their reviews'
      : 'help you collect and read customer reviews',
  );
  offers.push(
    facts.diagnostic
      ? 'explain your diagnostic and what to work on next'
      : 'explain the IDEA framework and what to work on first',
  );
  return {
    blocks: [
      `I’m the brand coach for ${facts.label}: I answer questions about your brand and its marketing, from the IDEA framework and what you have saved. That one is outside what I can help with.`,
      `What I can do right now:\n${bulleted(offers)}`,
    ],
    gaps: [],
    dimension: null,
  };
}

// ----------------------------------------------------------------------------------- lookup

function composeLookup(ask: Ask, passages: readonly CoachPassage[]): Draft {
  return {
    blocks: [
      'Here is what your saved material says:',
      bulleted(passages.map(quoteLine)),
      'That is all I found on it in what you saved; if it is out of date, change it where the citation leads.',
    ],
    gaps: [],
    dimension: ask.request.dimension,
  };
}

// ---------------------------------------------------------------------------------- dispatch

function composeCopy(ask: Ask): Draft {
  const copy = answerCopyRequest({
    message: ask.message,
    history: ask.history,
    request: ask.request,
    facts: ask.facts,
  });
  return { blocks: copy.blocks, gaps: copy.gaps, copy, dimension: ask.request.dimension };
}

const COMPOSERS: Record<RequestType, (ask: Ask) => Draft> = {
  'write-copy': composeCopy,
  diagnose: composeDiagnose,
  'next-step': composeNextStep,
  'customer-insight': composeCustomerInsight,
  explain: composeExplain,
  'compare-competitors': composeCompare,
  feedback: composeFeedback,
  'off-topic': composeOffTopic,
};

/** Said first when the dimension was not in the question. */
function evidenceNote(request: RequestClassification, facts: BrandFacts, type: RequestType): string | null {
  const dimension = request.dimension;
  // A next step says it in its own first sentence, with the diagnostic's numbers.
  if (!dimension || (type !== 'diagnose' && !(type === 'next-step' && !facts.diagnostic))) return null;
  if (request.evidence === 'weakest-dimension') {
    const entry = facts.diagnostic?.scores.dimensions[dimension];
    return `Your question doesn’t name an IDEA dimension, so I’m answering with your weakest one in mind: **${dimensionLabel(dimension)}**${entry ? ` (${entry.score}/100, ${BAND_LABELS[entry.band]})` : ''}.`;
  }
  if (request.evidence === 'empty-worksheet')
    return `Your question doesn’t name an IDEA dimension and there is no diagnostic yet, so I’m starting with the first module you haven’t begun: **${dimensionLabel(dimension)}**.`;
  return null;
}

function languageNote(request: RequestClassification): string | null {
  if (request.language === 'en') return null;
  const language =
    request.language === 'other' ? 'a language other than English' : LANGUAGE_LABELS[request.language];
  return `_You wrote in ${language}: the offline coach answers in English._`;
}

/** Blocks joined, leaving out the last ones (never cutting one) if the reply would be over the limit. */
function joinWithin(blocks: readonly string[]): string {
  const kept: string[] = [];
  let length = 0;
  for (const block of blocks) {
    const added = (kept.length > 0 ? 2 : 0) + block.length;
    if (length + added > REPLY_MAX) break;
    kept.push(block);
    length += added;
  }
  return kept.join('\n\n');
}

function brandSignals(facts: BrandFacts) {
  return {
    diagnostic: facts.diagnostic?.scores ?? null,
    worksheets: Object.fromEntries(
      DIMENSIONS.map((dimension) => [dimension, worksheetStarted(facts, dimension)]),
    ) as Record<Dimension, boolean>,
  };
}

/** Words that ask for a comparison with other brands. */
const COMPARING =
  /\b(?:competitors?|competition|competing|rivals?|versus|vs\.?|compare\w*|comparison|other brands?|alternatives?|than (?:them|others|theirs)|everyone else|stand out from|market leaders?)\b/;

/**
 * The kind of answer to give. The classifier's word model sometimes reads a question as a comparison
 * with competitors when nothing in it compares ("How is my brand doing?"); such a question gets the
 * answer its words do ask for. A message in another language reads to it as off-topic: it gets the
 * where-to-start answer, in English, with a note saying so.
 */
function answeredType(request: RequestClassification, ask: Ask): RequestType {
  if (request.type === 'off-topic' && request.language !== 'en') return 'next-step';
  if (request.type === 'compare-competitors' && !COMPARING.test(ask.lower))
    return conceptIn(ask.message) && !STATUS.test(ask.lower) ? 'explain' : 'next-step';
  return request.type;
}

/** Asking why customers buy, or how to understand them, is about Insight whatever else it says. */
const ABOUT_CUSTOMERS = /\b(?:understand|know|learn|find out)\b.{0,40}\b(?:customers?|buyers?|audience)\b/;

/**
 * The classifier falls back to the brand's weakest (or first empty) dimension when the message names
 * none; a question about why customers buy names Insight in other words, so it keeps that dimension
 * rather than drifting with the brand's data.
 */
function withDimensionHint(request: RequestClassification, lower: string): RequestClassification {
  if (request.evidence === 'message' || request.evidence === 'conversation' || request.type === 'off-topic')
    return request;
  if (WHY_BUY.test(lower) || ABOUT_CUSTOMERS.test(lower))
    return { ...request, dimension: 'insight', evidence: 'message' };
  return request;
}

/** The offline coach's answer to a chat message. */
export function answerChat(question: ChatQuestion, context: AnswerContext): OfflineChatAnswer {
  const message = question.message.trim();
  const history = (question.history ?? []).filter((turn) => turn.content.trim() !== '');
  const facts = readBrand(context);
  const request = withDimensionHint(
    classifyRequest(message, { history, brand: brandSignals(facts) }),
    message.toLowerCase(),
  );
  const quotable = quotablePassages(context);
  const terms = questionTerms(message);
  const ask: Ask = {
    message,
    lower: message.toLowerCase(),
    history,
    request,
    facts,
    passages: quotable.filter((passage) => passage.matches > 0),
    related: quotable.filter((passage) => passage.matches > 0 || labelMatches(passage, terms)),
    all: quotable,
  };
  const type = answeredType(request, ask);
  const lookup = type === 'write-copy' || type === 'customer-insight' ? [] : lookupPassages(ask);
  const draft = lookup.length > 0 ? composeLookup(ask, lookup) : COMPOSERS[type](ask);
  const blocks = [
    languageNote(request),
    lookup.length > 0 ? null : evidenceNote(request, facts, type),
    ...draft.blocks,
  ].filter((block): block is string => Boolean(block));
  const summary: AnswerSummary = {
    type: lookup.length > 0 ? 'explain' : type,
    message,
    dimension: draft.dimension ?? null,
    ...(draft.copy?.kind
      ? {
          copy: {
            kind: draft.copy.kind,
            written: draft.copy.options.length,
            avatar: draft.copy.avatar,
            otherAvatars: draft.copy.otherAvatars,
            shortened: draft.copy.shortened,
          },
        }
      : {}),
    concept: draft.concept?.id ?? null,
    ...(draft.customerFocus ? { customerFocus: draft.customerFocus } : {}),
    gaps: unique(draft.gaps) as DataGap[],
    canWriteCopy: canWriteCopy(facts),
  };
  return {
    reply: joinWithin(blocks),
    followUps: followUpsFor(summary),
    request,
    ...(draft.copy ? { copy: draft.copy } : {}),
    proposals: draft.copy ? copyProposals(draft.copy, request, message, facts) : [],
  };
}

/**
 * A copy answer's options (or its canvas draft) as proposals for the canvas field they belong in:
 * a value proposition or a canvas statement; taglines and the like have no field and propose nothing.
 */
function copyProposals(
  copy: CopyAnswer,
  request: RequestClassification,
  message: string,
  facts: BrandFacts,
): ProposalDraft[] {
  if (!facts.saved) return [];
  if (copy.canvasProposal)
    return proposalsForCopy(
      copy.canvasProposal.field === 'value-proposition' ? 'value-proposition' : 'statement',
      [copy.canvasProposal.text],
      facts.saved,
      message,
    );
  if (copy.options.length === 0) return [];
  return proposalsForCopy(request.copy?.format ?? copy.kind ?? 'copy', copy.options, facts.saved, message);
}
