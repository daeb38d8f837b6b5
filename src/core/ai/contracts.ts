/**
 * Request and answer shapes of every AI coach task. The server validates inputs with these, asks a
 * provider for exactly the output shape (structured output) and validates the answer again; the web
 * app parses responses with the same schemas. Lengths are bounded so one request cannot blow the
 * token budget or the bill.
 */
import { z } from 'zod';
import { CHAT_PROPOSALS_MAX, proposalDraftSchema } from '../coach/proposal-contracts.ts';
import { DIMENSIONS } from '../diagnostic/questionnaire.ts';
import { BANDS } from '../diagnostic/scoring.ts';
import { idParam } from '../http/params.ts';
import { citationSchema } from '../knowledge/contracts.ts';
import { WORKSPACE_AREAS } from '../navigation/workspace-areas.ts';
import { BUYER_INTENT_TERMS_MAX, INTENT_RESEARCH_LIMITS } from '../research/intent-limits.ts';
import { WORKSHEET_TEXT_FIELDS } from '../workspace/worksheet-text-fields.ts';
import { CHAT_MESSAGE_MAX } from './chat-limits.ts';
import {
  CANVAS_SUGGESTION_LIMITS,
  CONTEXTUAL_HELP_QUESTION_MAX,
  INSIGHT_GUIDANCE_NOTES_MAX,
  VALUE_LENS_BRIEF_LIMITS,
} from './input-limits.ts';
import { MAX_REVIEW_CHARACTERS, MAX_REVIEW_LENGTH, MAX_REVIEWS } from './review-limits.ts';

export { MAX_REVIEW_CHARACTERS, MAX_REVIEW_LENGTH, MAX_REVIEWS };

export const AI_TASKS = [
  'chat',
  'insight-guidance',
  'canvas-suggestion',
  'contextual-help',
  'buyer-intent',
  'review-analysis',
  'avatar-voice',
  'value-lens-copy',
  'diagnostic-reading',
] as const;
export type AiTask = (typeof AI_TASKS)[number];

export function isAiTask(value: string): value is AiTask {
  return (AI_TASKS as readonly string[]).includes(value);
}

export const EMOTIONAL_TRIGGERS = [
  'hope',
  'belonging',
  'validation',
  'trust',
  'relief',
  'aspiration',
  'empowerment',
] as const;
export type EmotionalTrigger = (typeof EMOTIONAL_TRIGGERS)[number];

export const BUYER_INTENTS = ['informational', 'commercial', 'transactional', 'navigational'] as const;
export type BuyerIntent = (typeof BUYER_INTENTS)[number];

export const SHOPPER_TYPES = ['cost-sensitive', 'quality-focused', 'conscious', 'connected'] as const;

export const CANVAS_FIELDS = [
  'purpose',
  'vision',
  'mission',
  'values',
  'positioning',
  'value-proposition',
  'tagline',
  'personality',
  'voice',
] as const;
export type CanvasField = (typeof CANVAS_FIELDS)[number];

/**
 * Worksheet fields the field coach can suggest an answer for, by `<worksheet>.<path>`. Naming the
 * field lets the coach build a concrete answer from the owner's saved work (an avatar, the canvas).
 */
export const WORKSHEET_COACH_FIELDS = WORKSHEET_TEXT_FIELDS;
export type WorksheetCoachField = (typeof WORKSHEET_COACH_FIELDS)[number];

export const COPY_FORMATS = [
  'amazon-bullets',
  'product-description',
  'ad-headline',
  'social-caption',
  'email-subject',
  'video-hook',
  'landing-hero',
] as const;
export type CopyFormat = (typeof COPY_FORMATS)[number];

export const COPY_TONES = ['warm', 'confident', 'playful', 'premium', 'plain'] as const;

const text = (max: number) => z.string().trim().min(1, 'Must not be empty').max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();

const dimensionSchema = z.enum(DIMENSIONS);
/**
 * The brand whose saved work a task reads. Every task that reads the workspace takes one; the server
 * checks the user owns it (another user's or a deleted brand is a 404) and reads that brand only.
 */
