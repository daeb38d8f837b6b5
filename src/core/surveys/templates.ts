/**
 * The ready-made surveys: an IDEA customer-insight survey (why people buy, what makes the brand
 * different, how it makes them feel, whether they trust it), a post-purchase check-in and a brand
 * perception survey. Each is a starting point the owner edits in the builder; the brand's name is
 * written into the questions when the survey is made. No zod here, so the builder can show the
 * templates without loading the contracts.
 */
import type { SurveyQuestion } from './contracts.ts';
import type { SurveyTemplateId } from './limits.ts';

export interface SurveyTemplate {
  id: SurveyTemplateId;
  /** Shown on the "start from" cards. */
  name: string;
  description: string;
  title: string;
  intro: string;
  questions: SurveyQuestion[];
}

const question = {
  single: (id: string, prompt: string, options: string[], required = false, help = ''): SurveyQuestion => ({
    id,
    type: 'single-choice',
    prompt,
    help,
    required,
    options,
  }),
  multiple: (id: string, prompt: string, options: string[], help = ''): SurveyQuestion => ({
    id,
    type: 'multiple-choice',
    prompt,
    help,
    required: false,
    options,
  }),
  scale: (
    id: string,
    prompt: string,
    lowLabel: string,
    highLabel: string,
    required = false,
  ): SurveyQuestion => ({
    id,
    type: 'scale',
    prompt,
    help: '',
    required,
    lowLabel,
    highLabel,
  }),
  nps: (id: string, prompt: string): SurveyQuestion => ({
    id,
    type: 'nps',
    prompt,
    help: '',
    required: true,
  }),
  short: (id: string, prompt: string, help = ''): SurveyQuestion => ({
    id,
    type: 'short-text',
    prompt,
    help,
    required: false,
  }),
  long: (id: string, prompt: string, help = ''): SurveyQuestion => ({
    id,
    type: 'long-text',
    prompt,
    help,
    required: false,
  }),
};

function ideaCustomerInsight(brand: string): SurveyTemplate {
  return {
    id: 'idea-customer-insight',
    name: 'IDEA customer insight',
    description:
      'Why customers buy, what sets the brand apart for them, how it makes them feel and whether they trust it: the four IDEA dimensions in ten questions.',
    title: `What ${brand} means to you`,
    intro: `Thank you for buying from ${brand}. These ten questions take about four minutes. Your answers are anonymous and help us understand what matters to you.`,
    questions: [
      question.single(
        'why-bought',
        `What was the main reason you first bought from ${brand}?`,
        [
          'Solved a specific problem',
          'A gift for someone',
          'Recommended by someone I trust',
          'Saw it online or on social media',
          'Price or a promotion',
          'Its values or story',
          'Something else',
        ],
        true,
      ),
      question.long(
        'moment',
        'Think of the moment you decided to buy. What was going on for you then?',
        'What were you looking for, and what made you choose now?',
      ),
      question.multiple('alternatives', 'What else did you consider before choosing us?', [
        'A big-name brand',
        'A cheaper alternative',
        'A local or independent shop',
        'Making or doing it myself',
        'Nothing else',
      ]),
      question.short('difference', `In a few words, what makes ${brand} different from the alternatives?`),
      question.scale(
        'distinctive',
        `How easy would it be to replace ${brand} with something else?`,
        'Very easy',
        'Impossible',
      ),
      question.multiple(
        'feelings',
        `Which words describe how ${brand} makes you feel?`,
        ['Confident', 'Cared for', 'Inspired', 'Relieved', 'Proud', 'Indifferent', 'Frustrated'],
        'Choose all that apply.',
      ),
      question.scale(
        'understood',
        `How well does ${brand} understand people like you?`,
        'Not at all',
        'Completely',
      ),
      question.scale(
        'trust',
        `How much do you trust what ${brand} says about itself?`,
        'Not at all',
        'Completely',
      ),
      question.nps('recommend', `How likely are you to recommend ${brand} to a friend or colleague?`),
      question.long('one-change', `If you could change one thing about ${brand}, what would it be?`),
    ],
  };
}

