/**
 * The brand's saved work as a provider's prompt carries it, in sections the context budget can rank:
 * the brand profile (name and the full canvas), the four IDEA worksheets in full, and the avatars
 * most relevant to the request with their reviews and the analysis of them. Only what the owner
 * filled in appears, under the labels the pages use, so the model can quote it and name where it is.
 *
 * Every text here is the owner's (or their customers') words: the context builder wraps the sections
 * in the `<context>` data block, which the prompts say is never to be obeyed. Pure, so the engine
 * and the tests read the same text.
 */
import { itemSections } from '../knowledge/item-sections.ts';
import type { AvatarData } from '../workspace/avatar.ts';
import { splitPastedReviews } from '../workspace/avatar-reviews.ts';
import { avatarSummary } from '../workspace/avatar-summary.ts';
import type { CanvasData } from '../workspace/canvas.ts';
import type { ItemData, ItemKind } from '../workspace/items.ts';
import { TRIGGER_LABELS } from '../workspace/trigger-assessment.ts';

/** Avatars read in full; the others are listed by name, so the model knows they exist. */
export const AVATARS_IN_FULL = 3;
/** Reviews are many and long: the first ones up to this much per avatar; the analysis covers them all. */
const REVIEW_CHARS_PER_AVATAR = 1500;
const REVIEW_MAX_CHARS = 400;
/** One field never takes more than this, so a long story cannot crowd out the rest of a worksheet. */
const FIELD_MAX_CHARS = 1500;

