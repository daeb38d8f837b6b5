/**
 * An avatar in words, for the coach, the PDF and the voice-of-customer request. Like
 * avatar-profile.ts it needs no schema library at run time (the stored shape is only a type here).
 */
import type { AvatarData } from './avatar.ts';
import {
  AGE_BAND_LABELS,
  INCOME_BAND_LABELS,
  LOCATION_TYPE_LABELS,
  SHOPPER_TYPE_LABELS,
} from './avatar-profile.ts';

/**
 * The avatar as one or two sentences (for the coach and the PDF): demographics and buying
 * behaviour, leaving out what the user has not filled in.
 */
export function avatarSummary(data: AvatarData): string {
  const { demographics, buying } = data;
  const who = [
    demographics.ageBand ? `aged ${AGE_BAND_LABELS[demographics.ageBand]}` : null,
    demographics.incomeBand ? `${INCOME_BAND_LABELS[demographics.incomeBand].toLowerCase()} income` : null,
    demographics.locationType ? LOCATION_TYPE_LABELS[demographics.locationType].toLowerCase() : null,
    demographics.occupation.trim() || null,
  ].filter((part): part is string => part !== null);
  const how = [
    buying.shoppingStyle
      ? `${SHOPPER_TYPE_LABELS[buying.shoppingStyle].split(' (')[0]?.toLowerCase()} shopper`
      : null,
    buying.priceSensitivity ? `${buying.priceSensitivity} price sensitivity` : null,
    buying.intentType ? `usually ${buying.intentType} intent` : null,
    buying.decisionFactors.length > 0 ? `decides on ${buying.decisionFactors.join(', ')}` : null,
  ].filter((part): part is string => part !== null);
  const sentence = (parts: string[], separator: string) => {
    const text = parts.join(separator);
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const sentences = [
    who.length > 0 ? sentence(who, ', ') : '',
    demographics.lifestyle.trim() ? demographics.lifestyle.trim().replace(/\s+/g, ' ') : '',
    how.length > 0 ? sentence(how, '; ') : '',
  ].filter(Boolean);
  const summary = sentences.join(' ');
  return summary.length <= 1000 ? summary : `${summary.slice(0, 999)}…`;
}

/** The `avatar-voice` request for an avatar and its reviews. */
export function avatarVoiceRequest(data: AvatarData, reviews: readonly string[]) {
  return {
    avatar: {
      name: data.name,
      summary: avatarSummary(data),
      values: data.psychology.values,
      fears: data.psychology.fears,
      desires: data.psychology.desires,
      triggers: data.psychology.triggers,
    },
    reviews: [...reviews],
  };
}
