/**
 * The offline coach: deterministic answers for every task, composed from the IDEA framework
 * knowledge and the user's own data as `CoachContext` carries it (the latest diagnostic, and the
 * chosen brand's worksheets, avatars and canvas). No network, no randomness: the same input and data
 * give the same answer, and different data give a different answer.
 */
import { guidanceFor } from '../diagnostic/guidance.ts';
import { DIMENSION_LABELS, DIMENSIONS, type Dimension } from '../diagnostic/questionnaire.ts';
import {
  BAND_LABELS,
  type DiagnosticScores,
  dimensionsByWeakness,
  focusDimensions,
} from '../diagnostic/scoring.ts';
import { WORKSPACE_AREA_LABELS, WORKSPACE_AREAS, type WorkspaceArea } from '../navigation/workspace-areas.ts';
import { countOf, hasOrHave } from '../text/plural.ts';
import { hasPlaceholder } from '../workspace/canvas-completion.ts';
import { classifyTerms } from './buyer-intent.ts';
import {
  draftCanvasField,
  type ProposalSources,
  reviewCanvasTags,
  reviewCanvasText,
  savedAudience,
} from './canvas-rewrite.ts';
import type { AiTask, AiTaskInput, AiTaskOutput } from './contracts.ts';
import { COPY_LIMITS, clipCopy } from './copy-limits.ts';
import {
  AREA_HELP,
  CANVAS_FIELD_KNOWLEDGE,
  DIMENSION_HEADLINES,
  DIMENSION_KEYWORDS,
  DIMENSION_QUESTIONS_TO_EXPLORE,
  GENERIC_WORDS,
  TRIGGER_KNOWLEDGE,
} from './knowledge.ts';
import { analyseReviews } from './review-analysis.ts';
import { analyseVoiceOfCustomer } from './voice-of-customer.ts';
import { worksheetSuggestion } from './worksheet-suggestion.ts';
import { type BrandSummary, workspaceNoteFor } from './workspace-context.ts';

/** What the coach knows about the user, gathered by the server's context builder. */
export interface CoachContext {
  diagnostic: { takenAt: string; scores: DiagnosticScores } | null;
  /** The user's brand workspace, when the task reads it. */
  brand?: BrandSummary | null;
}

export const EMPTY_CONTEXT: CoachContext = { diagnostic: null };

type Action = { text: string; area: WorkspaceArea };

function weakest(context: CoachContext): Dimension | null {
  if (!context.diagnostic) return null;
  return dimensionsByWeakness(context.diagnostic.scores)[0]?.dimension ?? null;
}

function bandOf(context: CoachContext, dimension: Dimension) {
  return context.diagnostic?.scores.dimensions[dimension].band ?? null;
}

function scoreLine(context: CoachContext, dimension: Dimension): string | null {
  const entry = context.diagnostic?.scores.dimensions[dimension];
  if (!entry) return null;
  return `${DIMENSION_LABELS[dimension]} scored ${entry.score}/100 (${BAND_LABELS[entry.band]}) in your latest diagnostic.`;
}

// ---------------------------------------------------------------------------- diagnostic-reading

