/**
 * The emotional-trigger assessment: five questions about the brand's customers. Every option points
 * to two of the seven triggers; the result is each trigger's share of all the points given, highest
 * first. Only the answers are stored (the `trigger-assessment` item); the ranking is always derived
 * here, so a change to the wording can never leave a stale result behind.
 */
// Type-only: this module is imported by pages, and the contracts module carries zod with it.
import type { EmotionalTrigger } from '../ai/contracts.ts';

/** Every trigger (the Record type makes a missing or unknown one a compile error), in canonical order. */
export const TRIGGER_LABELS: Record<EmotionalTrigger, string> = {
  hope: 'Hope',
  belonging: 'Belonging',
  validation: 'Validation',
  trust: 'Trust',
  relief: 'Relief',
  aspiration: 'Aspiration',
  empowerment: 'Empowerment',
};

/** The seven triggers in canonical order (the order of EMOTIONAL_TRIGGERS; a unit test holds them together). */
export const TRIGGERS = Object.keys(TRIGGER_LABELS) as EmotionalTrigger[];

/** One line per trigger, for people who meet the vocabulary for the first time. */
export const TRIGGER_DESCRIPTIONS: Record<EmotionalTrigger, string> = {
  hope: 'The belief that things can get better.',
  belonging: 'Feeling part of a group of people like them.',
  validation: 'Being recognised, approved of, seen as making a good choice.',
  trust: 'Confidence that the brand will do what it says.',
  relief: 'A worry or a hassle taken off their mind.',
  aspiration: 'Moving closer to the person they want to become.',
  empowerment: 'Feeling capable and in control.',
};

export interface AssessmentOption {
  label: string;
  triggers: readonly [EmotionalTrigger, EmotionalTrigger];
}

export interface AssessmentQuestion {
  /** Stable: stored answers are keyed by it. */
  id: string;
  prompt: string;
  options: readonly AssessmentOption[];
}

// Across all twenty options every trigger appears five or six times, so no trigger wins by design.
export const TRIGGER_ASSESSMENT_QUESTIONS = [
  {
    id: 'first-look',
    prompt: 'When your customers start looking for something like what you sell, what are they mostly after?',
    options: [
      { label: 'A sign that things can get better for them', triggers: ['hope', 'aspiration'] },
      { label: 'Something people like them already use and rate', triggers: ['belonging', 'validation'] },
      { label: 'Something that simply works and will not let them down', triggers: ['trust', 'relief'] },
      { label: 'A way to do more by themselves', triggers: ['empowerment', 'aspiration'] },
    ],
  },
  {
    id: 'worry',
    prompt: 'What worries them most just before they buy?',
    options: [
      { label: 'Paying for something that turns out not to work', triggers: ['trust', 'relief'] },
      { label: 'Making a choice others would look down on', triggers: ['validation', 'belonging'] },
      { label: 'Missing a chance to improve their situation', triggers: ['hope', 'aspiration'] },
      { label: 'Having to depend on someone else to get it done', triggers: ['empowerment', 'relief'] },
    ],
  },
  {
    id: 'after-purchase',
    prompt: 'At its best, how do they feel right after buying from you?',
    options: [
      { label: 'Relieved that a problem is handled', triggers: ['relief', 'trust'] },
      { label: 'Proud, and noticed for a good choice', triggers: ['validation', 'aspiration'] },
      { label: 'Welcomed into a community', triggers: ['belonging', 'trust'] },
      { label: 'Capable and in control', triggers: ['empowerment', 'hope'] },
    ],
  },
  {
    id: 'word-of-mouth',
    prompt: 'Which sentence would they most likely say to a friend about you?',
    options: [
      { label: '“This finally sorted it out for me.”', triggers: ['relief', 'empowerment'] },
      { label: '“Everyone in our circle loves it.”', triggers: ['belonging', 'validation'] },
      { label: '“It is the kind of brand I want to be seen with.”', triggers: ['aspiration', 'hope'] },
      { label: '“They have never once let me down.”', triggers: ['trust', 'belonging'] },
    ],
  },
  {
    id: 'return',
    prompt: 'What brings them back a second time?',
    options: [
      { label: 'They know exactly what they will get', triggers: ['trust', 'relief'] },
      {
        label: 'Each purchase moves them towards who they want to be',
        triggers: ['aspiration', 'empowerment'],
      },
      { label: 'They feel seen and appreciated by you', triggers: ['validation', 'belonging'] },
      { label: 'It keeps their optimism going', triggers: ['hope', 'empowerment'] },
    ],
  },
] as const satisfies readonly AssessmentQuestion[];

export type AssessmentQuestionId = (typeof TRIGGER_ASSESSMENT_QUESTIONS)[number]['id'];
export const ASSESSMENT_QUESTION_IDS = TRIGGER_ASSESSMENT_QUESTIONS.map((question) => question.id) as [
  AssessmentQuestionId,
  ...AssessmentQuestionId[],
];

/** Option index chosen per question id; unanswered questions are absent. */
export type AssessmentAnswers = Partial<Record<string, number>>;

export interface RankedTrigger {
  trigger: EmotionalTrigger;
  /** How many answered options pointed to it. */
  points: number;
  /** Its share of all points given, 0–1. */
  share: number;
}

function chosenOption(question: AssessmentQuestion, answers: AssessmentAnswers): AssessmentOption | null {
  const index = answers[question.id];
  if (index === undefined || !Number.isInteger(index)) return null;
  return question.options[index] ?? null;
}

/** How many of the questions have a valid answer. */
export function answeredCount(answers: AssessmentAnswers): number {
  return TRIGGER_ASSESSMENT_QUESTIONS.filter((question) => chosenOption(question, answers) !== null).length;
}

export function isAssessmentComplete(answers: AssessmentAnswers): boolean {
  return answeredCount(answers) === TRIGGER_ASSESSMENT_QUESTIONS.length;
}

/**
 * All seven triggers ranked by their share of the points (each answered question gives one point to
 * each of its option's two triggers). Ties keep the canonical trigger order so the ranking is
 * stable. Unknown question ids and out-of-range options are ignored; with no answers every share is 0.
 */
export function rankTriggers(answers: AssessmentAnswers): RankedTrigger[] {
  const points = new Map<EmotionalTrigger, number>(TRIGGERS.map((trigger) => [trigger, 0]));
  let total = 0;
  for (const question of TRIGGER_ASSESSMENT_QUESTIONS) {
    const option = chosenOption(question, answers);
    if (!option) continue;
    for (const trigger of option.triggers) {
      points.set(trigger, (points.get(trigger) ?? 0) + 1);
      total += 1;
    }
  }
  return TRIGGERS.map((trigger, order) => ({ trigger, order, points: points.get(trigger) ?? 0 }))
    .sort((a, b) => b.points - a.points || a.order - b.order)
    .map(({ trigger, points: count }) => ({
      trigger,
      points: count,
      share: total === 0 ? 0 : count / total,
    }));
}

/** The triggers that lead: every trigger tied for the highest share (none when nothing is answered). */
export function leadingTriggers(ranking: readonly RankedTrigger[]): EmotionalTrigger[] {
  const top = ranking[0]?.points ?? 0;
  if (top === 0) return [];
  return ranking.filter((entry) => entry.points === top).map((entry) => entry.trigger);
}
