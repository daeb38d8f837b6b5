import { describe, expect, it } from 'vitest';
import { surveyQuestionsSchema } from './contracts.ts';
import { SURVEY_LIMITS, SURVEY_TEMPLATE_IDS } from './limits.ts';
import { surveyTemplate, surveyTemplates } from './templates.ts';

describe('survey templates', () => {
  it('are valid surveys with the brand’s name written in', () => {
    for (const template of surveyTemplates('Ember & Oak')) {
      expect(surveyQuestionsSchema.safeParse(template.questions).success, template.id).toBe(true);
      expect(template.title.length).toBeLessThanOrEqual(SURVEY_LIMITS.titleMax);
      expect(template.intro.length).toBeLessThanOrEqual(SURVEY_LIMITS.introMax);
      expect(
        `${template.title} ${template.questions.map((question) => question.prompt).join(' ')}`,
      ).toContain('Ember & Oak');
      expect(JSON.stringify(template)).not.toMatch(/\[[a-z ]+\]|\{[a-z]+\}/i);
    }
    expect(surveyTemplates('x').map((template) => template.id)).toEqual([...SURVEY_TEMPLATE_IDS]);
  });

  it('covers the four IDEA dimensions and asks the NPS in the customer-insight survey', () => {
    const template = surveyTemplate('idea-customer-insight', 'Ember & Oak');
    const ids = template.questions.map((question) => question.id);
    expect(ids).toEqual(
      expect.arrayContaining(['why-bought', 'difference', 'feelings', 'trust', 'recommend']),
    );
    expect(new Set(template.questions.map((question) => question.type)).size).toBe(6);
  });

  it('stays within the limits for a very long or blank brand name', () => {
    for (const name of ['', '   ', 'N'.repeat(200)]) {
      const template = surveyTemplate('brand-perception', name);
      expect(template.title).toBe('Your view of our brand');
      expect(surveyQuestionsSchema.safeParse(template.questions).success).toBe(true);
    }
  });
});