export function diagnosticReading(context: CoachContext): AiTaskOutput<'diagnostic-reading'> | null {
  if (!context.diagnostic) return null;
  const { scores } = context.diagnostic;
  const ranked = dimensionsByWeakness(scores);
  const focus = focusDimensions(scores);
  const focusSet = new Set(focus.map((entry) => entry.dimension));
  const strengths = [...ranked]
    .reverse()
    .filter((entry) => !focusSet.has(entry.dimension) && entry.score >= 60)
    .map((entry) => ({
      dimension: entry.dimension,
      score: entry.score,
      note: `${DIMENSION_LABELS[entry.dimension]} is ${BAND_LABELS[entry.band].toLowerCase()}: ${guidanceFor(entry.dimension, entry.band).explanation}`,
    }));
  const priorities = focus.map((entry) => {
    const guidance = guidanceFor(entry.dimension, entry.band);
    return {
      dimension: entry.dimension,
      score: entry.score,
      band: entry.band,
      explanation: guidance.explanation,
      actions: guidance.actions.map((action) => ({ text: action.text, area: action.area })),
    };
  });
  const [first] = priorities;
  const strongest = ranked[ranked.length - 1];
  const summary = [
    `Your brand scores ${scores.overall}/100 overall (${BAND_LABELS[scores.overallBand]}).`,
    strongest && strongest.score >= 60
      ? `Your strongest dimension is ${DIMENSION_LABELS[strongest.dimension]} (${strongest.score}).`
      : 'No dimension is yet a clear strength, so small steady improvements will show quickly.',
    first
      ? `Work on ${focus.map((entry) => DIMENSION_LABELS[entry.dimension]).join(' and ')} first: it holds back the trust the other dimensions build.`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    overall: { score: scores.overall, band: scores.overallBand },
    summary,
    strengths,
    priorities,
    nextStep:
      first?.actions[0]?.text ?? 'Keep your strengths current and re-take the diagnostic in three months.',
  };
}

// ------------------------------------------------------------------------------ insight-guidance

export function insightGuidance(
  input: AiTaskInput<'insight-guidance'>,
  context: CoachContext,
): AiTaskOutput<'insight-guidance'> {
  const focus = input.dimension ?? weakest(context) ?? 'insight';
  // Without a diagnostic, coach as for a brand that is still developing; say so in the explanation.
  const band = bandOf(context, focus) ?? 'developing';
  const guidance = guidanceFor(focus, band);
  const why = input.dimension
    ? `You asked about ${DIMENSION_LABELS[focus]}.`
    : context.diagnostic
      ? `${DIMENSION_LABELS[focus]} is your weakest dimension, so it is where effort pays off first.`
      : 'You have not taken the diagnostic yet, so this is general guidance; take it for advice based on your scores.';
  const explanation = [
    why,
    scoreLine(context, focus),
    guidance.explanation,
    context.brand ? brandNote(context.brand, focus) : null,
    notesFeedback(input.notes, focus),
  ]
    .filter(Boolean)
    .join(' ');
  const suggestion = worksheetSuggestion(input.field, context.brand?.saved);
  return {
    focus,
    headline: DIMENSION_HEADLINES[focus],
    explanation,
    actions: guidance.actions.map((action) => ({ text: action.text, area: action.area })),
    questions: [...DIMENSION_QUESTIONS_TO_EXPLORE[focus]],
    ...(suggestion ? { suggestion } : {}),
  };
}

