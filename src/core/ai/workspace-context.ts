/**
 * What the coach knows of the user's brand workspace: a compact summary for the offline coach and a
 * text section for a provider's prompt. Pure, so both stay in step and are tested without a server.
 */

import { DIMENSION_LABELS, type Dimension } from '../diagnostic/questionnaire.ts';
import { countOf, hasOrHave } from '../text/plural.ts';
import type { AvatarData } from '../workspace/avatar.ts';
import type { CanvasData } from '../workspace/canvas.ts';
import type { ItemData } from '../workspace/items.ts';
import { EMOTIONAL_TRIGGERS } from './contracts.ts';

export interface WorkspaceSnapshot {
  brandName: string;
  canvas: CanvasData | null;
  insight: ItemData<'insight'> | null;
  distinctive: ItemData<'distinctive'> | null;
  empathetic: ItemData<'empathetic'> | null;
  authentic: ItemData<'authentic'> | null;
  avatars: AvatarData[];
}

/** An avatar as the coach reads it: everything but the pasted reviews and their analysis. */
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

const CANVAS_KEYS = [
  'purpose',
  'vision',
  'mission',
  'values',
  'positioning',
  'valueProposition',
  'personality',
  'voice',
] as const satisfies readonly (keyof CanvasData)[];

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
    canvasFilled: canvas ? CANVAS_KEYS.filter((key) => filled(canvas[key])).length : 0,
    avatarNames: snapshot.avatars.map((avatar) => avatar.name),
    saved: {
      canvas,
      insight,
      distinctive,
      empathetic,
      authentic,
      avatars: snapshot.avatars.slice(0, AVATARS_READ).map(({ voice: _voice, ...avatar }) => avatar),
    },
  };
}

/** "none of them has a proof point yet", "1 of them has a proof point", "all 3 have a proof point". */
function provenValues(values: readonly { proof: string }[]): string {
  const proven = values.filter((value) => value.proof.trim()).length;
  if (proven === 0) return `none of them ${hasOrHave(1)} a proof point yet`;
  if (proven === values.length && values.length > 1) return `all ${values.length} have a proof point`;
  return `${proven} of them ${hasOrHave(proven)} a proof point`;
}

/** The provider prompt's view of the workspace: only what the user filled in, as data. */
export function renderWorkspace(snapshot: WorkspaceSnapshot): string {
  const lines: string[] = [`Brand: ${snapshot.brandName}`];
  const { canvas, insight, distinctive, empathetic, authentic } = snapshot;
  if (canvas) {
    for (const key of CANVAS_KEYS) {
      const value = canvas[key];
      if (filled(value))
        lines.push(`Canvas ${key}: ${Array.isArray(value) ? value.join(', ') : clip(value, 300)}`);
    }
  }
  if (insight) {
    if (insight.buyerIntent.trim()) lines.push(`Buyer intent: ${clip(insight.buyerIntent, 300)}`);
    if (insight.buyerMotivation.trim()) lines.push(`Buyer motivation: ${clip(insight.buyerMotivation, 300)}`);
    const triggers = insight.emotionalTriggers.filter((trigger) => EMOTIONAL_TRIGGERS.includes(trigger));
    if (triggers.length > 0) lines.push(`Emotional triggers: ${triggers.join(', ')}`);
    if (insight.shopperType) lines.push(`Shopper type: ${insight.shopperType}`);
  }
  if (distinctive) {
    for (const asset of distinctive.assets.slice(0, 8))
      lines.push(
        `Distinctive asset (${asset.type}, used ${asset.consistency}): ${clip(asset.description, 120)}`,
      );
    if (distinctive.positioning.trim())
      lines.push(`Positioning draft: ${clip(distinctive.positioning, 300)}`);
  }
  if (empathetic) {
    if (empathetic.feelingAfter.trim())
      lines.push(`Desired feeling after purchase: ${clip(empathetic.feelingAfter)}`);
    if (empathetic.fears.length > 0) lines.push(`Customer fears: ${empathetic.fears.join(', ')}`);
  }
  if (authentic) {
    for (const value of authentic.values.slice(0, 6))
      lines.push(`Value: ${value.value}${value.proof.trim() ? ` (proof: ${clip(value.proof, 120)})` : ''}`);
    if (authentic.promise.trim()) lines.push(`Brand promise: ${clip(authentic.promise, 200)}`);
  }
  for (const avatar of snapshot.avatars.slice(0, 3)) {
    const parts = [
      avatar.demographics.occupation,
      avatar.psychology.desires.length > 0 ? `wants ${avatar.psychology.desires.join(', ')}` : '',
      avatar.psychology.fears.length > 0 ? `fears ${avatar.psychology.fears.join(', ')}` : '',
    ].filter(Boolean);
    lines.push(`Customer avatar ${avatar.name}${parts.length > 0 ? `: ${parts.join('; ')}` : ''}`);
  }
  return lines.join('\n');
}

export function workspaceNoteFor(summary: BrandSummary, dimension: Dimension): string {
  return `**From your ${summary.name} workspace (${DIMENSION_LABELS[dimension]}):** ${summary.notes[dimension]}`;
}
