/**
 * Where a coach proposal's target lives in the workspace, what the owner calls it, how long its text
 * may be, and where it opens (docs/decisions/0038-coach-tools-and-proposals.md). Free of zod, so the
 * chat's proposal cards use it without loading the contracts.
 */

import { fieldAnchor } from '../knowledge/links.ts';
import { avatarPath, PAGE_PATHS } from '../navigation/pages.ts';
import { AVATAR_TEXT_LIMITS } from '../workspace/avatar-profile.ts';
import { type CanvasTextKey, canvasFieldInfo } from '../workspace/canvas-fields.ts';
import {
  AUTHENTIC_LIMITS,
  DISTINCTIVE_LIMITS,
  EMPATHETIC_LIMITS,
  INSIGHT_LIMITS,
} from '../workspace/limits.ts';
import type { ProposalAvatarField, ProposalTarget, ProposalWorksheetField } from './proposal-contracts.ts';

/** The workspace item kinds a proposal can write to. */
export type ProposalItemKind = 'canvas' | 'insight' | 'distinctive' | 'empathetic' | 'authentic' | 'avatar';

/** Where a target lives: the item kind (and the avatar's id) and the path of the text in its data. */
export type ProposalLocation =
  | { kind: Exclude<ProposalItemKind, 'avatar'>; itemId: null; path: readonly string[] }
  | { kind: 'avatar'; itemId: string; path: readonly string[] };

export function proposalLocation(target: ProposalTarget): ProposalLocation {
  switch (target.kind) {
    case 'canvas':
      // The contracts cannot import the canvas table (import cycle); `satisfies` keeps the two in step.
      return { kind: 'canvas', itemId: null, path: [target.field satisfies CanvasTextKey] };
    case 'worksheet': {
      const [worksheet, ...path] = target.field.split('.') as [
        Exclude<ProposalItemKind, 'avatar'>,
        ...string[],
      ];
      return { kind: worksheet, itemId: null, path };
    }
    case 'avatar':
      return { kind: 'avatar', itemId: target.itemId, path: target.field.split('.') };
  }
}

/** The key the item's field sources use for the target ("valueProposition", "story.origin"). */
export function proposalSourceKey(target: ProposalTarget): string {
  return proposalLocation(target).path.join('.');
}

const WORKSHEET_LIMITS: Record<ProposalWorksheetField, number> = {
  'insight.buyerIntent': INSIGHT_LIMITS.buyerIntent,
  'insight.buyerMotivation': INSIGHT_LIMITS.buyerMotivation,
  'insight.triggerNotes': INSIGHT_LIMITS.triggerNotes,
  'insight.shopperNotes': INSIGHT_LIMITS.shopperNotes,
  'insight.demographics': INSIGHT_LIMITS.demographics,
  'distinctive.positioning': DISTINCTIVE_LIMITS.positioning,
  'empathetic.feelingBefore': EMPATHETIC_LIMITS.feeling,
  'empathetic.feelingDuring': EMPATHETIC_LIMITS.feeling,
  'empathetic.feelingAfter': EMPATHETIC_LIMITS.feeling,
  'authentic.story.origin': AUTHENTIC_LIMITS.story,
  'authentic.story.struggle': AUTHENTIC_LIMITS.story,
  'authentic.story.mission': AUTHENTIC_LIMITS.story,
  'authentic.promise': AUTHENTIC_LIMITS.promise,
};

const AVATAR_LIMITS: Record<ProposalAvatarField, number> = {
  name: AVATAR_TEXT_LIMITS.name,
  'demographics.occupation': AVATAR_TEXT_LIMITS.occupation,
  'demographics.lifestyle': AVATAR_TEXT_LIMITS.lifestyle,
};

/** The longest text the target's field stores (the item schema's own limit). */
export function proposalTextLimit(target: ProposalTarget): number {
  switch (target.kind) {
    case 'canvas':
      return canvasFieldInfo(target.field).maxLength;
    case 'worksheet':
      return WORKSHEET_LIMITS[target.field];
    case 'avatar':
      return AVATAR_LIMITS[target.field];
  }
}

