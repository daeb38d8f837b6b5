/**
 * The sections of a coach prompt's `<context>` block: each one's heading (the prompts name them) and
 * its priority. Lower numbers go first and survive a tight budget, so this table is the one place
 * that says what the coach keeps when a brand has more than the budget holds: the retrieved passages
 * (capped, and the only thing an answer may cite), then what the owner confirmed, the diagnostic and
 * the conversation's thread, then the saved work from the most to the least condensed.
 */
export const CONTEXT_SECTIONS = {
  passages: { name: 'Passages from the owner’s documents and saved work (cite as [n])', priority: 5 },
  memory: { name: 'Brand memory: facts the owner confirmed', priority: 8 },
  diagnostic: { name: 'Latest IDEA diagnostic', priority: 10 },
  summary: { name: 'Earlier in this conversation (summary)', priority: 12 },
  profile: { name: 'Brand profile', priority: 15 },
  avatars: { name: 'Customer avatars, their reviews and review analysis', priority: 20 },
  worksheets: { name: 'IDEA worksheets', priority: 25 },
} as const satisfies Record<string, { name: string; priority: number }>;
