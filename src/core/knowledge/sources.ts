/** The kinds of things the brand knowledge index holds passages of. */
export const KNOWLEDGE_SOURCE_TYPES = [
  'document',
  'canvas',
  'worksheet',
  'trigger-assessment',
  'avatar',
  'diagnostic',
  'memory',
  'survey',
] as const;
export type KnowledgeSourceType = (typeof KNOWLEDGE_SOURCE_TYPES)[number];

export const KNOWLEDGE_SOURCE_LABELS: Record<KnowledgeSourceType, string> = {
  document: 'Documents',
  canvas: 'Brand canvas',
  worksheet: 'IDEA worksheets',
  'trigger-assessment': 'Trigger assessment',
  avatar: 'Avatars and reviews',
  diagnostic: 'Diagnostics',
  memory: 'Brand memory',
  survey: 'Survey answers',
};