function postPurchase(brand: string): SurveyTemplate {
  return {
    id: 'post-purchase',
    name: 'Post-purchase check-in',
    description:
      'A short survey to send a few days after an order: how buying, delivery and the product went, and what nearly stopped the purchase.',
    title: `How was your order from ${brand}?`,
    intro: 'Six quick questions about your recent order. It takes about two minutes.',
    questions: [
      question.scale(
        'expectations',
        'How well did the product meet your expectations?',
        'Far below',
        'Far above',
        true,
      ),
      question.scale(
        'ordering',
        'How easy was it to find and order what you wanted?',
        'Very hard',
        'Very easy',
      ),
      question.single('delivery', 'How was the delivery?', [
        'Earlier than expected',
        'On time',
        'Late',
        'There was a problem with it',
      ]),
      question.long('hesitation', 'Was there anything that almost stopped you from buying?'),
      question.nps('recommend', `How likely are you to recommend ${brand} to a friend or colleague?`),
      question.long('improve', 'What one thing would have made this order better?'),
    ],
  };
}

function brandPerception(brand: string): SurveyTemplate {
  return {
    id: 'brand-perception',
    name: 'Brand perception',
    description:
      'How people see the brand: the words they connect with it, how it compares, and whether its promise comes across. Works for customers and non-customers alike.',
    title: `Your view of ${brand}`,
    intro: `We’d like your honest impression of ${brand}, whether or not you have bought from us. Seven questions, about three minutes.`,
    questions: [
      question.single(
        'familiarity',
        `How well do you know ${brand}?`,
        [
          'This is the first I’ve heard of it',
          'I’ve heard of it',
          'I’ve bought from it once',
          'I buy from it regularly',
        ],
        true,
      ),
      question.short('three-words', `Which three words come to mind when you think of ${brand}?`),
      question.multiple(
        'attributes',
        `Which of these describe ${brand}?`,
        [
          'Good quality',
          'Good value',
          'Trustworthy',
          'Innovative',
          'Friendly',
          'Premium',
          'Sustainable',
          'Ordinary',
        ],
        'Choose all that apply.',
      ),
      question.single('comparison', `Compared with similar brands, ${brand} is…`, [
        'Clearly better',
        'A little better',
        'About the same',
        'A little worse',
        'Clearly worse',
        'I can’t compare',
      ]),
      question.scale('clarity', `How clear is it what ${brand} stands for?`, 'Not clear', 'Very clear'),
      question.nps('recommend', `How likely are you to recommend ${brand} to a friend or colleague?`),
      question.long(
        'best-describes',
        `How would you describe ${brand} to someone who has never heard of it?`,
      ),
    ],
  };
}

const BUILDERS: Record<SurveyTemplateId, (brand: string) => SurveyTemplate> = {
  'idea-customer-insight': ideaCustomerInsight,
  'post-purchase': postPurchase,
  'brand-perception': brandPerception,
};

/** Longer names would push titles and questions past their limits; such a brand reads "our brand". */
const BRAND_NAME_IN_TEMPLATES_MAX = 60;

/** A template with the brand's name written in ("our brand" when it is blank or very long). */
export function surveyTemplate(id: SurveyTemplateId, brandName: string): SurveyTemplate {
  const trimmedName = brandName.replace(/\s+/g, ' ').trim();
  const name = trimmedName && trimmedName.length <= BRAND_NAME_IN_TEMPLATES_MAX ? trimmedName : 'our brand';
  return BUILDERS[id](name);
}

/** Every template, for the "start from" list. */
export function surveyTemplates(brandName: string): SurveyTemplate[] {
  return (Object.keys(BUILDERS) as SurveyTemplateId[]).map((id) => surveyTemplate(id, brandName));
}