const brandIdField = idParam('Choose one of your brands');
const areaSchema = z.enum(WORKSPACE_AREAS);
const triggerSchema = z.enum(EMOTIONAL_TRIGGERS);
const actionSchema = z.object({ text: z.string(), area: areaSchema });

// ---------------------------------------------------------------------------------------- inputs

const chatTurnSchema = z.strictObject({
  role: z.enum(['user', 'assistant']),
  content: text(CHAT_MESSAGE_MAX),
});
/** Turns before `history` a request may carry; the coach reads them as a short summary. */
export const CHAT_EARLIER_TURNS_MAX = 60;

export const chatInputSchema = z.strictObject({
  brandId: brandIdField,
  message: text(CHAT_MESSAGE_MAX),
  /** The most recent turns, oldest first; the server trims them further to the token budget. */
  history: z.array(chatTurnSchema).max(20).default([]),
  /**
   * Turns before `history`, oldest first. The prompt carries them (and any history turns the budget
   * drops) only as an extractive summary: the owner's questions and the coach's key recommendations.
   */
  earlier: z.array(chatTurnSchema).max(CHAT_EARLIER_TURNS_MAX).optional(),
});

export const insightGuidanceInputSchema = z.strictObject({
  brandId: brandIdField,
  /** Which IDEA dimension to coach on; defaults to the user's weakest in their latest diagnostic. */
  dimension: dimensionSchema.optional(),
  /** What the user has written so far (a worksheet answer, a draft), coached as data. */
  notes: optionalText(INSIGHT_GUIDANCE_NOTES_MAX),
  /** The worksheet field being coached, so an answer can be suggested from the saved work. */
  field: z.enum(WORKSHEET_COACH_FIELDS).optional(),
});

export const canvasSuggestionInputSchema = z.strictObject({
  brandId: brandIdField,
  field: z.enum(CANVAS_FIELDS),
  currentText: z.string().trim().max(CANVAS_SUGGESTION_LIMITS.currentText).default(''),
  brandName: optionalText(CANVAS_SUGGESTION_LIMITS.brandName),
  audience: optionalText(CANVAS_SUGGESTION_LIMITS.audience),
});

export const contextualHelpInputSchema = z.strictObject({
  brandId: brandIdField,
  area: areaSchema,
  question: optionalText(CONTEXTUAL_HELP_QUESTION_MAX),
  /** The worksheet field the help is for, so an answer can be suggested from the saved work. */
  field: z.enum(WORKSHEET_COACH_FIELDS).optional(),
});

/** A brand name the buyer-intent task treats as navigational (see core/research/brand-names.ts). */
const brandNameText = z
  .string()
  .trim()
  .min(INTENT_RESEARCH_LIMITS.nameMin, `At least ${INTENT_RESEARCH_LIMITS.nameMin} characters`)
  .max(INTENT_RESEARCH_LIMITS.nameMax);

export const buyerIntentInputSchema = z.strictObject({
  terms: z.array(text(INTENT_RESEARCH_LIMITS.termLength)).min(1).max(BUYER_INTENT_TERMS_MAX),
  industry: optionalText(INTENT_RESEARCH_LIMITS.industry),
  /** The owner's own names and their competitors': terms naming them are navigational. */
  brandNames: z
    .strictObject({
      own: z.array(brandNameText).max(INTENT_RESEARCH_LIMITS.ownNames).default([]),
      competitors: z.array(brandNameText).max(INTENT_RESEARCH_LIMITS.competitorNames).default([]),
    })
    .optional(),
});

/** Customer reviews as analysed by `review-analysis` and `avatar-voice`. */
const reviewListSchema = z
  .array(text(MAX_REVIEW_LENGTH))
  .min(1, 'Add at least one review')
  .max(MAX_REVIEWS, `At most ${MAX_REVIEWS} reviews per analysis`)
  .refine((reviews) => reviews.reduce((sum, review) => sum + review.length, 0) <= MAX_REVIEW_CHARACTERS, {
    message: 'At most 60,000 characters of reviews per request',
  });

export const reviewAnalysisInputSchema = z.strictObject({
  reviews: reviewListSchema,
});

