import { PAGE_PATHS } from '../../../core/navigation/pages.ts';

export interface ResearchTool {
  id: string;
  title: string;
  path: string;
  summary: string;
  points: readonly string[];
}

/** The research tools, in the order a new brand would use them. */
export const RESEARCH_TOOLS: readonly ResearchTool[] = [
  {
    id: 'reviews',
    title: 'Review analyzer',
    path: PAGE_PATHS.researchReviews,
    summary:
      'Read what customers say in reviews: what they praise, what they complain about, in their words.',
    points: [
      'Paste reviews, upload a marketplace CSV, or use an avatar’s reviews',
      'Themes with pros and cons quoted, sentiment over time, ratings that disagree with the words',
      'Add a worry or a wish to an avatar in one step',
    ],
  },
  {
    id: 'intent',
    title: 'Buyer-intent research',
    path: PAGE_PATHS.researchIntent,
    summary: 'See what people who search for you want: to learn, to compare, or to buy.',
    points: [
      'Paste search terms or upload a search-term report',
      'Each term’s intent with the reason, grouped by theme, with volume when the report has it',
      'What content or copy fits each group',
    ],
  },
  {
    id: 'surveys',
    title: 'Surveys',
    path: PAGE_PATHS.surveys,
    summary: 'Ask customers directly, with a link that works without an account.',
    points: [
      'Start from an IDEA customer-insight, post-purchase or brand perception template',
      'Choice, scale, NPS and text questions',
      'Results per question, text answers read like reviews, CSV export',
    ],
  },
];
