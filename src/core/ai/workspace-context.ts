/**
 * What the offline coach knows of the user's brand workspace: a compact summary and the owner's saved
 * work as they wrote it. A provider's prompt reads the same workspace in full (brand-context.ts).
 * Pure, so both are tested without a server.
 */

import { DIMENSION_LABELS, type Dimension } from '../diagnostic/questionnaire.ts';
import { countOf, hasOrHave } from '../text/plural.ts';
import type { AvatarData, AvatarVoiceAnalysis } from '../workspace/avatar.ts';
import { splitPastedReviews } from '../workspace/avatar-reviews.ts';
import type { CanvasData } from '../workspace/canvas.ts';
import { CANVAS_COMPLETION_KEYS } from '../workspace/canvas-fields.ts';
import type { ItemData } from '../workspace/items.ts';

export interface WorkspaceSnapshot {
  brandName: string;
  canvas: CanvasData | null;
  insight: ItemData<'insight'> | null;
  distinctive: ItemData<'distinctive'> | null;
  empathetic: ItemData<'empathetic'> | null;
  authentic: ItemData<'authentic'> | null;
  avatars: AvatarData[];
}

/**
 * An avatar as the offline coach's drafts read it: everything but the pasted reviews and their
 * analysis (a provider's prompt carries those too: brand-context.ts).
 */
export type AvatarFacts = Omit<AvatarData, 'voice'>;

/**
 * What the owner saved, as they wrote it. The offline coach builds drafts and suggestions only from
 * these words (never from a template), so anything it proposes is the owner's own material.
 */
export interface BrandSaved {
  canvas: CanvasData | null;
  insight: ItemData<'insight'> | null;
  distinctive: ItemData<'distinctive'> | null;
  empathetic: ItemData<'empathetic'> | null;
  authentic: ItemData<'authentic'> | null;
  /** The first few avatars, in the brand's order. */
  avatars: AvatarFacts[];
  /**
   * What the customers of those avatars said, for the avatars that have reviews or an analysis of
   * them: the chat coach answers "what do customers say/worry about" from it. Optional, so a summary
   * built without reviews (tests, older callers) is still a valid one.
   */
  voices?: CustomerVoice[];
}

/** One avatar's voice of customer as the offline coach reads it. */
export interface CustomerVoice {
  avatarName: string;
  /** How many reviews are saved for the avatar. */
  reviewCount: number;
  /** The first few short reviews, whole: quoted as the customer wrote them, never cut. */
  reviews: string[];
  /** The last analysis of all of them, when one was run. */
  analysis: AvatarVoiceAnalysis | null;
}

/** Per dimension: one sentence on what the user has written, or the first gap to fill. */
export interface BrandSummary {
  name: string;
  notes: Record<Dimension, string>;
  /** Canvas fields with content, of the eight. */
  canvasFilled: number;
  avatarNames: string[];
  saved: BrandSaved;
}

/** Avatars the coach reads in full; the rest are known by name only. */
const AVATARS_READ = 3;
/** Reviews kept per avatar, and the longest one kept whole (longer ones are left out, not cut). */
const REVIEWS_READ = 8;
const REVIEW_READ_MAX_CHARS = 600;

function clip(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

function filled(value: string | readonly unknown[]): boolean {
  return typeof value === 'string' ? value.trim().length > 0 : value.length > 0;
}

export function summariseWorkspace(snapshot: WorkspaceSnapshot): BrandSummary {
  const { insight, distinctive, empathetic, authentic, canvas } = snapshot;
  const notes: Record<Dimension, string> = {
    insight: insight?.buyerMotivation.trim()
      ? `Your Insight worksheet says customers buy because: “${clip(insight.buyerMotivation)}”.`
      : 'Your Insight worksheet has no buyer motivation yet: write down, in customers’ words, why they buy.',
    distinctive:
      distinctive && distinctive.assets.length > 0
        ? `You listed ${countOf(distinctive.assets.length, 'distinctive asset')}, ${distinctive.assets.filter((asset) => asset.consistency === 'always').length} used consistently every time.`
        : 'You have not listed any distinctive assets yet: start with your colour, a phrase or a shape customers could recognise without your logo.',
    empathetic: empathetic?.feelingAfter.trim()
      ? `You want customers to feel “${clip(empathetic.feelingAfter)}” after buying.`
      : 'Your Empathetic worksheet does not yet say how customers should feel after buying: that feeling is what your messages must promise.',
    authentic:
      authentic && authentic.values.length > 0
        ? `Your stated values: ${authentic.values.map((value) => value.value).join(', ')}; ${provenValues(authentic.values)}.`
        : 'You have not written your core values yet: name two or three and one proof point for each.',
  };
  return {
    name: snapshot.brandName,
    notes,
    canvasFilled: canvas ? CANVAS_COMPLETION_KEYS.filter((key) => filled(canvas[key])).length : 0,
    avatarNames: snapshot.avatars.map((avatar) => avatar.name),
    saved: {
      canvas,
      insight,
      distinctive,
      empathetic,
      authentic,
      avatars: snapshot.avatars.slice(0, AVATARS_READ).map(({ voice: _voice, ...avatar }) => avatar),
      voices: snapshot.avatars.slice(0, AVATARS_READ).flatMap((avatar) => customerVoice(avatar)),
    },
  };
}

function customerVoice(avatar: AvatarData): CustomerVoice[] {
  // Avatars saved before the voice of customer existed have no `voice` at all.
  const voice = avatar.voice as AvatarData['voice'] | undefined;
  const reviews = splitPastedReviews(voice?.reviews ?? '');
  const analysis = voice?.analysis ?? null;
  if (reviews.length === 0 && !analysis) return [];
  return [
    {
      avatarName: avatar.name,
      reviewCount: reviews.length,
      reviews: reviews.filter((review) => review.length <= REVIEW_READ_MAX_CHARS).slice(0, REVIEWS_READ),
      analysis,
    },
  ];
}

/** "none of them has a proof point yet", "1 of them has a proof point", "all 3 have a proof point". */
function provenValues(values: readonly { proof: string }[]): string {
  const proven = values.filter((value) => value.proof.trim()).length;
  if (proven === 0) return `none of them ${hasOrHave(1)} a proof point yet`;
  if (proven === values.length && values.length > 1) return `all ${values.length} have a proof point`;
  return `${proven} of them ${hasOrHave(proven)} a proof point`;
}

export function workspaceNoteFor(summary: BrandSummary, dimension: Dimension): string {
  return `**From your ${summary.name} workspace (${DIMENSION_LABELS[dimension]}):** ${summary.notes[dimension]}`;
}