/**
 * Voice-of-customer analysis for one avatar: the avatar as a summary (who they are, what they value,
 * fear and want) and the reviews of customers like them. The analysis reads the reviews and checks
 * them against the avatar.
 */
export const avatarVoiceInputSchema = z.strictObject({
  avatar: z.strictObject({
    name: text(80),
    /** Demographics and buying behaviour in a sentence or two. */
    summary: z.string().trim().max(1000).default(''),
    values: z.array(text(60)).max(15).default([]),
    fears: z.array(text(60)).max(15).default([]),
    desires: z.array(text(60)).max(15).default([]),
    triggers: z.array(triggerSchema).max(7).default([]),
  }),
  reviews: reviewListSchema,
});

export const valueLensCopyInputSchema = z.strictObject({
  product: text(VALUE_LENS_BRIEF_LIMITS.product),
  category: optionalText(VALUE_LENS_BRIEF_LIMITS.category),
  features: z.array(text(VALUE_LENS_BRIEF_LIMITS.feature)).min(1).max(VALUE_LENS_BRIEF_LIMITS.features),
  audience: optionalText(VALUE_LENS_BRIEF_LIMITS.audience),
  emotionalPayoff: triggerSchema.optional(),
  tone: z.enum(COPY_TONES).default('warm'),
  format: z.enum(COPY_FORMATS),
  /**
   * The brand canvas and a customer avatar, as the Value Lens gathers them from the user's saved
   * work (the server fills this from items it has checked the user owns).
   */
  context: z
    .strictObject({
      brandName: optionalText(80),
      positioning: optionalText(1000),
      valueProposition: optionalText(1000),
      values: z.array(text(60)).max(12).default([]),
      personality: z.array(text(60)).max(12).default([]),
      voice: optionalText(1000),
      avatar: z
        .strictObject({
          name: text(80),
          description: optionalText(300),
          desires: z.array(text(120)).max(5).default([]),
          fears: z.array(text(120)).max(5).default([]),
          triggers: z.array(triggerSchema).max(7).default([]),
        })
        .optional(),
    })
    .optional(),
});

export const diagnosticReadingInputSchema = z.strictObject({
  brandId: brandIdField,
  /** A specific result of this brand's; defaults to the brand's latest. */
  resultId: idParam().optional(),
});

// --------------------------------------------------------------------------------------- outputs

/**
 * A concrete answer for the worksheet field, built only from what the owner saved elsewhere (an
 * avatar, the canvas). The only coach text that can go into the field ("Use this"); absent when there
 * is none. Tips and questions are advice and never go into the field.
 */
const worksheetSuggestion = z.string().trim().min(1).max(1000).optional();

export const chatOutputSchema = z.object({
  /** Markdown; the web app renders it sanitised. */
  reply: z.string().min(1).max(8000),
  followUps: z.array(z.string().max(200)).max(5),
  /**
   * Edits the coach proposes to the owner's fields (cards with Accept / Edit / Dismiss); written only
   * on Accept. The offline coach proposes for copy requests that fit a field; a provider proposes
   * through the `propose_edit` tool (docs/decisions/0038-coach-tools-and-proposals.md).
   */
  proposals: z.array(proposalDraftSchema).max(CHAT_PROPOSALS_MAX).optional(),
});

export const insightGuidanceOutputSchema = z.object({
  focus: dimensionSchema,
  headline: z.string(),
  explanation: z.string(),
  actions: z.array(actionSchema).max(8),
  questions: z.array(z.string()).max(8),
  suggestion: worksheetSuggestion,
});

export const canvasSuggestionOutputSchema = z.object({
  field: z.enum(CANVAS_FIELDS),
  /** What to improve; shown beside the field, never pasted into it. */
  critique: z.array(z.string()).max(8),
  /**
   * A proposed rewrite the user may accept: their own text improved, or a draft from their saved
   * work. Empty when nothing needs fixing or there is nothing of theirs to build on; never a template
   * with [placeholders] (the web app offers no Accept for one).
   */
  rewrite: z.string().max(2000),
  checklist: z.array(z.string()).max(8),
});