function clip(text: string, max: number): string {
  const flat = text.trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/** One `Label: text` line per filled field of an item, labelled as its passages are. */
function fieldLines(kind: ItemKind, stored: Record<string, unknown> | null): string[] {
  if (!stored) return [];
  // itemSections reads the fields in the page's order, whatever order they were stored in.
  return itemSections(kind, stored).map((section) => {
    if (kind === 'authentic' && section.locator.field === 'consistency') {
      return `Consistency checklist: ${checklist(stored as ItemData<'authentic'>)}`;
    }
    const label = section.label.split(' · ').slice(1).join(' · ') || section.label;
    return `${label}: ${clip(section.text, FIELD_MAX_CHARS)}`;
  });
}

/** The touchpoint checklist with its ticks, which the generic field text leaves out. */
function checklist(authentic: ItemData<'authentic'>): string {
  return authentic.consistency
    .map((row) => {
      const note = row.note.trim() ? `: ${clip(row.note, 300)}` : '';
      return `${row.touchpoint} (${row.consistent ? 'consistent' : 'not consistent yet'}${note})`;
    })
    .join('; ');
}

/** The brand profile: its name and every filled canvas field, in full. */
export function renderBrandProfile(brandName: string, canvas: CanvasData | null): string {
  const lines = fieldLines('canvas', canvas as Record<string, unknown> | null);
  return [`Brand name: ${brandName}`, ...(lines.length > 0 ? ['Brand canvas:', ...lines] : [])].join('\n');
}

export interface Worksheets {
  insight: ItemData<'insight'> | null;
  distinctive: ItemData<'distinctive'> | null;
  empathetic: ItemData<'empathetic'> | null;
  authentic: ItemData<'authentic'> | null;
}

const WORKSHEET_TITLES: Record<keyof Worksheets, string> = {
  insight: 'Insight worksheet',
  distinctive: 'Distinctive worksheet',
  empathetic: 'Empathetic worksheet',
  authentic: 'Authentic worksheet',
};

/** The four IDEA worksheets, every filled field; null when none has anything yet. */
export function renderWorksheets(worksheets: Worksheets): string | null {
  const blocks = (Object.keys(WORKSHEET_TITLES) as (keyof Worksheets)[]).flatMap((kind) => {
    const lines = fieldLines(kind, worksheets[kind] as Record<string, unknown> | null);
    return lines.length > 0 ? [[`${WORKSHEET_TITLES[kind]}:`, ...lines].join('\n')] : [];
  });
  return blocks.length > 0 ? blocks.join('\n\n') : null;
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * How clearly `text` names the avatar: 2 for its whole name, 1 for a distinctive part of it ("Nadia"
 * of "Nurse Nadia"; words of three letters or fewer never count), 0 otherwise.
 */
function mention(name: string, said: readonly string[]): number {
  const nameWords = words(name);
  if (nameWords.length === 0) return 0;
  const joined = ` ${said.join(' ')} `;
  if (joined.includes(` ${nameWords.join(' ')} `)) return 2;
  return nameWords.some((word) => word.length > 3 && said.includes(word)) ? 1 : 0;
}

/**
 * The avatars in the order the coach should read them: the one the request names first (by its whole
 * name before a part of it), then the brand's order.
 */
export function avatarsByMention<A extends Pick<AvatarData, 'name'>>(
  avatars: readonly A[],
  request: string,
): A[] {
  const said = words(request);
  return avatars
    .map((avatar, index) => ({ avatar, index, score: mention(avatar.name, said) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.avatar);
}

function reviewLines(reviews: string): string[] {
  const all = splitPastedReviews(reviews);
  const lines: string[] = [];
  let used = 0;
  for (const review of all) {
    const text = clip(review.replace(/\s+/g, ' '), REVIEW_MAX_CHARS);
    if (used + text.length > REVIEW_CHARS_PER_AVATAR && lines.length > 0) break;
    lines.push(`- ${text}`);
    used += text.length;
  }
  const header =
    lines.length < all.length
      ? `Customer reviews (${all.length}; the first ${lines.length} shown):`
      : `Customer reviews (${all.length}):`;
  return all.length > 0 ? [header, ...lines] : [];
}

function analysisLines(voice: AvatarData['voice']): string[] {
  const analysis = voice.analysis;
  if (!analysis) return [];
  const { sentiment } = analysis;
  const lines = [
    `Review analysis (${analysis.reviewCount} reviews: ${sentiment.positive} positive, ${sentiment.neutral} neutral, ${sentiment.negative} negative):`,
    ...analysis.summary.map((line) => `- ${line}`),
  ];
  if (analysis.keyPhrases.length > 0)
    lines.push(
      `Key phrases: ${analysis.keyPhrases.map((phrase) => `${phrase.phrase} (${phrase.count}, ${phrase.sentiment})`).join('; ')}`,
    );
  const triggers = analysis.triggers.filter((trigger) => trigger.mentions > 0);
  if (triggers.length > 0)
    lines.push(
      `Emotional triggers in the reviews: ${triggers.map((trigger) => `${TRIGGER_LABELS[trigger.trigger]} (${trigger.mentions})`).join(', ')}`,
    );
  for (const quote of analysis.quotes) lines.push(`Quote (${quote.sentiment}): ${quote.text}`);
  return lines;
}

function renderAvatar(avatar: AvatarData, named: boolean): string {
  const { psychology } = avatar;
  const summary = avatarSummary(avatar);
  const lines = [
    `Avatar: ${avatar.name}${named ? ' (named in the request)' : ''}`,
    summary ? `Who: ${summary}` : '',
    psychology.values.length > 0 ? `Values: ${psychology.values.join(', ')}` : '',
    psychology.desires.length > 0 ? `Desires: ${psychology.desires.join(', ')}` : '',
    psychology.fears.length > 0 ? `Fears: ${psychology.fears.join(', ')}` : '',
    psychology.triggers.length > 0
      ? `Emotional triggers: ${psychology.triggers.map((trigger) => TRIGGER_LABELS[trigger]).join(', ')}`
      : '',
    ...reviewLines(avatar.voice.reviews),
    ...analysisLines(avatar.voice),
  ];
  return lines.filter(Boolean).join('\n');
}

/**
 * The avatars for a request (`request`: the words it names an avatar with): the named one first,
 * the first few in full with their reviews and review analysis, the rest by name. Null with none.
 */
export function renderAvatars(avatars: readonly AvatarData[], request: string): string | null {
  if (avatars.length === 0) return null;
  const said = words(request);
  const ordered = avatarsByMention(avatars, request);
  const blocks = ordered
    .slice(0, AVATARS_IN_FULL)
    .map((avatar) => renderAvatar(avatar, mention(avatar.name, said) > 0));
  const rest = ordered.slice(AVATARS_IN_FULL).map((avatar) => avatar.name);
  if (rest.length > 0) blocks.push(`Other avatars (not shown): ${rest.join(', ')}`);
  return blocks.join('\n\n');
}

/** Brand memory never takes more than this; the newest facts come first, so they are the ones kept. */
export const MEMORY_SECTION_MAX_CHARS = 4000;

/**
 * The facts the owner confirmed about the brand (newest first), one per line, as many as fit in
 * `MEMORY_SECTION_MAX_CHARS`; null with none.
 */
export function renderMemoryFacts(facts: readonly string[]): string | null {
  if (facts.length === 0) return null;
  const lines: string[] = [];
  let used = 0;
  for (const fact of facts) {
    const line = `- ${fact.replace(/\s+/g, ' ').trim()}`;
    if (used + line.length + 1 > MEMORY_SECTION_MAX_CHARS) break;
    lines.push(line);
    used += line.length + 1;
  }
  const left = facts.length - lines.length;
  if (left > 0) lines.push(`(${left} older ${left === 1 ? 'fact' : 'facts'} not shown)`);
  return lines.join('\n');
}
