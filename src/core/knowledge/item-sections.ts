/**
 * What the owner wrote in the workspace, as knowledge sections: one per filled field of the canvas,
 * the IDEA worksheets, the trigger assessment and each avatar, one per pasted review, and the
 * avatar's review analysis. Generic over the item shapes (a new field is indexed without anyone
 * remembering to), with readable labels for the fields a person would look for.
 */
import { DIMENSION_LABELS, QUESTIONNAIRE_V1 } from '../diagnostic/questionnaire.ts';
import { splitPastedReviews } from '../workspace/avatar-reviews.ts';
import { inPageOrder } from '../workspace/page-order.ts';
import {
  type AssessmentAnswers,
  rankTriggers,
  TRIGGER_ASSESSMENT_QUESTIONS,
  TRIGGER_LABELS,
} from '../workspace/trigger-assessment.ts';
import type { Section } from './chunking.ts';

/** What each indexed item kind is called in a citation. */
export const ITEM_KIND_LABELS: Record<string, string> = {
  canvas: 'Brand canvas',
  insight: 'Insight worksheet',
  distinctive: 'Distinctive worksheet',
  empathetic: 'Empathetic worksheet',
  authentic: 'Authentic worksheet',
  'trigger-assessment': 'Emotional-trigger assessment',
  avatar: 'Avatar',
};

/** Kinds that hold nothing a customer or the coach would search for (progress ticks). */
const NOT_INDEXED = new Set(['learning']);

const FIELD_LABELS: Record<string, string> = {
  valueProposition: 'Value proposition',
  buyerIntent: 'Buyer intent',
  buyerMotivation: 'Buyer motivation',
  emotionalTriggers: 'Emotional triggers',
  triggerNotes: 'Trigger notes',
  shopperType: 'Shopper type',
  shopperNotes: 'Shopper notes',
  feelingBefore: 'Feeling before buying',
  feelingDuring: 'Feeling while buying',
  feelingAfter: 'Feeling after buying',
  decisionFactors: 'Decision factors',
  priceSensitivity: 'Price sensitivity',
  intentType: 'Intent type',
  shoppingStyle: 'Shopping style',
  ageBand: 'Age band',
  incomeBand: 'Income band',
  locationType: 'Location type',
  'voice.reviews': 'Review',
  'voice.analysis': 'Review analysis',
};

function humanise(key: string): string {
  const spaced = key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[-_]/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1).toLowerCase();
}

function fieldLabel(path: string): string {
  const last = path.split('.').at(-1) ?? path;
  return FIELD_LABELS[path] ?? FIELD_LABELS[last] ?? humanise(last);
}

/** Flattens a value to readable text: strings as they are, lists joined, rows as "key: value". */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return '';
  if (Array.isArray(value))
    return value
      .map(textOf)
      .filter(Boolean)
      .join(value.every((item) => typeof item === 'string') ? ', ' : '\n');
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .map(([key, inner]) => {
        const text = textOf(inner);
        return text ? `${fieldLabel(key)}: ${text}` : '';
      })
      .filter(Boolean)
      .join('; ');
  }
  return '';
}

function voiceSections(prefix: string, voice: Record<string, unknown>): Section[] {
  const sections: Section[] = [];
  const reviews = typeof voice.reviews === 'string' ? splitPastedReviews(voice.reviews) : [];
  reviews.forEach((review, index) => {
    sections.push({
      label: `${prefix} · Review ${index + 1}`,
      text: review,
      locator: { field: 'voice.reviews', index },
    });
  });
  const analysis = voice.analysis as { summary?: unknown; quotes?: unknown; keyPhrases?: unknown } | null;
  if (analysis && typeof analysis === 'object') {
    const summary = Array.isArray(analysis.summary)
      ? analysis.summary.filter((line) => typeof line === 'string')
      : [];
    const phrases = Array.isArray(analysis.keyPhrases)
      ? analysis.keyPhrases
          .map((phrase) =>
            phrase && typeof phrase === 'object' ? (phrase as { phrase?: unknown }).phrase : null,
          )
          .filter((phrase): phrase is string => typeof phrase === 'string')
      : [];
    const text = [...summary, phrases.length > 0 ? `Customers talk about: ${phrases.join(', ')}.` : '']
      .filter(Boolean)
      .join('\n');
    if (text)
      sections.push({ label: `${prefix} · Review analysis`, text, locator: { field: 'voice.analysis' } });
  }
  return sections;
}