export const contextualHelpOutputSchema = z.object({
  title: z.string(),
  answer: z.string(),
  tips: z.array(z.string()).max(8),
  actions: z.array(actionSchema).max(6),
  suggestion: worksheetSuggestion,
});

export const buyerIntentOutputSchema = z.object({
  results: z.array(
    z.object({
      term: z.string(),
      intent: z.enum(BUYER_INTENTS),
      confidence: z.number().min(0).max(1),
      signals: z.array(z.string()).max(10),
      /** Why, in plain words; answers written before it existed (and some models) leave it out. */
      reason: z.string().max(400).optional(),
    }),
  ),
  counts: z.object({
    informational: z.number().int().min(0),
    commercial: z.number().int().min(0),
    transactional: z.number().int().min(0),
    navigational: z.number().int().min(0),
  }),
  strategy: z.array(z.string()).max(8),
});

const quoteList = z.array(z.string()).max(5);

export const reviewAnalysisOutputSchema = z.object({
  reviewCount: z.number().int().min(0),
  sentiment: z.object({
    positive: z.number().int().min(0),
    neutral: z.number().int().min(0),
    negative: z.number().int().min(0),
  }),
  triggers: z.array(
    z.object({
      trigger: triggerSchema,
      mentions: z.number().int().min(0),
      share: z.number(),
      quotes: quoteList,
    }),
  ),
  topPhrases: z.array(z.object({ phrase: z.string(), count: z.number().int().min(0) })).max(15),
  trustGaps: z.array(z.object({ issue: z.string(), quotes: quoteList })).max(8),
  insights: z.array(z.object({ dimension: dimensionSchema, insight: z.string() })).max(8),
});

const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
/** A verbatim excerpt of one review (a sentence or two), so every finding can be checked. */
const verbatimQuote = z.string().min(1).max(600);

/** The avatar's own tag lists an analysis checks against and suggests additions to. */
export const AVATAR_TAG_FIELDS = ['values', 'fears', 'desires'] as const;
export type AvatarTagField = (typeof AVATAR_TAG_FIELDS)[number];

export const avatarVoiceOutputSchema = z.object({
  reviewCount: z.number().int().min(0).max(MAX_REVIEWS),
  /** How many reviews are positive, neutral and negative overall. */
  sentiment: z.object({
    positive: z.number().int().min(0),
    neutral: z.number().int().min(0),
    negative: z.number().int().min(0),
  }),
  /** What customers talk about, most-mentioned first; count = reviews mentioning it. */
  keyPhrases: z
    .array(
      z.object({
        phrase: z.string().min(1).max(80),
        count: z.number().int().min(0),
        sentiment: z.enum(SENTIMENTS),
      }),
    )
    .max(15),
  triggers: z
    .array(
      z.object({
        trigger: triggerSchema,
        mentions: z.number().int().min(0),
        quotes: z.array(verbatimQuote).max(3),
      }),
    )
    .max(EMOTIONAL_TRIGGERS.length),
  /** Sentences that stand for the set: the strongest of each sentiment, in proportion. */
  quotes: z.array(z.object({ text: verbatimQuote, sentiment: z.enum(SENTIMENTS) })).max(6),
  /** Which of the avatar's values, fears and desires the reviews echo (mentions 0 = not found). */
  echoes: z
    .array(
      z.object({
        field: z.enum(AVATAR_TAG_FIELDS),
        tag: z.string().min(1).max(60),
        mentions: z.number().int().min(0),
        quote: verbatimQuote.nullable(),
      }),
    )
    .max(45),
  /** Tags the reviews suggest adding to the avatar, per list. */
  suggestions: z.object({
    values: z.array(z.string().min(1).max(60)).max(8),
    fears: z.array(z.string().min(1).max(60)).max(8),
    desires: z.array(z.string().min(1).max(60)).max(8),
  }),
  summary: z.array(z.string().min(1).max(400)).max(6),
});
export type VoiceAnalysis = z.output<typeof avatarVoiceOutputSchema>;