const WORKSHEET_LABELS: Record<ProposalWorksheetField, string> = {
  'insight.buyerIntent': 'Insight worksheet: buyer intent',
  'insight.buyerMotivation': 'Insight worksheet: why customers buy',
  'insight.triggerNotes': 'Insight worksheet: emotional triggers',
  'insight.shopperNotes': 'Insight worksheet: shopper types',
  'insight.demographics': 'Insight worksheet: who your customers are',
  'distinctive.positioning': 'Distinctive worksheet: positioning',
  'empathetic.feelingBefore': 'Empathetic worksheet: how they feel before buying',
  'empathetic.feelingDuring': 'Empathetic worksheet: how they feel while buying',
  'empathetic.feelingAfter': 'Empathetic worksheet: how they feel after buying',
  'authentic.story.origin': 'Authentic worksheet: how it started',
  'authentic.story.struggle': 'Authentic worksheet: the struggle',
  'authentic.story.mission': 'Authentic worksheet: the mission',
  'authentic.promise': 'Authentic worksheet: brand promise',
};

const AVATAR_FIELD_LABELS: Record<ProposalAvatarField, string> = {
  name: 'name',
  'demographics.occupation': 'occupation',
  'demographics.lifestyle': 'lifestyle',
};

/** The field as the owner knows it; an avatar's fields carry the avatar's name. */
export function proposalLabel(target: ProposalTarget, avatarName?: string): string {
  switch (target.kind) {
    case 'canvas':
      return `Canvas: ${canvasFieldInfo(target.field).label.toLowerCase()}`;
    case 'worksheet':
      return WORKSHEET_LABELS[target.field];
    case 'avatar':
      return `Avatar ${avatarName?.trim() || 'without a name'}: ${AVATAR_FIELD_LABELS[target.field]}`;
  }
}

/** The text at `path` in an item's data; '' when the item was never saved or the field is unset. */
export function readProposalText(data: unknown, path: readonly string[]): string {
  let node: unknown = data;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return '';
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'string' ? node : '';
}

/** A copy of the item's data with the text at `path` replaced (intermediate objects are copied). */
export function writeProposalText(
  data: Record<string, unknown>,
  path: readonly string[],
  text: string,
): Record<string, unknown> {
  const [key, ...rest] = path;
  if (key === undefined) return data;
  if (rest.length === 0) return { ...data, [key]: text };
  const child = data[key];
  const inner = typeof child === 'object' && child !== null ? (child as Record<string, unknown>) : {};
  return { ...data, [key]: writeProposalText(inner, rest, text) };
}

/** Whether two texts say the same once whitespace is ignored (a proposal of the same text is none). */
export function sameProposalText(a: string, b: string): boolean {
  const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
  return flat(a) === flat(b);
}

/**
 * Why a proposed text cannot go into its field, or null when it can: empty, over the field's limit,
 * or no change from what is there now.
 */
export function proposalTextProblem(
  target: ProposalTarget,
  text: string,
  currentText: string,
): string | null {
  const trimmed = text.trim();
  if (!trimmed) return 'The proposed text is empty.';
  const limit = proposalTextLimit(target);
  if (trimmed.length > limit) {
    return `The proposed text has ${trimmed.length} characters; this field holds at most ${limit}.`;
  }
  if (sameProposalText(trimmed, currentText)) return 'The proposed text is what the field already says.';
  return null;
}

const ITEM_PAGES: Record<Exclude<ProposalItemKind, 'avatar'>, string> = {
  canvas: PAGE_PATHS.canvas,
  insight: PAGE_PATHS.insightModule,
  distinctive: PAGE_PATHS.distinctiveModule,
  empathetic: PAGE_PATHS.empatheticModule,
  authentic: PAGE_PATHS.authenticModule,
};

/** The page and field a target opens at, as citations open theirs (`#field-<path>`). */
export function proposalHref(target: ProposalTarget): string {
  const location = proposalLocation(target);
  const anchor = fieldAnchor(location.path.join('.'));
  if (location.kind === 'avatar') return `${avatarPath(location.itemId)}#${anchor}`;
  return `${ITEM_PAGES[location.kind]}#${anchor}`;
}
