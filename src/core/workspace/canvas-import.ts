/**
 * Proposes canvas content from the user's own IDEA worksheets and a chosen customer avatar. Nothing
 * is applied until the user confirms: `proposeCanvasImport` lists one proposal per field (worksheets
 * first, avatar hints as the fallback), `applyCanvasImport` fills only the chosen fields — empty ones,
 * unless the user asked to overwrite. Tag fields are merged rather than replaced, so importing never
 * drops a tag the user typed.
 *
 * Type-only imports keep zod out of the page that uses this.
 */
import type { z } from 'zod';
import type { EmotionalTrigger } from '../ai/contracts.ts';
import type { AvatarData } from './avatar.ts';
import type { CanvasData } from './canvas.ts';
import {
  CANVAS_KEYS,
  CANVAS_MAX_TAGS,
  CANVAS_TAG_MAX,
  CANVAS_TEXT_MAX,
  type CanvasKey,
} from './canvas-fields.ts';
import type { FieldSources } from './items.ts';
import type {
  authenticDataSchema,
  distinctiveDataSchema,
  empatheticDataSchema,
  insightDataSchema,
} from './modules.ts';

export type InsightData = z.output<typeof insightDataSchema>;
export type DistinctiveData = z.output<typeof distinctiveDataSchema>;
export type EmpatheticData = z.output<typeof empatheticDataSchema>;
export type AuthenticData = z.output<typeof authenticDataSchema>;

export interface CanvasImportSources {
  insight?: InsightData | null;
  distinctive?: DistinctiveData | null;
  empathetic?: EmpatheticData | null;
  authentic?: AuthenticData | null;
  avatar?: AvatarData | null;
}

export interface CanvasImportProposal {
  field: CanvasKey;
  /** What the proposal is built from, for the confirmation list. */
  origin: string;
  value: string | string[];
  /** The field already holds something; it is changed only when the user chooses to overwrite. */
  replacesExisting: boolean;
  /** The proposal equals what the field already holds: nothing to do. */
  unchanged: boolean;
}

/** How each emotional trigger reads as a personality trait. */
export const TRIGGER_TRAITS: Record<EmotionalTrigger, string> = {
  hope: 'Optimistic',
  belonging: 'Welcoming',
  validation: 'Affirming',
  trust: 'Dependable',
  relief: 'Reassuring',
  aspiration: 'Inspiring',
  empowerment: 'Empowering',
};

interface Candidate {
  field: CanvasKey;
  origin: string;
  value: string | string[];
}

function clipText(text: string): string {
  const trimmed = text.trim();
  return trimmed.length <= CANVAS_TEXT_MAX ? trimmed : trimmed.slice(0, CANVAS_TEXT_MAX).trimEnd();
}

/** Trimmed, short enough, de-duplicated case-insensitively, at most the canvas's tag count. */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    if (!tag || tag.length > CANVAS_TAG_MAX || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    result.push(tag);
    if (result.length === CANVAS_MAX_TAGS) break;
  }
  return result;
}

function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** A short description of the avatar as an audience, e.g. "Sam, a nurse aged 25-34 in the suburbs". */
export function avatarAudience(avatar: Pick<AvatarData, 'name' | 'demographics'>): string {
  const { occupation, ageBand, locationType } = avatar.demographics;
  const parts = [
    occupation.trim() ? `${/^[aeiou]/i.test(occupation.trim()) ? 'an' : 'a'} ${occupation.trim()}` : '',
  ];
  if (ageBand) parts.push(`aged ${ageBand}`);
  if (locationType)
    parts.push(
      `living in ${locationType === 'urban' ? 'a city' : locationType === 'suburban' ? 'the suburbs' : 'the countryside'}`,
    );
  const description = parts.filter(Boolean).join(' ');
  return description ? `${avatar.name} (${description})` : avatar.name;
}

