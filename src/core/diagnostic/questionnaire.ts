/**
 * The IDEA brand diagnostic, version 1: eight questions, two per dimension, each a five-step maturity
 * scale from weakest (1) to strongest (5). Results store the version they were scored against, so the
 * wording can evolve without rewriting history.
 */

export const DIMENSIONS = ['insight', 'distinctive', 'empathetic', 'authentic'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const DIMENSION_LABELS: Record<Dimension, string> = {
  insight: 'Insight-driven',
  distinctive: 'Distinctive',
  empathetic: 'Empathetic',
  authentic: 'Authentic',
};

export const DIMENSION_QUESTIONS: Record<Dimension, string> = {
  insight: 'Do you really know why your customers buy?',
  distinctive: 'Would a customer recognise you without your logo?',
  empathetic: 'Do customers feel understood by you?',
  authentic: 'Are your values, story and promise real, visible and consistent?',
};

/** Every answer is a step on a five-point maturity scale, weakest first. */
export const ANSWER_MIN = 1;
export const ANSWER_MAX = 5;

export interface QuestionOption {
  value: 1 | 2 | 3 | 4 | 5;
  label: string;
}

export interface Question {
  id: string;
  dimension: Dimension;
  prompt: string;
  options: readonly [QuestionOption, QuestionOption, QuestionOption, QuestionOption, QuestionOption];
}

export interface Questionnaire {
  version: number;
  questions: readonly Question[];
}

function scale(labels: [string, string, string, string, string]): Question['options'] {
  return [
    { value: 1, label: labels[0] },
    { value: 2, label: labels[1] },
    { value: 3, label: labels[2] },
    { value: 4, label: labels[3] },
    { value: 5, label: labels[4] },
  ];
}

export const QUESTIONNAIRE_V1: Questionnaire = {
  version: 1,
  questions: [
    {
      id: 'insight-motivation',
      dimension: 'insight',
      prompt: 'How well do you understand why customers choose you?',
      options: scale([
        'We haven’t looked into it; we assume it comes down to price or convenience.',
        'We have a hunch from conversations, but nothing written down.',
        'We know the main reasons customers give us, gathered informally from reviews and chats.',
        'We have researched both the practical and the emotional reasons people buy, and revisit them now and then.',
        'We track customers’ motivations and emotional triggers systematically and use them in every decision.',
      ]),
    },
    {
      id: 'insight-customer-clarity',
      dimension: 'insight',
      prompt: 'How clearly can you describe who buys from you?',
      options: scale([
        'Anyone could be our customer; we haven’t narrowed it down.',
        'We know basic facts such as an age range or where they live.',
        'We have a rough picture of our typical customer and what they need.',
        'We have written customer profiles covering needs, fears and buying habits.',
        'We have detailed, evidence-based personas that the whole team uses and keeps up to date.',
      ]),
    },
    {
      id: 'distinctive-difference',
      dimension: 'distinctive',
      prompt: 'If a customer compared you with your closest competitor, what would they notice?',
      options: scale([
        'Very little: we look and sound much like everyone else in our category.',
        'Mostly a difference in price or small product details.',
        'A few real differences, though we don’t always communicate them.',
        'A clear difference that we state consistently in our messaging.',
        'A difference customers describe in their own words, and that competitors find hard to copy.',
      ]),
    },
    {
      id: 'distinctive-assets',
      dimension: 'distinctive',
      prompt:
        'How consistently do you use recognisable brand assets such as colours, shapes, phrases, characters or sounds?',
      options: scale([
        'We don’t have defined brand assets yet.',
        'We have a logo, but colours and style change from place to place.',
        'We have a style guide, but it is applied unevenly.',
        'Our colours, typography and tone are used consistently almost everywhere.',
        'We own assets customers recognise even without our name, and we have used them everywhere for years.',
      ]),
    },
    {
      id: 'empathetic-bond',
      dimension: 'empathetic',
      prompt: 'How would your customers describe their relationship with your brand?',
      options: scale([
        'Transactional: they buy when they need something and move on.',
        'Satisfied, but they would switch for a better deal.',
        'They like us, and some come back regularly.',
        'Many feel understood by us and recommend us to friends.',
        'They feel part of something: they champion us without being asked.',
      ]),
    },
    {
      id: 'empathetic-messaging',
      dimension: 'empathetic',
      prompt: 'How much does your messaging speak to customers’ hopes and fears?',
      options: scale([
        'Our messaging lists features and prices only.',
        'We sometimes mention benefits, but rarely feelings.',
        'We talk about the outcomes customers want, in general terms.',
        'We address specific worries and hopes that customers have told us about.',
        'Every message is shaped around how customers want to feel before, during and after buying.',
      ]),
    },
    {
      id: 'authentic-transparency',
      dimension: 'authentic',
      prompt: 'How openly do you share your values and the way you work?',
      options: scale([
        'We don’t talk about our values or how we work.',
        'We have values written down, but customers never see them.',
        'We mention our values on the “about us” page.',
        'We show our values in action with real stories, proof and behind-the-scenes detail.',
        'Our values show in every decision, and we are open about mistakes and trade-offs too.',
      ]),
    },
    {
      id: 'authentic-consistency',
      dimension: 'authentic',
      prompt:
        'How consistent is your brand’s voice across touchpoints: website, social media, packaging, support?',
      options: scale([
        'Every channel sounds different; it depends on who writes it.',
        'Mostly consistent on the website, but not elsewhere.',
        'Consistent in marketing, but support and packaging feel different.',
        'Consistent across nearly every touchpoint, guided by written voice guidelines.',
        'Customers meet the same personality everywhere, and we check that it stays that way.',
      ]),
    },
  ],
};

/** Every questionnaire version the server can still score; results name theirs. */
export const QUESTIONNAIRES: Readonly<Record<number, Questionnaire>> = { 1: QUESTIONNAIRE_V1 };
export const CURRENT_QUESTIONNAIRE = QUESTIONNAIRE_V1;
