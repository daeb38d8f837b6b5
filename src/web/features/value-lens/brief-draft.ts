/**
 * The Value Lens brief being written, kept per brand in sessionStorage so a reload (or a look at
 * another page) does not lose it. Like the diagnostic's answers in progress it stays in this tab
 * only; what is read back is checked field by field, so a stale or tampered entry cannot break the
 * form.
 */
import type { CopyFormat, EmotionalTrigger } from '../../../core/ai/contracts.ts';
import type { CopyTone } from '../../../core/ai/copy-limits.ts';
import { VALUE_LENS_BRIEF_LIMITS } from '../../../core/ai/input-limits.ts';
import { FORMATS, PAYOFFS, TONES } from './options.ts';

export interface BriefDraft {
  product: string;
  category: string;
  features: string[];
  audience: string;
  payoff: EmotionalTrigger | '';
  tone: CopyTone;
  format: CopyFormat;
  avatarId: string;
  useCanvas: boolean;
}

export const EMPTY_BRIEF: BriefDraft = {
  product: '',
  category: '',
  features: [''],
  audience: '',
  payoff: '',
  tone: 'warm',
  format: 'social-caption',
  avatarId: '',
  useCanvas: true,
};

export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function briefDraftKey(brandId: string): string {
  return `ibc.value-lens.brief.${brandId}`;
}

/** sessionStorage, or null where the browser refuses it. */
export function browserDraftStorage(): DraftStorage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function text(value: unknown, max: number): string {
  return typeof value === 'string' ? value.slice(0, max) : '';
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** The saved draft for the brand, cleaned up; the empty brief when there is none (or it is unreadable). */
export function loadBriefDraft(storage: DraftStorage | null, brandId: string): BriefDraft {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(briefDraftKey(brandId)) ?? null;
  } catch {
    return EMPTY_BRIEF;
  }
  if (!raw) return EMPTY_BRIEF;
  let saved: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return EMPTY_BRIEF;
    saved = parsed as Record<string, unknown>;
  } catch {
    return EMPTY_BRIEF;
  }
  const features = Array.isArray(saved.features)
    ? saved.features
        .slice(0, VALUE_LENS_BRIEF_LIMITS.features)
        .map((feature) => text(feature, VALUE_LENS_BRIEF_LIMITS.feature))
    : [];
  return {
    product: text(saved.product, VALUE_LENS_BRIEF_LIMITS.product),
    category: text(saved.category, VALUE_LENS_BRIEF_LIMITS.category),
    features: features.length > 0 ? features : [''],
    audience: text(saved.audience, VALUE_LENS_BRIEF_LIMITS.audience),
    payoff: saved.payoff === '' ? '' : oneOf<EmotionalTrigger | ''>(saved.payoff, PAYOFFS, ''),
    tone: oneOf(saved.tone, TONES, EMPTY_BRIEF.tone),
    format: oneOf(saved.format, FORMATS, EMPTY_BRIEF.format),
    avatarId: text(saved.avatarId, 64),
    useCanvas: typeof saved.useCanvas === 'boolean' ? saved.useCanvas : true,
  };
}

export function saveBriefDraft(storage: DraftStorage | null, brandId: string, draft: BriefDraft): void {
  try {
    storage?.setItem(briefDraftKey(brandId), JSON.stringify(draft));
  } catch {
    // Full or refused: the form still works, the draft just won't survive a reload.
  }
}
