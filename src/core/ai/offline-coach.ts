/**
 * The offline coach: deterministic answers for every task, composed from the IDEA framework
 * knowledge and the user's own data as `CoachContext` carries it (the latest diagnostic, and the
 * chosen brand's worksheets, avatars and canvas). No network, no randomness: the same input and data
 * give the same answer, and different data give a different answer.
 */
import { copyBrandFromSaved, writeCopy } from '../coach/copy-engine.ts';
import { answerChat } from '../coach/offline-answer.ts';
import { guidanceFor } from '../diagnostic/guidance.ts';
import { DIMENSION_LABELS, type Dimension } from '../diagnostic/questionnaire.ts';
import {
  BAND_LABELS,
  type DiagnosticScores,
  dimensionsByWeakness,
  focusDimensions,
} from '../diagnostic/scoring.ts';
import type { WorkspaceArea } from '../navigation/workspace-areas.ts';
import { countOf, hasOrHave } from '../text/plural.ts';
import { hasPlaceholder } from '../workspace/canvas-completion.ts';
import { CANVAS_COMPLETION_KEYS } from '../workspace/canvas-fields.ts';
import { classifyTerms } from './buyer-intent.ts';
import {
  draftCanvasField,
  type ProposalSources,
  reviewCanvasTags,
  reviewCanvasText,
  savedAudience,
} from './canvas-rewrite.ts';
import { type CoachPassage, splitCitationMarkers } from './citations.ts';
import type { AiTask, AiTaskInput, AiTaskOutput, WorksheetCoachField } from './contracts.ts';
import {
  AREA_HELP,
  CANVAS_FIELD_KNOWLEDGE,
  DIMENSION_HEADLINES,
  DIMENSION_KEYWORDS,
  DIMENSION_QUESTIONS_TO_EXPLORE,
  GENERIC_WORDS,
} from './knowledge.ts';
import { worksheetSuggestion } from './worksheet-suggestion.ts';
import type { BrandSummary } from './workspace-context.ts';

