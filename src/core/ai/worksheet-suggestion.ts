/**
 * A concrete answer for an empty IDEA worksheet field, built only from what the owner saved
 * elsewhere: their first customer avatar and their brand canvas. It is what the field coach's
 * "Use this" puts into the field; tips and questions never are. When nothing saved answers the
 * field (or the field already has the owner's text), there is no suggestion and the coach only
 * advises.
 */
import {
  AGE_BAND_LABELS,
  BUYER_INTENT_LABELS,
  INCOME_BAND_LABELS,
  LOCATION_TYPE_LABELS,
  SHOPPER_TYPE_LABELS,
} from '../workspace/avatar-profile.ts';
import { hasPlaceholder } from '../workspace/canvas-completion.ts';
import type { WorksheetCoachField } from './contracts.ts';
import type { AvatarFacts, BrandSaved } from './workspace-context.ts';

function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function lower(items: readonly string[]): string[] {
  return items.map((item) => item.trim().toLowerCase()).filter(Boolean);
}

/** The stored text of a worksheet field, so a filled field gets no suggestion. */
function savedText(saved: BrandSaved, field: WorksheetCoachField): string {
  const { insight, distinctive, empathetic, authentic } = saved;
  switch (field) {
    case 'insight.buyerIntent':
      return insight?.buyerIntent ?? '';
    case 'insight.buyerMotivation':
      return insight?.buyerMotivation ?? '';
    case 'insight.triggerNotes':
      return insight?.triggerNotes ?? '';
    case 'insight.shopperNotes':
      return insight?.shopperNotes ?? '';
    case 'insight.demographics':
      return insight?.demographics ?? '';
    case 'distinctive.positioning':
      return distinctive?.positioning ?? '';
    case 'empathetic.feelingBefore':
      return empathetic?.feelingBefore ?? '';
    case 'empathetic.feelingDuring':
      return empathetic?.feelingDuring ?? '';
    case 'empathetic.feelingAfter':
      return empathetic?.feelingAfter ?? '';
    case 'authentic.story.origin':
      return authentic?.story.origin ?? '';
    case 'authentic.story.struggle':
      return authentic?.story.struggle ?? '';
    case 'authentic.story.mission':
      return authentic?.story.mission ?? '';
    case 'authentic.promise':
      return authentic?.promise ?? '';
  }
}

/** "Sam is a nurse, aged 25–34, on a middle income, living in a suburban area." */
function demographicsOf(avatar: AvatarFacts): string | null {
  const { occupation, ageBand, incomeBand, locationType, lifestyle } = avatar.demographics;
  const parts = [
    occupation.trim() ? `${/^[aeiou]/i.test(occupation.trim()) ? 'an' : 'a'} ${occupation.trim()}` : null,
    ageBand ? `aged ${AGE_BAND_LABELS[ageBand]}` : null,
    incomeBand ? `on a ${INCOME_BAND_LABELS[incomeBand].toLowerCase()} income` : null,
    locationType ? `living in a ${LOCATION_TYPE_LABELS[locationType].toLowerCase()} area` : null,
  ].filter((part): part is string => part !== null);
  if (parts.length === 0 && !lifestyle.trim()) return null;
  const who = parts.length > 0 ? `${avatar.name} is ${parts.join(', ')}.` : '';
  return [who, lifestyle.trim().replace(/\s+/g, ' ')].filter(Boolean).join(' ');
}

function fromAvatar(field: WorksheetCoachField, avatar: AvatarFacts): string | null {
  const { psychology, buying } = avatar;
  switch (field) {
    case 'insight.buyerMotivation': {
      const desires = lower(psychology.desires).slice(0, 3);
      const fears = lower(psychology.fears).slice(0, 2);
      if (desires.length === 0) return null;
      return `${avatar.name} buys to get ${joinList(desires)}${fears.length > 0 ? `, and worries about ${joinList(fears)}` : ''}.`;
    }
    case 'insight.buyerIntent': {
      const factors = lower(buying.decisionFactors).slice(0, 3);
      if (!buying.intentType && factors.length === 0) return null;
      const intent = buying.intentType
        ? `${avatar.name} usually arrives ${BUYER_INTENT_LABELS[buying.intentType].split(' — ')[1]}`
        : `${avatar.name} decides`;
      return `${intent}${factors.length > 0 ? `${buying.intentType ? ', and decides' : ''} on ${joinList(factors)}` : ''}.`;
    }
    case 'insight.shopperNotes': {
      if (!buying.shoppingStyle) return null;
      const style = SHOPPER_TYPE_LABELS[buying.shoppingStyle].toLowerCase();
      const price = buying.priceSensitivity ? `, with ${buying.priceSensitivity} price sensitivity` : '';
      return `${avatar.name} is a ${style} shopper${price}.`;
    }
    case 'insight.demographics':
      return demographicsOf(avatar);
    default:
      return null;
  }
}

function fromCanvas(field: WorksheetCoachField, canvas: NonNullable<BrandSaved['canvas']>): string | null {
  const text = (value: string) => value.trim() || null;
  switch (field) {
    case 'distinctive.positioning':
      return text(canvas.positioning);
    case 'authentic.story.mission':
      return text(canvas.mission);
    case 'authentic.promise':
      return text(canvas.valueProposition);
    default:
      return null;
  }
}

/** The suggested answer for `field`, or null when the owner's saved work does not give one. */
export function worksheetSuggestion(
  field: WorksheetCoachField | undefined,
  saved: BrandSaved | null | undefined,
): string | null {
  if (!field || !saved || savedText(saved, field).trim()) return null;
  const avatar = saved.avatars[0];
  const suggestion =
    (avatar ? fromAvatar(field, avatar) : null) ?? (saved.canvas ? fromCanvas(field, saved.canvas) : null);
  if (!suggestion || hasPlaceholder(suggestion)) return null;
  return suggestion.length <= 1000 ? suggestion : suggestion.slice(0, 1000).trimEnd();
}