/**
 * The sections of one saved item. `title` names the item where the kind alone is ambiguous (an
 * avatar's name). Empty fields give no section.
 */
export function itemSections(kind: string, data: Record<string, unknown>, title?: string): Section[] {
  if (NOT_INDEXED.has(kind)) return [];
  const kindLabel = ITEM_KIND_LABELS[kind] ?? humanise(kind);
  const prefix = title ? `${kindLabel} ${title}` : kindLabel;
  const sections: Section[] = [];
  const visit = (value: unknown, path: string) => {
    if (path === 'voice' && value && typeof value === 'object' && !Array.isArray(value)) {
      sections.push(...voiceSections(prefix, value as Record<string, unknown>));
      return;
    }
    // Nested groups (an avatar's demographics, psychology…) are indexed field by field.
    if (
      value &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      path.split('.').length < 2 &&
      kind === 'avatar'
    ) {
      for (const [key, inner] of Object.entries(value)) visit(inner, path ? `${path}.${key}` : key);
      return;
    }
    const text = textOf(value);
    if (!text) return;
    sections.push({ label: `${prefix} · ${fieldLabel(path)}`, text, locator: { field: path } });
  };
  // Page order, so the sections (and their passages' places) are the same however the fields arrive.
  for (const [key, value] of Object.entries(inPageOrder(kind, data))) {
    if (kind === 'avatar' && key === 'name') continue;
    if (kind === 'trigger-assessment') continue;
    visit(value, key);
  }
  if (kind === 'trigger-assessment') sections.push(...assessmentSections(prefix, data));
  return sections.map((section) => ({ ...section, locator: { kind, ...section.locator } }));
}

/** The assessment is answers to fixed questions: index each chosen answer with its question. */
function assessmentSections(prefix: string, data: Record<string, unknown>): Section[] {
  const answers = (data.answers && typeof data.answers === 'object' ? data.answers : {}) as AssessmentAnswers;
  const lines = TRIGGER_ASSESSMENT_QUESTIONS.flatMap((question) => {
    const option = question.options[answers[question.id] ?? -1];
    return option ? [`${question.prompt} ${option.label}`] : [];
  });
  if (lines.length === 0) return [];
  const top = rankTriggers(answers)
    .filter((ranked) => ranked.points > 0)
    .slice(0, 3)
    .map((ranked) => TRIGGER_LABELS[ranked.trigger]);
  return [
    {
      label: `${prefix} · Answers`,
      text: [...lines, `Strongest triggers: ${top.join(', ')}.`].join('\n'),
      locator: { field: 'answers' },
    },
  ];
}

/** A diagnostic result as one section: each chosen statement under its dimension, and the scores. */
export function diagnosticSections(result: {
  createdAt: string;
  overall: number;
  answers: Record<string, number>;
}): Section[] {
  const lines = QUESTIONNAIRE_V1.questions.flatMap((question) => {
    const option = question.options.find((candidate) => candidate.value === result.answers[question.id]);
    return option ? [`${DIMENSION_LABELS[question.dimension]} — ${question.prompt} ${option.label}`] : [];
  });
  const date = result.createdAt.slice(0, 10);
  return [
    {
      label: `Diagnostic ${date}`,
      text: [`IDEA diagnostic taken ${date}, overall ${result.overall}/100.`, ...lines].join('\n'),
      locator: {},
    },
  ];
}