/** What the coach knows about the user, gathered by the server's context builder. */
export interface CoachContext {
  diagnostic: { takenAt: string; scores: DiagnosticScores } | null;
  /** The user's brand workspace, when the task reads it. */
  brand?: BrandSummary | null;
  /**
   * Passages of the brand's knowledge retrieved for this request's question, best first, numbered as
   * the answer cites them (`[n]`). The offline coach quotes them verbatim; it never cites anything else.
   */
  passages?: CoachPassage[];
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

// ------------------------------------------------------------------------------------- sources

/** How a quoted passage is introduced: by where the owner put it. */
function quoteIntro(passage: CoachPassage): string {
  if (passage.sourceType === 'document') return 'From your documents';
  if (passage.sourceType === 'diagnostic') return 'From your diagnostic answers';
  return 'From what you wrote';
}

/**
 * The retrieved passages worth quoting, best first: those whose text (not only their label) holds
 * words of the question, minus any `skip` says the answer must not quote back (the field being
 * edited). A quote that itself looks like a citation marker (a document's "[2]" footnote) is left
 * out rather than altered, so every quote stays verbatim and every marker is the coach's own.
 */
function quotable(
  context: CoachContext,
  count: number,
  skip: (passage: CoachPassage) => boolean = () => false,
): CoachPassage[] {
  return (context.passages ?? [])
    .filter(
      (passage) =>
        passage.matches > 0 &&
        passage.quote !== '' &&
        !skip(passage) &&
        !splitCitationMarkers(passage.quote).some((piece) => piece.kind === 'marker'),
    )
    .slice(0, count);
}

/** A passage quoted verbatim with its citation, as plain text (task answers are not Markdown). */
function quoteLine(passage: CoachPassage): string {
  return `${quoteIntro(passage)}: “${passage.quote}” [${passage.n}]`;
}

/** Letters only, lower-cased: `value-proposition`, `valueProposition` and `Value proposition` meet. */
function fieldKey(field: string): string {
  return field.toLowerCase().replace(/[^a-z]/g, '');
}

/** The passage of the very worksheet field being coached (quoting it back tells the owner nothing). */
function isWorksheetField(field: WorksheetCoachField | undefined): (passage: CoachPassage) => boolean {
  if (!field) return () => false;
  const path = fieldKey(field.split('.').slice(1).join('.'));
  return (passage) => passage.sourceType === 'worksheet' && fieldKey(passage.field ?? '') === path;
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
    ...quotable(context, 1, isWorksheetField(input.field)).map(quoteLine),
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
  const quoted = quotable(context, 1, isWorksheetField(input.field)).map(
    (passage) => ` ${quoteLine(passage)}`,
  );
  const answer = `${help.purpose}${personal}${saved}${input.question ? ` ${answerQuestion(input.question, input.area)}` : ''}${quoted.join('')}`;
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
    return `The ${brand.name} canvas has ${brand.canvasFilled} of ${CANVAS_COMPLETION_KEYS.length} fields filled so far.`;
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

/**
 * A first tagline for an empty field: the copy engine's first tagline, written from the rest of the
 * canvas and the first avatar, like the taglines the coach writes in chat. Null with nothing saved.
 */
function draftTagline(sources: ProposalSources): { text: string; origin: string } | null {
  if (!sources.saved) return null;
  const copy = writeCopy({
    format: 'tagline',
    count: 1,
    tone: 'warm',
    brand: copyBrandFromSaved(sources.brandName ?? '', sources.saved),
    surface: 'chat',
  });
  const text = copy.options[0];
  if (!text) return null;
  const builtOn = copy.notes.find((note) => note.startsWith('Built on '));
  return {
    text,
    origin: builtOn ? builtOn.slice('Built on '.length).replace(/\.$/, '') : 'the rest of your canvas',
  };
}

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
    const draft = input.field === 'tagline' ? draftTagline(sources) : draftCanvasField(input.field, sources);
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
  // What the owner wrote elsewhere about this field, quoted — not the canvas field itself.
  for (const passage of quotable(
    context,
    1,
    (candidate) =>
      candidate.sourceType === 'canvas' && fieldKey(candidate.field ?? '') === fieldKey(input.field),
  ))
    critique.push(quoteLine(passage));

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

// ------------------------------------------------------------------------------- value-lens-copy

export { COPY_LIMITS } from './copy-limits.ts';

/**
 * Value Lens copy from the shared copy engine: the brief, plus the canvas and avatar the server put
 * in `context`. Every variant is composed from whole phrases within the format's limit.
 */
export function valueLensCopy(input: AiTaskInput<'value-lens-copy'>): AiTaskOutput<'value-lens-copy'> {
  const context = input.context;
  const copy = writeCopy({
    format: input.format,
    tone: input.tone,
    product: input.product,
    category: input.category,
    features: input.features,
    audience: input.audience,
    payoff: input.emotionalPayoff,
    surface: 'value-lens',
    brand: {
      name: context?.brandName,
      positioning: context?.positioning,
      valueProposition: context?.valueProposition,
      values: context?.values,
      personality: context?.personality,
      voice: context?.voice,
      avatar: context?.avatar ?? null,
    },
  });
  return { format: input.format, variants: copy.options, notes: copy.notes };
}

// ------------------------------------------------------------------------------------------ chat

/**
 * A chat answer: the message is classified and answered from the brand's data by one composer per
 * kind of request (src/core/coach/offline-answer.ts).
 */
export function chatReply(input: AiTaskInput<'chat'>, context: CoachContext): AiTaskOutput<'chat'> {
  const answer = answerChat({ message: input.message, history: input.history }, context);
  return {
    reply: answer.reply,
    followUps: answer.followUps,
    ...(answer.proposals.length > 0 ? { proposals: answer.proposals } : {}),
  };
}

// --------------------------------------------------------------------------------------- routing

/**
 * The tasks whose offline answer reads reviews with the NLP library. They run in a worker thread
 * (offline-review-tasks.ts, server/ai/offline-pool.ts): a few hundred milliseconds of CPU each, and
 * the library's lexicon is ~10 MB of heap that the server's main thread then never loads.
 */
export const REVIEW_TASKS = ['review-analysis', 'avatar-voice'] as const satisfies readonly AiTask[];
export type ReviewTask = (typeof REVIEW_TASKS)[number];
export type InlineTask = Exclude<AiTask, ReviewTask>;

export function isReviewTask(task: AiTask): task is ReviewTask {
  return (REVIEW_TASKS as readonly AiTask[]).includes(task);
}

type OfflineTask<T extends AiTask> = (input: AiTaskInput<T>, context: CoachContext) => AiTaskOutput<T> | null;

/** Every other task's offline answer; `null` means it cannot answer for this user (no diagnostic yet). */
export const OFFLINE_COACH: { [T in InlineTask]: OfflineTask<T> } = {
  chat: chatReply,
  'insight-guidance': insightGuidance,
  'canvas-suggestion': canvasSuggestion,
  'contextual-help': contextualHelp,
  'buyer-intent': (input) => classifyTerms(input.terms, input.industry, input.brandNames),
  'value-lens-copy': (input) => valueLensCopy(input),
  'diagnostic-reading': (_input, context) => diagnosticReading(context),
};

/**
 * Runs a task whose input was already parsed with that task's own schema (the registry guarantees
 * the pairing, which the type system cannot see through a runtime task name).
 */
export function runOfflineCoach(task: InlineTask, input: unknown, context: CoachContext): object | null {
  const answer = OFFLINE_COACH[task] as (input: unknown, context: CoachContext) => object | null;
  return answer(input, context);
}