export const valueLensCopyOutputSchema = z.object({
  format: z.enum(COPY_FORMATS),
  variants: z.array(z.string()).min(1).max(5),
  notes: z.array(z.string()).max(6),
});

export const diagnosticReadingOutputSchema = z.object({
  overall: z.object({ score: z.number().int(), band: z.enum(BANDS) }),
  summary: z.string(),
  strengths: z.array(z.object({ dimension: dimensionSchema, score: z.number().int(), note: z.string() })),
  priorities: z.array(
    z.object({
      dimension: dimensionSchema,
      score: z.number().int(),
      band: z.enum(BANDS),
      explanation: z.string(),
      actions: z.array(actionSchema),
    }),
  ),
  nextStep: z.string(),
});

export const AI_TASK_SCHEMAS = {
  chat: { input: chatInputSchema, output: chatOutputSchema },
  'insight-guidance': { input: insightGuidanceInputSchema, output: insightGuidanceOutputSchema },
  'canvas-suggestion': { input: canvasSuggestionInputSchema, output: canvasSuggestionOutputSchema },
  'contextual-help': { input: contextualHelpInputSchema, output: contextualHelpOutputSchema },
  'buyer-intent': { input: buyerIntentInputSchema, output: buyerIntentOutputSchema },
  'review-analysis': { input: reviewAnalysisInputSchema, output: reviewAnalysisOutputSchema },
  'avatar-voice': { input: avatarVoiceInputSchema, output: avatarVoiceOutputSchema },
  'value-lens-copy': { input: valueLensCopyInputSchema, output: valueLensCopyOutputSchema },
  'diagnostic-reading': { input: diagnosticReadingInputSchema, output: diagnosticReadingOutputSchema },
} as const satisfies Record<AiTask, { input: z.ZodType; output: z.ZodType }>;

export type AiTaskInput<T extends AiTask> = z.output<(typeof AI_TASK_SCHEMAS)[T]['input']>;
export type AiTaskOutput<T extends AiTask> = z.output<(typeof AI_TASK_SCHEMAS)[T]['output']>;

// ------------------------------------------------------------------------------------- responses

export const AI_NOTICES = ['provider-unavailable', 'spending-cap'] as const;
export type AiNoticeCode = (typeof AI_NOTICES)[number];

export const AI_PROVIDERS = ['offline', 'openai-compatible'] as const;

export const aiMetaSchema = z.object({
  /** `offline` is the built-in coach: deterministic, no network; the UI labels it as such. */
  provider: z.enum(AI_PROVIDERS),
  model: z.string(),
  promptId: z.string(),
  promptVersion: z.number().int(),
  cached: z.boolean(),
  /** Set when the answer came from the offline coach instead of the configured provider. */
  notice: z.object({ code: z.enum(AI_NOTICES), message: z.string() }).nullable(),
  /**
   * The passages of the brand's knowledge the answer cites, numbered as its `[n]` markers (empty when
   * it cites none, and for tasks that read no brand data). Derived by the server from the answer and
   * the passages it was given, never taken from the model (docs/decisions/0035-citation-markers.md).
   */
  citations: z.array(citationSchema),
  /**
   * The AI call ledger row behind the answer, which a thumbs up / down names (ADR 0051). Absent where
   * an answer is shown again from storage (a chat message is rated by its own id instead).
   */
  callId: z.uuid().optional(),
});
export type AiMeta = z.infer<typeof aiMetaSchema>;

export const aiTaskResponseSchema = z.object({
  task: z.enum(AI_TASKS),
  output: z.record(z.string(), z.unknown()),
  meta: aiMetaSchema,
});
export type AiTaskResponse = z.infer<typeof aiTaskResponseSchema>;

export const aiTaskParamsSchema = z.strictObject({ task: z.string().min(1).max(64) });

export const aiUsageSchema = z.object({
  used: z.number().int().min(0),
  limit: z.number().int().min(0),
  remaining: z.number().int().min(0),
  /** Start of the next UTC day, when the count goes back to zero. */
  resetsAt: z.iso.datetime(),
});
export type AiUsage = z.infer<typeof aiUsageSchema>;
