/**
 * The free-text answers of the IDEA worksheets, as `<worksheet>.<path>`: the fields the field coach
 * can suggest an answer for and a coach proposal can rewrite. One list, so the two never disagree.
 */
export const WORKSHEET_TEXT_FIELDS = [
  'insight.buyerIntent',
  'insight.buyerMotivation',
  'insight.triggerNotes',
  'insight.shopperNotes',
  'insight.demographics',
  'distinctive.positioning',
  'empathetic.feelingBefore',
  'empathetic.feelingDuring',
  'empathetic.feelingAfter',
  'authentic.story.origin',
  'authentic.story.struggle',
  'authentic.story.mission',
  'authentic.promise',
] as const;
export type WorksheetTextField = (typeof WORKSHEET_TEXT_FIELDS)[number];
