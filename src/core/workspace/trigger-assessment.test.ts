import { describe, expect, it } from 'vitest';
import { EMOTIONAL_TRIGGERS } from '../ai/contracts.ts';
import { emptyItemData, parseItemData } from './items.ts';
import {
  answeredCount,
  isAssessmentComplete,
  leadingTriggers,
  rankTriggers,
  TRIGGER_ASSESSMENT_QUESTIONS,
  TRIGGERS,
} from './trigger-assessment.ts';

describe('the trigger assessment', () => {
  it('has five questions whose options each point to two different triggers', () => {
    expect(TRIGGER_ASSESSMENT_QUESTIONS).toHaveLength(5);
    expect(new Set(TRIGGER_ASSESSMENT_QUESTIONS.map((question) => question.id)).size).toBe(5);
    for (const question of TRIGGER_ASSESSMENT_QUESTIONS) {
      expect(question.options.length).toBeGreaterThanOrEqual(3);
      for (const option of question.options) expect(new Set(option.triggers).size).toBe(2);
    }
  });

  it('gives no trigger a head start: across all options each appears five or six times', () => {
    const counts = new Map<string, number>();
    for (const question of TRIGGER_ASSESSMENT_QUESTIONS)
      for (const option of question.options)
        for (const trigger of option.triggers) counts.set(trigger, (counts.get(trigger) ?? 0) + 1);
    for (const trigger of EMOTIONAL_TRIGGERS) expect(counts.get(trigger)).toBeGreaterThanOrEqual(5);
    for (const trigger of EMOTIONAL_TRIGGERS) expect(counts.get(trigger)).toBeLessThanOrEqual(6);
  });

  it('lists the triggers in the same order as the shared vocabulary', () => {
    expect(TRIGGERS).toEqual([...EMOTIONAL_TRIGGERS]);
  });
});

describe('rankTriggers', () => {
  it('ranks every trigger by its share of the points, ties in canonical order', () => {
    // trust+relief, trust+relief, relief+trust, trust+belonging, trust+relief
    const answers = { 'first-look': 2, worry: 0, 'after-purchase': 0, 'word-of-mouth': 3, return: 0 };
    const ranking = rankTriggers(answers);
    expect(ranking.map((entry) => entry.trigger)).toEqual([
      'trust',
      'relief',
      'belonging',
      'hope',
      'validation',
      'aspiration',
      'empowerment',
    ]);
    expect(ranking[0]).toEqual({ trigger: 'trust', points: 5, share: 0.5 });
    expect(ranking[1]).toEqual({ trigger: 'relief', points: 4, share: 0.4 });
    expect(ranking[2]).toEqual({ trigger: 'belonging', points: 1, share: 0.1 });
    expect(ranking.reduce((sum, entry) => sum + entry.share, 0)).toBeCloseTo(1);
    expect(leadingTriggers(ranking)).toEqual(['trust']);
    expect(isAssessmentComplete(answers)).toBe(true);
  });

  it('works on a partial assessment and reports every tie for the lead', () => {
    const ranking = rankTriggers({ 'first-look': 0 });
    expect(ranking.slice(0, 2)).toEqual([
      { trigger: 'hope', points: 1, share: 0.5 },
      { trigger: 'aspiration', points: 1, share: 0.5 },
    ]);
    expect(leadingTriggers(ranking)).toEqual(['hope', 'aspiration']);
    expect(answeredCount({ 'first-look': 0 })).toBe(1);
    expect(isAssessmentComplete({ 'first-look': 0 })).toBe(false);
  });

  it('gives every trigger a zero share when nothing is answered, and ignores unknown answers', () => {
    for (const answers of [{}, { 'no-such-question': 1 }, { 'first-look': 9 }, { worry: 1.5 }]) {
      const ranking = rankTriggers(answers);
      expect(ranking.map((entry) => entry.trigger)).toEqual([...EMOTIONAL_TRIGGERS]);
      expect(ranking.every((entry) => entry.points === 0 && entry.share === 0)).toBe(true);
      expect(leadingTriggers(ranking)).toEqual([]);
      expect(answeredCount(answers)).toBe(0);
    }
  });
});

describe('the stored answers', () => {
  it('default to none and accept known questions with existing options', () => {
    expect(emptyItemData('trigger-assessment')).toEqual({ answers: {} });
    expect(parseItemData('trigger-assessment', { answers: { 'first-look': 3, return: 0 } }).success).toBe(
      true,
    );
  });

  it('reject unknown questions and options that do not exist', () => {
    const unknownQuestion = parseItemData('trigger-assessment', { answers: { 'favourite-colour': 1 } });
    expect(unknownQuestion.success).toBe(false);
    const unknownOption = parseItemData('trigger-assessment', { answers: { worry: 4 } });
    expect(unknownOption.success).toBe(false);
    expect(unknownOption.error?.issues[0]?.path).toEqual(['answers', 'worry']);
  });
});
