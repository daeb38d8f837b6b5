/**
 * The question of a coach request: what the brand's knowledge is searched for before answering. One
 * function for every task, so what each task retrieves is decided in one place — a chat turn asks its
 * message (with the previous question, for "and what about…?" follow-ups), field help asks about the
 * field and what is in it, a diagnostic reading asks about the dimensions to work on. Tasks that read
 * no brand data retrieve nothing (null).
 */
import { DIMENSION_LABELS, type Dimension } from '../diagnostic/questionnaire.ts';
import { type DiagnosticScores, dimensionsByWeakness, focusDimensions } from '../diagnostic/scoring.ts';
import { WORKSPACE_AREA_LABELS } from '../navigation/workspace-areas.ts';
import type { AiTask, AiTaskInput, WorksheetCoachField } from './contracts.ts';
import { CANVAS_FIELD_KNOWLEDGE, DIMENSION_HEADLINES } from './knowledge.ts';

/** Enough words to find the passages; a longer request adds noise, not precision. */
export const QUESTION_MAX_CHARS = 600;
/** How much of the previous question a chat turn carries along. */
const PREVIOUS_QUESTION_CHARS = 200;

/** What is already known when the question is asked (the context sources run before retrieval). */
export interface QuestionContext {
  diagnostic: { scores: DiagnosticScores } | null;
}

/** A worksheet field as words: `insight.buyerMotivation` → "buyer motivation". */
function fieldWords(field: WorksheetCoachField | undefined): string {
  const last = field?.split('.').at(-1) ?? '';
  return last.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function join(...parts: (string | null | undefined)[]): string | null {
  const question = parts
    .map((part) => part?.trim() ?? '')
    .filter(Boolean)
    .join(' ')
    .replace(/\s+/g, ' ');
  return question ? question.slice(0, QUESTION_MAX_CHARS) : null;
}

function weakest(known: QuestionContext): Dimension | null {
  return known.diagnostic ? (dimensionsByWeakness(known.diagnostic.scores)[0]?.dimension ?? null) : null;
}

/**
 * The question of this request, or null when the task retrieves nothing. `input` is the task's input
 * as its schema parsed it.
 */
export function questionOfRequest(
  task: AiTask,
  input: Record<string, unknown>,
  known: QuestionContext,
): string | null {
  switch (task) {
    case 'chat': {
      const chat = input as AiTaskInput<'chat'>;
      const previous = chat.history.findLast((turn) => turn.role === 'user')?.content;
      return join(chat.message, previous?.slice(0, PREVIOUS_QUESTION_CHARS));
    }
    case 'insight-guidance': {
      const guidance = input as AiTaskInput<'insight-guidance'>;
      const dimension = guidance.dimension ?? weakest(known);
      return join(dimension ? DIMENSION_LABELS[dimension] : null, fieldWords(guidance.field), guidance.notes);
    }
    case 'canvas-suggestion': {
      const suggestion = input as AiTaskInput<'canvas-suggestion'>;
      return join(CANVAS_FIELD_KNOWLEDGE[suggestion.field].label, suggestion.currentText);
    }
    case 'contextual-help': {
      const help = input as AiTaskInput<'contextual-help'>;
      return join(WORKSPACE_AREA_LABELS[help.area], fieldWords(help.field), help.question);
    }
    case 'diagnostic-reading': {
      if (!known.diagnostic) return null;
      const focus = focusDimensions(known.diagnostic.scores);
      return join(
        ...focus.map(
          (entry) => `${DIMENSION_LABELS[entry.dimension]} ${DIMENSION_HEADLINES[entry.dimension]}`,
        ),
      );
    }
    case 'buyer-intent':
    case 'review-analysis':
    case 'avatar-voice':
    case 'value-lens-copy':
      return null;
  }
}
