/**
 * Coach proposals: edits the coach suggests to a canvas field, a worksheet answer or an avatar field.
 * A proposal is shown in the chat as a card and written only when the owner accepts it, as a normal
 * versioned save marked as from the coach (docs/decisions/0038-coach-tools-and-proposals.md).
 *
 * This module decides which offline copy answers become proposals (`proposalsForCopy`). The schemas
 * (proposal-contracts.ts) and where a target lives, its label, limit and link (proposal-targets.ts,
 * free of zod for the web app) are re-exported here.
 */
import type { BrandSaved } from '../ai/workspace-context.ts';
import { canvasFieldInfo } from '../workspace/canvas-fields.ts';
import type { CopyKind } from './copy-engine.ts';
import {
  CHAT_PROPOSALS_MAX,
  type ProposalCanvasField,
  type ProposalDraft,
  type ProposalTarget,
} from './proposal-contracts.ts';
import { proposalLabel, proposalTextProblem, sameProposalText } from './proposal-targets.ts';
import type { CopyRequestFormat } from './request-types.ts';

export * from './proposal-contracts.ts';
export * from './proposal-targets.ts';

// -------------------------------------------------------------------------- offline copy answers

/** Any copy request the coach may answer: the classifier's formats and the copy engine's kinds. */
export type CopyProposalKind = CopyRequestFormat | CopyKind;

/** Statements whose home is a canvas field, by the words that name them. */
const STATEMENT_FIELDS: readonly [RegExp, ProposalCanvasField][] = [
  [/\bvalue prop(?:osition)?s?\b/, 'valueProposition'],
  [/\bposition(?:ing)?\b/, 'positioning'],
  [/\bmission\b/, 'mission'],
  [/\bvision\b/, 'vision'],
  [/\bpurpose\b|\bwhy we exist\b/, 'purpose'],
];

/**
 * The canvas field a statement request names ("rewrite our mission statement" → mission), the one
 * named first when several are; null when it names none.
 */
export function statementFieldIn(message: string): ProposalCanvasField | null {
  const lower = message.toLowerCase();
  let found: { field: ProposalCanvasField; at: number } | null = null;
  for (const [pattern, field] of STATEMENT_FIELDS) {
    const at = lower.search(pattern);
    if (at >= 0 && (!found || at < found.at)) found = { field, at };
  }
  return found?.field ?? null;
}

/** The canvas field a kind of copy belongs in, if any. Headlines, bios and captions have no field. */
function canvasFieldFor(kind: CopyProposalKind, request: string | undefined): ProposalCanvasField | null {
  if (kind === 'value-proposition') return 'valueProposition';
  if (kind === 'tagline') return 'tagline';
  // A generic "copy" or "statement" request says which statement only in its words.
  if ((kind === 'statement' || kind === 'copy') && request) return statementFieldIn(request);
  return null;
}

/**
 * The proposals an offline copy answer offers: each option that fits a canvas field becomes a card
 * ("Save as your canvas value proposition"). A value proposition goes to the canvas value
 * proposition, a tagline to the canvas tagline, a positioning, mission, vision or purpose statement
 * to its field; copy with no field of its own (headlines, bios, about text, captions) gets none. Options over the field's
 * limit, empty, repeated, or the same as the field's text are left out.
 *
 * `request` is the owner's message: for a statement it tells which one.
 */
export function proposalsForCopy(
  kind: CopyProposalKind,
  options: readonly string[],
  saved: BrandSaved,
  request?: string,
): ProposalDraft[] {
  const field = canvasFieldFor(kind, request);
  if (!field) return [];
  const target: ProposalTarget = { kind: 'canvas', field };
  const currentText = saved.canvas?.[field] ?? '';
  const name = canvasFieldInfo(field).label.toLowerCase();
  const drafts: ProposalDraft[] = [];
  const seen: string[] = [];
  const which = (index: number) =>
    options.length === 1 ? 'The draft in this answer' : `Option ${index + 1} of this answer`;
  options.forEach((option, index) => {
    const proposedText = option.trim();
    if (proposalTextProblem(target, proposedText, currentText)) return;
    if (seen.some((text) => sameProposalText(text, proposedText))) return;
    seen.push(proposedText);
    drafts.push({
      target,
      label: proposalLabel(target),
      currentText,
      proposedText,
      reason: `${which(index)}${
        currentText.trim()
          ? `, in place of your current ${name} (the old text stays in the canvas history).`
          : `; your canvas has no ${name} yet.`
      }`,
    });
  });
  return drafts.slice(0, CHAT_PROPOSALS_MAX);
}