function candidates(sources: CanvasImportSources): Candidate[] {
  const list: Candidate[] = [];
  const { insight, distinctive, empathetic, authentic, avatar } = sources;

  if (distinctive?.positioning.trim())
    list.push({
      field: 'positioning',
      origin: 'Distinctive worksheet: positioning draft',
      value: clipText(distinctive.positioning),
    });
  if (authentic) {
    const values = cleanTags(authentic.values.map((row) => row.value));
    if (values.length > 0)
      list.push({ field: 'values', origin: 'Authentic worksheet: core values', value: values });
    if (authentic.promise.trim())
      list.push({
        field: 'valueProposition',
        origin: 'Authentic worksheet: brand promise',
        value: clipText(authentic.promise),
      });
    if (authentic.story.mission.trim())
      list.push({
        field: 'mission',
        origin: 'Authentic worksheet: story — mission',
        value: clipText(authentic.story.mission),
      });
    if (authentic.story.origin.trim())
      list.push({
        field: 'purpose',
        origin: 'Authentic worksheet: story — origin',
        value: clipText(authentic.story.origin),
      });
  }
  const ranking = empathetic?.triggerRanking.length
    ? empathetic.triggerRanking
    : (insight?.emotionalTriggers ?? []);
  if (ranking.length > 0) {
    list.push({
      field: 'personality',
      origin: empathetic?.triggerRanking.length
        ? 'Empathetic worksheet: top-ranked emotional triggers'
        : 'Insight worksheet: emotional triggers',
      value: cleanTags(ranking.slice(0, 3).map((trigger) => TRIGGER_TRAITS[trigger])),
    });
  }

  if (avatar) {
    // No positioning from an avatar alone: the category and the difference are the owner's to say,
    // and a proposal never leaves blanks to fill in.
    const [desire] = avatar.psychology.desires;
    const [fear] = avatar.psychology.fears;
    if (desire)
      list.push({
        field: 'valueProposition',
        origin: `Avatar: ${avatar.name}`,
        value: `We help ${avatar.name} get ${desire.toLowerCase()}${fear ? ` without ${fear.toLowerCase()}` : ''}.`,
      });
    const avatarValues = cleanTags(avatar.psychology.values);
    if (avatarValues.length > 0)
      list.push({
        field: 'voice',
        origin: `Avatar: ${avatar.name}`,
        value: clipText(
          `Speak to ${avatar.name} in their own words. Show that we share what they care about (${joinList(avatarValues.slice(0, 4).map((value) => value.toLowerCase()))})${fear ? ` and take their worry about ${fear.toLowerCase()} seriously` : ''}.`,
        ),
      });
    if (avatar.psychology.triggers.length > 0 && ranking.length === 0)
      list.push({
        field: 'personality',
        origin: `Avatar: ${avatar.name} — emotional triggers`,
        value: cleanTags(avatar.psychology.triggers.slice(0, 3).map((trigger) => TRIGGER_TRAITS[trigger])),
      });
  }
  return list;
}

function isEmpty(value: string | readonly string[]): boolean {
  return typeof value === 'string' ? value.trim() === '' : value.length === 0;
}

function sameValue(a: string | readonly string[], b: string | readonly string[]): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return a.length === b.length && a.every((item, index) => item.toLowerCase() === b[index]?.toLowerCase());
}

/** One proposal per field that any source has something for, in canvas order. */
export function proposeCanvasImport(
  canvas: CanvasData,
  sources: CanvasImportSources,
): CanvasImportProposal[] {
  const byField = new Map<CanvasKey, Candidate>();
  // The first candidate per field wins: worksheets are listed before avatar hints.
  for (const candidate of candidates(sources))
    if (!byField.has(candidate.field)) byField.set(candidate.field, candidate);
  return CANVAS_KEYS.flatMap((field) => {
    const candidate = byField.get(field);
    if (!candidate) return [];
    const current = canvas[field];
    const merged =
      Array.isArray(current) && Array.isArray(candidate.value)
        ? cleanTags([...current, ...candidate.value])
        : null;
    return [
      {
        ...candidate,
        replacesExisting: !isEmpty(current),
        unchanged: merged ? sameValue(merged, current) : sameValue(candidate.value, current),
      },
    ];
  });
}

export interface AppliedCanvasImport {
  data: CanvasData;
  sources: FieldSources;
  /** Fields that actually changed. */
  changed: CanvasKey[];
}

/**
 * Applies the chosen proposals. A field that already has content is left alone unless `overwrite`;
 * tag fields are merged (existing tags first). An imported field is the user's own work, so its
 * source becomes "user" again even if it was accepted from the coach before.
 */
export function applyCanvasImport(
  canvas: CanvasData,
  fieldSources: FieldSources,
  proposals: readonly CanvasImportProposal[],
  options: { fields: readonly CanvasKey[]; overwrite: boolean },
): AppliedCanvasImport {
  const data: CanvasData = { ...canvas, values: [...canvas.values], personality: [...canvas.personality] };
  const sources: FieldSources = { ...fieldSources };
  const changed: CanvasKey[] = [];
  for (const proposal of proposals) {
    if (!options.fields.includes(proposal.field) || proposal.unchanged) continue;
    const { field, value } = proposal;
    if (field === 'values' || field === 'personality') {
      if (!Array.isArray(value)) continue;
      if (data[field].length > 0 && !options.overwrite) continue;
      const next = cleanTags([...data[field], ...value]);
      if (sameValue(next, data[field])) continue;
      data[field] = next;
    } else {
      if (typeof value !== 'string') continue;
      if (!isEmpty(data[field]) && !options.overwrite) continue;
      if (data[field] === value) continue;
      data[field] = value;
    }
    delete sources[field];
    changed.push(field);
  }
  return { data, sources, changed };
}