/** Concrete feedback on what the user wrote: evidence, specificity and customer focus. */
function notesFeedback(notes: string | undefined, focus: Dimension): string | null {
  if (!notes) return null;
  const lower = notes.toLowerCase();
  const remarks: string[] = [];
  const wordCount = notes.split(/\s+/).filter(Boolean).length;
  if (wordCount < 15) remarks.push('Your notes are brief: add one real example or customer quote.');
  if (!/\d/.test(notes) && !/["“”]/.test(notes))
    remarks.push(
      'Nothing in your notes is evidence yet (a number, a quote): add some so decisions rest on facts.',
    );
  const generic = GENERIC_WORDS.filter((word) => new RegExp(`\\b${word}\\b`).test(lower));
  if (generic.length > 0)
    remarks.push(
      `Words like ${generic.map((word) => `"${word}"`).join(', ')} could describe any brand; say what is specific to you.`,
    );
  const related = DIMENSION_KEYWORDS[focus].filter((word) => lower.includes(word));
  if (related.length === 0)
    remarks.push(
      `Your notes do not yet touch ${DIMENSION_LABELS[focus]} directly; answer the questions below.`,
    );
  return remarks.length > 0
    ? `On your notes: ${remarks.join(' ')}`
    : 'Your notes are specific and evidence-based: build on them.';
}

// ------------------------------------------------------------------------------- contextual-help

export function contextualHelp(
  input: AiTaskInput<'contextual-help'>,
  context: CoachContext,
): AiTaskOutput<'contextual-help'> {
  const help = AREA_HELP[input.area];
  // The diagnostic actions that point at this area, for the user's own bands (weakest first).
  const ranked = context.diagnostic ? dimensionsByWeakness(context.diagnostic.scores) : [];
  const actions: Action[] = [];
  for (const entry of ranked) {
    for (const action of guidanceFor(entry.dimension, entry.band).actions) {
      if (action.area === input.area && actions.length < 3)
        actions.push({ text: action.text, area: action.area });
    }
  }
  const personal =
    actions.length > 0 && ranked[0]
      ? ` Given your diagnostic (weakest: ${DIMENSION_LABELS[ranked[0].dimension]}, ${ranked[0].score}/100), start with: ${actions[0]?.text}`
      : context.diagnostic
        ? ''
        : ' Take the diagnostic to see how this area fits your priorities.';
  const note = context.brand ? brandAreaNote(context.brand, input.area) : '';
  const saved = note ? ` ${note}` : '';
  const answer = `${help.purpose}${personal}${saved}${input.question ? ` ${answerQuestion(input.question, input.area)}` : ''}`;
  const suggestion = worksheetSuggestion(input.field, context.brand?.saved);
  return { title: help.title, answer, tips: [...help.tips], actions, ...(suggestion ? { suggestion } : {}) };
}

/** What the user has saved for one dimension, in plain text (the task answers are not Markdown). */
function brandNote(brand: BrandSummary, dimension: Dimension): string {
  return `From your ${brand.name} workspace: ${brand.notes[dimension]}`;
}

const AREA_DIMENSION: Partial<Record<WorkspaceArea, Dimension>> = {
  'insight-module': 'insight',
  'distinctive-module': 'distinctive',
  'empathetic-module': 'empathetic',
  'authentic-module': 'authentic',
};

/** What the user has saved that bears on this area of the workspace. */
function brandAreaNote(brand: BrandSummary, area: WorkspaceArea): string {
  const dimension = AREA_DIMENSION[area];
  if (dimension) return brandNote(brand, dimension);
  if (area === 'brand-canvas')
    return `The ${brand.name} canvas has ${brand.canvasFilled} of 8 fields filled so far.`;
  if (area === 'avatars')
    return brand.avatarNames.length > 0
      ? `${brand.name} has ${countOf(brand.avatarNames.length, 'avatar')} so far: ${brand.avatarNames.join(', ')}.`
      : `${brand.name} has no customer avatar yet.`;
  return '';
}

/** Points a free question to the closest tip; honest when the offline coach cannot tell. */
function answerQuestion(question: string, area: WorkspaceArea): string {
  const words = new Set(question.toLowerCase().match(/[a-z]+/g) ?? []);
  const tips = AREA_HELP[area].tips;
  let best: { tip: string; overlap: number } | null = null;
  for (const tip of tips) {
    const overlap = (tip.toLowerCase().match(/[a-z]+/g) ?? []).filter(
      (word) => word.length > 3 && words.has(word),
    ).length;
    if (overlap > 0 && (!best || overlap > best.overlap)) best = { tip, overlap };
  }
  return best
    ? `On your question: ${best.tip}`
    : 'The offline coach answers from the framework guide only; for this specific question, the tips below are the closest guidance.';
}

// ----------------------------------------------------------------------------- canvas-suggestion

export function canvasSuggestion(
  input: AiTaskInput<'canvas-suggestion'>,
  context: CoachContext,
): AiTaskOutput<'canvas-suggestion'> {
  const field = CANVAS_FIELD_KNOWLEDGE[input.field];
  const current = input.currentText.trim();
  const saved = context.brand?.saved ?? null;
  const sources: ProposalSources = {
    brandName: input.brandName ?? context.brand?.name ?? null,
    audience: input.audience ?? savedAudience(saved),
    saved,
  };
  const critique: string[] = [];
  let rewrite = '';
  if (!current) {
    const draft = draftCanvasField(input.field, sources);
    if (draft) {
      critique.push(
        `The ${field.label.toLowerCase()} is empty. The draft below is built from ${draft.origin}: make it your own before you accept it.`,
      );
      rewrite = draft.text;
    } else {
      critique.push(`The ${field.label.toLowerCase()} is empty. ${field.question}`);
    }
  } else if (input.field === 'values' || input.field === 'personality') {
    const review = reviewCanvasTags(input.field, current, saved);
    if (review.generic.length > 0)
      critique.push(
        `${review.generic.map((tag) => `"${tag}"`).join(', ')} could describe any brand; choose ${input.field === 'values' ? 'values that rule something out' : 'traits a customer would notice'}.`,
      );
    if (input.field === 'values') {
      const unproven = valuesWithoutProof(current, saved);
      if (unproven.length > 0)
        critique.push(
          `${unproven.join(', ')} ${hasOrHave(unproven.length)} no proof point yet: add a decision, practice or number for each in the Authentic worksheet.`,
        );
    }
    rewrite = review.rewrite;
  } else {
    const review = reviewCanvasText(input.field, current, sources, field, GENERIC_WORDS);
    critique.push(...review.problems);
    rewrite = review.rewrite;
  }
  const focus = weakest(context);
  if (focus === 'distinctive' && (input.field === 'positioning' || input.field === 'value-proposition'))
    critique.push(
      'Your diagnostic shows Distinctive as your weakest dimension: put the difference in the first sentence.',
    );
  if (
    focus === 'authentic' &&
    (input.field === 'values' || input.field === 'voice' || input.field === 'purpose')
  )
    critique.push(
      'Your diagnostic shows Authentic as your weakest dimension: make this field provable and consistent.',
    );
  if (focus === 'empathetic' && (input.field === 'value-proposition' || input.field === 'voice'))
    critique.push(
      'Your diagnostic shows Empathetic as your weakest dimension: speak to the feeling customers want.',
    );
  if (critique.length === 0)
    critique.push('This reads clearly. Check it against the list below and keep it unchanged for a while.');

  return {
    field: input.field,
    critique: critique.slice(0, 8),
    // Whatever the owner saved, a proposal never carries a [placeholder] to fill in.
    rewrite: hasPlaceholder(rewrite) ? '' : rewrite,
    checklist: [...field.checklist],
  };
}

/** The canvas values that have no proof point in the Authentic worksheet. */
function valuesWithoutProof(current: string, saved: BrandSummary['saved'] | null): string[] {
  const proven = new Set(
    (saved?.authentic?.values ?? [])
      .filter((row) => row.proof.trim())
      .map((row) => row.value.trim().toLowerCase()),
  );
  return current
    .split(/,|;|\n/)
    .map((value) => value.trim())
    .filter((value) => value && !proven.has(value.toLowerCase()));
}

// ---------------------------------------------------------------------------------- avatar-voice

export function avatarVoice(input: AiTaskInput<'avatar-voice'>): AiTaskOutput<'avatar-voice'> {
  return analyseVoiceOfCustomer(input);
}

// ------------------------------------------------------------------------------- value-lens-copy

export { COPY_LIMITS } from './copy-limits.ts';

/** Shortens a variant to the format's limit (see copy-limits.ts). */
const clip = clipCopy;

function sentenceCase(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

export function valueLensCopy(input: AiTaskInput<'value-lens-copy'>): AiTaskOutput<'value-lens-copy'> {
  const { product, features, format, tone } = input;
  const brand = input.context;
  // Saved brand context fills what the form left open: the avatar is the audience, and its first
  // emotional trigger the payoff.
  const payoffTrigger = input.emotionalPayoff ?? brand?.avatar?.triggers[0];
  const trigger = payoffTrigger ? TRIGGER_KNOWLEDGE[payoffTrigger] : null;
  const audience = input.audience ?? brand?.avatar?.name ?? 'you';
  const [lead = product, second, third] = features;
  const payoff = trigger ? trigger.meaning : 'a better everyday';
  const opener = {
    warm: 'Made for',
    confident: 'Built for',
    playful: 'Hello,',
    premium: 'Crafted for',
    plain: 'For',
  }[tone];
  const limit = COPY_LIMITS[format];
  let variants: string[];
  switch (format) {
    case 'amazon-bullets':
      variants = features.slice(0, 5).map((feature, index) => {
        const benefit = index === 0 && trigger ? ` — ${payoff}` : '';
        return clip(
          `${sentenceCase(feature).toUpperCase().split(' ').slice(0, 3).join(' ')}: ${sentenceCase(feature)}${benefit}.`,
          limit,
        );
      });
      break;
    case 'product-description':
      variants = [
        clip(
          `${opener} ${audience}: ${product}${input.category ? `, the ${input.category}` : ''} that brings ${payoff}. ${features.map((feature) => sentenceCase(feature)).join('. ')}.${brand?.valueProposition ? ` ${brand.valueProposition}` : ''}`,
          limit,
        ),
      ];
      break;
    case 'ad-headline':
      variants = [
        clip(`${product}: ${lead}`, limit),
        clip(`${sentenceCase(lead)}, finally`, limit),
        clip(product, limit),
      ];
      break;
    case 'social-caption':
      variants = [
        clip(
          `${sentenceCase(lead)}. ${second ? `${sentenceCase(second)}. ` : ''}${product} — ${opener.toLowerCase()} ${audience}.`,
          limit,
        ),
        clip(`What if ${lead.toLowerCase()} came with ${payoff}? Meet ${product}.`, limit),
      ];
      break;
    case 'email-subject':
      variants = [
        clip(`${sentenceCase(lead)} with ${product}`, limit),
        clip(`${opener} ${audience}: ${product}`, limit),
      ];
      break;
    case 'video-hook':
      variants = [
        clip(`Stop scrolling if you want ${lead.toLowerCase()}.`, limit),
        clip(`${product} in 10 seconds: ${lead}.`, limit),
      ];
      break;
    case 'landing-hero':
      variants = [
        clip(
          `${sentenceCase(lead)}${third ? `, ${third.toLowerCase()}` : ''}. ${product}, ${opener.toLowerCase()} ${audience}.`,
          limit,
        ),
      ];
      break;
  }
  const notes = [
    `Each variant respects the ${format} limit of ${limit} characters.`,
    trigger
      ? `Built around ${trigger.label}: ${trigger.copyAngle}.`
      : 'Choose an emotional payoff to give the copy a clear feeling to aim for.',
    ...(brand && (brand.personality.length > 0 || brand.voice)
      ? [
          `Check it against your canvas voice${brand.personality.length > 0 ? ` (${brand.personality.join(', ')})` : ''}${brand.voice ? `: ${clip(brand.voice, 120)}` : '.'}`,
        ]
      : []),
    ...(brand?.avatar && !input.audience ? [`Written for your avatar ${brand.avatar.name}.`] : []),
    'Written by the offline coach from your inputs: edit it into your own voice before publishing.',
  ];
  return { format, variants, notes: notes.slice(0, 6) };
}

// ------------------------------------------------------------------------------------------ chat

/** Which dimension (and workspace area) a free-text message is about, by keyword overlap. */
export function topicOf(message: string): { dimension: Dimension | null; area: WorkspaceArea | null } {
  const lower = message.toLowerCase();
  let best: { dimension: Dimension; hits: number } | null = null;
  for (const dimension of DIMENSIONS) {
    const hits = DIMENSION_KEYWORDS[dimension].filter((word) => lower.includes(word)).length;
    if (hits > 0 && (!best || hits > best.hits)) best = { dimension, hits };
  }
  const area =
    WORKSPACE_AREAS.find((candidate) => lower.includes(WORKSPACE_AREA_LABELS[candidate].toLowerCase())) ??
    (/\breviews?\b/.test(lower)
      ? 'review-analyzer'
      : /\b(keyword|search term|seo)\b/.test(lower)
        ? 'buyer-intent'
        : null);
  return { dimension: best?.dimension ?? null, area };
}

export function chatReply(input: AiTaskInput<'chat'>, context: CoachContext): AiTaskOutput<'chat'> {
  const topic = topicOf(input.message);
  const focus = topic.dimension ?? weakest(context) ?? 'insight';
  const band = bandOf(context, focus) ?? 'developing';
  const guidance = guidanceFor(focus, band);
  const paragraphs: string[] = [];
  if (topic.dimension) {
    paragraphs.push(
      `That is a question about **${DIMENSION_LABELS[focus]}** — ${DIMENSION_HEADLINES[focus].toLowerCase()}.`,
    );
  } else if (context.diagnostic) {
    paragraphs.push(
      `I will answer with your weakest dimension in mind, **${DIMENSION_LABELS[focus]}**, because that is where effort pays off first.`,
    );
  } else {
    paragraphs.push(
      'Here is where most brands get the biggest return: knowing why customers buy (**Insight**).',
    );
  }
  const line = scoreLine(context, focus);
  paragraphs.push([line, guidance.explanation].filter(Boolean).join(' '));
  paragraphs.push(
    [
      '**What to do next:**',
      ...guidance.actions.map((action) => `- ${action.text} (${WORKSPACE_AREA_LABELS[action.area]})`),
    ].join('\n'),
  );
  if (context.brand) paragraphs.push(workspaceNoteFor(context.brand, focus));
  if (topic.area) {
    const help = AREA_HELP[topic.area];
    paragraphs.push(`**${help.title}:** ${help.purpose}`);
  }
  if (!context.diagnostic)
    paragraphs.push('_Take the IDEA diagnostic so I can tailor this advice to your scores._');
  const followUps = DIMENSION_QUESTIONS_TO_EXPLORE[focus].slice(0, 2).map(String);
  followUps.push(`What does a strong ${DIMENSION_LABELS[focus]} brand do differently?`);
  return { reply: paragraphs.join('\n\n'), followUps };
}

// --------------------------------------------------------------------------------------- routing

type OfflineTask<T extends AiTask> = (input: AiTaskInput<T>, context: CoachContext) => AiTaskOutput<T> | null;

/** Every task's offline answer; `null` means it cannot answer for this user (no diagnostic yet). */
export const OFFLINE_COACH: { [T in AiTask]: OfflineTask<T> } = {
  chat: chatReply,
  'insight-guidance': insightGuidance,
  'canvas-suggestion': canvasSuggestion,
  'contextual-help': contextualHelp,
  'buyer-intent': (input) => classifyTerms(input.terms, input.industry),
  'review-analysis': (input) => analyseReviews(input.reviews),
  'avatar-voice': (input) => avatarVoice(input),
  'value-lens-copy': (input) => valueLensCopy(input),
  'diagnostic-reading': (_input, context) => diagnosticReading(context),
};

/**
 * Runs a task whose input was already parsed with that task's own schema (the registry guarantees
 * the pairing, which the type system cannot see through a runtime task name).
 */
export function runOfflineCoach(task: AiTask, input: unknown, context: CoachContext): object | null {
  const answer = OFFLINE_COACH[task] as (input: unknown, context: CoachContext) => object | null;
  return answer(input, context);
}
