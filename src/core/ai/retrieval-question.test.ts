import { describe, expect, it } from 'vitest';
import { scoresFrom } from '../diagnostic/scoring.ts';
import { AI_TASK_SCHEMAS, AI_TASKS, type AiTask } from './contracts.ts';
import { QUESTION_MAX_CHARS, questionOfRequest } from './retrieval-question.ts';

const brandId = '00000000-0000-4000-8000-000000000001';
const noDiagnostic = { diagnostic: null };
const weakDistinctive = {
  diagnostic: { scores: scoresFrom(60, { insight: 75, distinctive: 13, empathetic: 63, authentic: 88 }) },
};

/** The input as the task's schema parses it (defaults filled), as the engine hands it over. */
function parsed(task: AiTask, input: Record<string, unknown>): Record<string, unknown> {
  return AI_TASK_SCHEMAS[task].input.parse(input) as Record<string, unknown>;
}

describe('questionOfRequest', () => {
  it('asks a chat turn’s message with the previous question, not the coach’s answers', () => {
    const input = parsed('chat', {
      brandId,
      message: 'And what does it cost?',
      history: [
        { role: 'user', content: 'Tell me about the lavender candle' },
        { role: 'assistant', content: 'Your insight score is low, work on customers.' },
      ],
    });
    expect(questionOfRequest('chat', input, noDiagnostic)).toBe(
      'And what does it cost? Tell me about the lavender candle',
    );
    expect(questionOfRequest('chat', parsed('chat', { brandId, message: 'Pricing?' }), noDiagnostic)).toBe(
      'Pricing?',
    );
  });

  it('asks field help and guidance about the dimension or area, the field and what is written', () => {
    expect(
      questionOfRequest(
        'insight-guidance',
        parsed('insight-guidance', { brandId, field: 'insight.buyerMotivation', notes: 'They want calm' }),
        weakDistinctive,
      ),
    ).toBe('Distinctive buyer motivation They want calm');
    expect(
      questionOfRequest(
        'contextual-help',
        parsed('contextual-help', { brandId, area: 'avatars', question: 'Who buys gifts?' }),
        noDiagnostic,
      ),
    ).toBe('Customer avatars Who buys gifts?');
    expect(
      questionOfRequest(
        'canvas-suggestion',
        parsed('canvas-suggestion', { brandId, field: 'value-proposition', currentText: 'Slow-poured soy' }),
        noDiagnostic,
      ),
    ).toBe('Value proposition Slow-poured soy');
  });

  it('asks a diagnostic reading about the dimensions to work on, and nothing without a result', () => {
    const question = questionOfRequest(
      'diagnostic-reading',
      parsed('diagnostic-reading', { brandId }),
      weakDistinctive,
    );
    expect(question).toContain('Distinctive');
    expect(question).not.toContain('Authentic');
    expect(
      questionOfRequest('diagnostic-reading', parsed('diagnostic-reading', { brandId }), noDiagnostic),
    ).toBeNull();
  });

  it('retrieves nothing for tasks that read no brand data, and caps long questions', () => {
    const reading = new Set<AiTask>([
      'chat',
      'insight-guidance',
      'canvas-suggestion',
      'contextual-help',
      'diagnostic-reading',
    ]);
    for (const task of AI_TASKS.filter((candidate) => !reading.has(candidate))) {
      expect(questionOfRequest(task, {}, weakDistinctive), task).toBeNull();
    }
    const long = questionOfRequest(
      'chat',
      parsed('chat', { brandId, message: 'word '.repeat(400) }),
      noDiagnostic,
    );
    expect(long?.length).toBeLessThanOrEqual(QUESTION_MAX_CHARS);
  });
});
