/**
 * How the offline coach proposes canvas text. It never offers a fill-in-the-blanks template: a
 * proposal is either the owner's own text made tighter (generic words and filler removed, the brand
 * name and the saved audience put in) or, for an empty field, a draft assembled from what the owner
 * saved elsewhere in the workspace. When neither is possible, or nothing needs fixing, there is no
 * proposal at all and the coach asks a question instead.
 */
import { plural } from '../text/plural.ts';
import { avatarAudience, cleanTags, TRIGGER_TRAITS } from '../workspace/canvas-import.ts';
import { DEFAULT_BRAND_NAME } from '../workspace/limits.ts';
import type { CanvasField, EmotionalTrigger } from './contracts.ts';
import type { AvatarFacts, BrandSaved } from './workspace-context.ts';

/** What the coach may build a proposal from: only what the owner typed or saved. */
export interface ProposalSources {
  /** The brand's name; the default name given at sign-up is not one to write into a sentence. */
  brandName: string | null;
  /** Who the brand serves, as the owner said it (the request) or as their first avatar says. */
  audience: string | null;
  saved: BrandSaved | null;
}

export interface Proposal {
  text: string;
  /** Where the words came from, for the critique ("your avatar Sam"). */
  origin: string;
}

/** A name worth writing into a sentence: not empty, not the placeholder name every account starts with. */
export function usableBrandName(name: string | null | undefined): string | null {
  const trimmed = name?.trim() ?? '';
  return trimmed && trimmed.toLowerCase() !== DEFAULT_BRAND_NAME.toLowerCase() ? trimmed : null;
}

/** The audience the owner saved: their first avatar, named as the canvas import names it. */
export function savedAudience(saved: BrandSaved | null): string | null {
  const avatar = saved?.avatars[0];
  return avatar ? avatarAudience(avatar) : null;
}

// --------------------------------------------------------------------------- tightening the text

const FILLER = /\b(?:very|really|truly|extremely|incredibly|absolutely|basically|actually|literally)\s+/gi;

/** Modifiers that could describe any brand, longest first so "high-quality" goes before "quality". */
const GENERIC_MODIFIERS = [
  'state-of-the-art',
  'best-in-class',
  'world-class',
  'world class',
  'high-quality',
  'high quality',
  'top-quality',
  'top quality',
  'cutting-edge',
  'cutting edge',
  'customer-centric',
  'customer centric',
  'innovative',
  'passionate',
  'leading',
  'premium',
  'quality',
  'unique',
  'best',
];

/** Words after which a modifier is not modifying a noun ("quality and care", "best of all"). */
const NOT_A_NOUN_AFTER = 'and|or|but|to|of|in|for|with|that|is|are|about|at|by|as';

/** Marks where a word was removed, so only those spots get their article ("a"/"an") corrected. */
const REMOVED = '\u0001';

const GENERIC_MODIFIER = new RegExp(
  `\\b(?:${GENERIC_MODIFIERS.join('|')})(?:,\\s*|\\s+)(?=(?!(?:${NOT_A_NOUN_AFTER})\\b)[\\p{L}\\d])`,
  'giu',
);

function fixArticles(text: string): string {
  return text.replace(
    new RegExp(`\\b(a|an)\\s+${REMOVED}+\\s*(\\p{L})`, 'giu'),
    (_match, article, letter) => {
      const vowel = /[aeiou]/i.test(letter);
      const fixed = vowel ? 'an' : 'a';
      const cased =
        article[0] === article[0].toUpperCase() ? `${fixed[0]?.toUpperCase()}${fixed.slice(1)}` : fixed;
      return `${cased} ${letter}`;
    },
  );
}

function tidy(text: string): string {
  return text
    .replaceAll(REMOVED, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/ +([,.;:!?])/g, '$1')
    .replace(/,(?=[.;:!?])/g, '')
    .replace(/^[ ,]+|[ ,]+$/g, '')
    .replace(
      /(^|[.!?]\s+)(\p{Ll})/gu,
      (_match, before, letter: string) => `${before}${letter.toUpperCase()}`,
    );
}

/** The text without filler and without the generic modifiers that could describe any brand. */
export function withoutGenericWords(text: string): string {
  const plain = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\bin order to\b/gi, 'to')
    .replace(/\b(we|i|they)\s+(?:are|am)\s+passionate\s+about\b/gi, '$1 care about')
    .replace(/\bis\s+passionate\s+about\b/gi, 'cares about')
    .replace(FILLER, REMOVED)
    .replace(GENERIC_MODIFIER, REMOVED);
  return tidy(fixArticles(plain));
}

const STOP_WORDS = new Set(
  'a an the and or but to of in on for with by at as is are am be we our us i my you your it its this that they their who which so from'.split(
    ' ',
  ),
);

/** The words that carry meaning, lower-cased. */
export function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\d][\p{L}\d'’-]*/gu) ?? []).filter((word) => !STOP_WORDS.has(word));
}

function sentences(text: string): string[] {
  return text.match(/[^.!?]+[.!?]*\s*/g)?.map((sentence) => sentence.trim()) ?? [text];
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Whole sentences from the start, as many as fit in `maxWords` (always at least the first). */
function keepWithin(text: string, maxWords: number): string {
  const kept: string[] = [];
  let words = 0;
  for (const sentence of sentences(text)) {
    const count = wordCount(sentence);
    if (kept.length > 0 && words + count > maxWords) break;
    kept.push(sentence);
    words += count;
  }
  return kept.join(' ');
}

function lowerFirst(text: string): string {
  return /^(?:We|Our|The|A|An|It|This|Its)\b/.test(text) ? `${text[0]?.toLowerCase()}${text.slice(1)}` : text;
}

/** Puts "for <audience>" at the end of the first sentence. */
function addAudience(field: CanvasField, text: string, audience: string): string {
  if (field === 'positioning') return `For ${audience}, ${lowerFirst(text)}`;
  const [first = text, ...rest] = sentences(text);
  const body = first.replace(/[.!?]+$/, '');
  const end = first.slice(body.length) || '.';
  return [`${body} for ${audience}${end}`, ...rest].join(' ');
}

export interface TextReview {
  /** Problems found, as advice for beside the field. */
  problems: string[];
  /** The owner's text with what could be fixed fixed; empty when nothing could be (or needed to be). */
  rewrite: string;
}

/** Fields whose text should say who it is for. */
const NAMES_AUDIENCE: readonly CanvasField[] = ['positioning', 'mission'];

/**
 * Critiques a filled text field and tightens it: filler and generic modifiers go, the default
 * "my brand" becomes the brand's name, the saved audience is added where none is named, and an
 * over-long text keeps its leading sentences. The rewrite is offered only when it changes something
 * and still carries the owner's meaning (most of their meaningful words survive).
 */
export function reviewCanvasText(
  field: CanvasField,
  current: string,
  sources: ProposalSources,
  limits: { label: string; maxWords: number },
  genericWords: readonly string[],
): TextReview {
  const lower = current.toLowerCase();
  const problems: string[] = [];
  const words = wordCount(current);
  if (words > limits.maxWords)
    problems.push(
      `At ${words} words it is long for a ${limits.label.toLowerCase()}; aim for ${limits.maxWords} or fewer.`,
    );
  const found = genericWords.filter((word) => new RegExp(`\\b${word}\\b`).test(lower));
  // "quality" is already said by "high-quality".
  const generic = found.filter((word) => !found.some((other) => other !== word && other.includes(word)));
  if (generic.length > 0)
    problems.push(
      `${generic.map((word) => `"${word}"`).join(', ')} could describe any brand; replace with something only you can claim.`,
    );
  const filler = [...new Set((current.match(FILLER) ?? []).map((word) => word.trim().toLowerCase()))];
  if (filler.length > 0)
    problems.push(
      `${filler.map((word) => `"${word}"`).join(', ')} ${plural(filler.length, 'adds', 'add')} nothing: cut ${plural(filler.length, 'it', 'them')}.`,
    );
  const brandName = usableBrandName(sources.brandName);
  if (brandName && /\b(?:my|our|the|this) brand\b/i.test(current))
    problems.push(`Say "${brandName}" rather than "${/\b(?:my|our|the|this) brand\b/i.exec(current)?.[0]}".`);
  const weCount = (lower.match(/\b(we|our|us)\b/g) ?? []).length;
  const youCount = (lower.match(/\b(you|your|customers?|people)\b/g) ?? []).length;
  if (weCount > youCount + 1)
    problems.push('It talks more about you than about your customers; name who benefits and how.');
  const audience = sources.audience;
  // A statement that opens "For night-shift nurses who…" names its audience in the classic form.
  const audienceNamed =
    youCount > 0 ||
    /^\s*for\s/i.test(current) ||
    (audience !== null && lower.includes(audience.toLowerCase()));
  const missingAudience = NAMES_AUDIENCE.includes(field) && !audienceNamed;
  if (missingAudience)
    problems.push(
      audience
        ? `No audience is named: say who it is for, such as ${audience}.`
        : 'No audience is named: say who it is for.',
    );
  if (problems.length === 0) return { problems, rewrite: '' };

  let rewrite = withoutGenericWords(current);
  if (brandName) {
    rewrite = rewrite
      .replace(/\b(?:my|our|the|this) brand\b/gi, brandName)
      .replace(/^We exist\b/, `${brandName} exists`);
  }
  if (missingAudience && audience) rewrite = addAudience(field, rewrite, audience);
  rewrite = keepWithin(rewrite, limits.maxWords);

  // Too little of the owner's meaning left (it was mostly generic words): ask, do not propose.
  const before = new Set(contentWords(current));
  const kept = contentWords(rewrite).filter((word) => before.has(word));
  const meaningful = kept.length >= 3 && kept.length * 2 >= before.size;
  const changed = rewrite.replace(/\s+/g, ' ') !== current.replace(/\s+/g, ' ').trim();
  return { problems, rewrite: meaningful && changed ? rewrite : '' };
}

/** Tags that are only generic words (a value of "Quality" or "Excellence" rules nothing out). */
const GENERIC_TAGS = new Set([
  'quality',
  'excellence',
  'innovation',
  'passion',
  'synergy',
  'best',
  'premium',
]);

/**
 * A tag list without the purely generic tags, plus the values the owner wrote in the Authentic
 * worksheet that the canvas lacks; empty when that changes nothing.
 */
export function reviewCanvasTags(field: 'values' | 'personality', current: string, saved: BrandSaved | null) {
  const tags = current
    .split(/,|;|\n/)
    .map((tag) => tag.trim())
    .filter(Boolean);
  const generic = tags.filter((tag) => GENERIC_TAGS.has(tag.toLowerCase()));
  const fromWorksheet =
    field === 'values' ? (saved?.authentic?.values.map((row) => row.value.trim()).filter(Boolean) ?? []) : [];
  const next = cleanTags([...tags.filter((tag) => !generic.includes(tag)), ...fromWorksheet]);
  const same = next.length === tags.length && next.every((tag, index) => tag === tags[index]);
  return { generic, rewrite: same || next.length === 0 ? '' : next.join(', ') };
}

// ------------------------------------------------------------------------------ drafts from data

function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function sentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const capital = `${flat.charAt(0).toUpperCase()}${flat.slice(1)}`;
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

function firstAvatar(saved: BrandSaved | null): AvatarFacts | null {
  return saved?.avatars[0] ?? null;
}

/** What the brand does for its customers, in the owner's words: "get more time". */
function outcomeOf(saved: BrandSaved | null): { phrase: string; origin: string } | null {
  const avatar = firstAvatar(saved);
  const desire = avatar?.psychology.desires[0]?.trim();
  if (avatar && desire)
    return { phrase: `get ${desire.toLowerCase()}`, origin: `your avatar ${avatar.name}` };
  const feeling = saved?.empathetic?.feelingAfter.trim().replace(/[.!]+$/, '') ?? '';
  // A short feeling ("calm and in control") reads as one; a sentence would not fit the draft.
  if (feeling && wordCount(feeling) <= 5 && !/^(?:they|we|i|customers?|people|feel)/i.test(feeling))
    return {
      phrase: `feel ${feeling.toLowerCase()}`,
      origin: 'the feeling after purchase in your Empathetic worksheet',
    };
  return null;
}

function triggersOf(saved: BrandSaved | null): EmotionalTrigger[] {
  if (!saved) return [];
  if (saved.empathetic?.triggerRanking.length) return saved.empathetic.triggerRanking;
  if (saved.insight?.emotionalTriggers.length) return saved.insight.emotionalTriggers;
  return firstAvatar(saved)?.psychology.triggers ?? [];
}

/**
 * A first draft for an empty field, made only of what the owner saved (worksheets, avatars, the
 * rest of the canvas); null when there is not enough of it for a complete, concrete sentence.
 */
export function draftCanvasField(field: CanvasField, sources: ProposalSources): Proposal | null {
  const { saved, audience } = sources;
  const brandName = usableBrandName(sources.brandName);
  const avatar = firstAvatar(saved);
  const outcome = outcomeOf(saved);
  const audienceOrigin =
    audience && avatar && audience === avatarAudience(avatar)
      ? `your avatar ${avatar.name}`
      : 'the audience you named';
  switch (field) {
    case 'purpose':
      if (!audience || !outcome) return null;
      return {
        text: `${brandName ? `${brandName} exists` : 'We exist'} to help ${audience} ${outcome.phrase}.`,
        origin: joinList([...new Set(Array.of(audienceOrigin, outcome.origin))]),
      };
    case 'mission': {
      const mission = saved?.authentic?.story.mission.trim();
      if (mission)
        return { text: sentence(mission), origin: 'the mission in your Authentic worksheet story' };
      if (!audience || !outcome) return null;
      return {
        text: `${brandName ? `${brandName} helps` : 'We help'} ${audience} ${outcome.phrase}.`,
        origin: joinList([...new Set(Array.of(audienceOrigin, outcome.origin))]),
      };
    }
    case 'positioning': {
      const positioning = saved?.distinctive?.positioning.trim();
      if (positioning)
        return { text: sentence(positioning), origin: 'the positioning draft in your Distinctive worksheet' };
      const difference = saved?.distinctive?.differentiators.find((row) => row.difference.trim());
      if (!audience || !difference) return null;
      return {
        text: `For ${audience}: ${sentence(difference.difference).replace(/[.!?]$/, '')}, unlike ${difference.competitor}.`,
        origin: `${audienceOrigin} and your difference from ${difference.competitor} in the Distinctive worksheet`,
      };
    }
    case 'tagline':
      // A tagline is copy, not a sentence of saved facts: the copy engine writes it (offline-coach).
      return null;
    case 'value-proposition': {
      const promise = saved?.authentic?.promise.trim();
      if (promise)
        return { text: sentence(promise), origin: 'the brand promise in your Authentic worksheet' };
      const desire = avatar?.psychology.desires[0]?.trim();
      const fear = avatar?.psychology.fears[0]?.trim();
      if (!avatar || !desire || !fear) return null;
      return {
        text: sentence(`${desire} without ${fear.toLowerCase()}`),
        origin: `your avatar ${avatar.name}`,
      };
    }
    case 'values': {
      const values = cleanTags(saved?.authentic?.values.map((row) => row.value) ?? []);
      if (values.length === 0) return null;
      return { text: values.join(', '), origin: 'the core values in your Authentic worksheet' };
    }
    case 'personality': {
      const traits = cleanTags(
        triggersOf(saved)
          .slice(0, 3)
          .map((trigger) => TRIGGER_TRAITS[trigger]),
      );
      if (traits.length === 0) return null;
      return { text: traits.join(', '), origin: 'the emotional triggers you chose for your customers' };
    }
    case 'voice': {
      const traits = saved?.canvas?.personality ?? [];
      if (traits.length === 0) return null;
      const who = brandName ? `${brandName} sounds` : 'We sound';
      const speakTo = avatar ? ` We speak to ${avatar.name} in their own words.` : '';
      return {
        text: `${who} ${joinList(traits.slice(0, 4).map((trait) => trait.toLowerCase()))}.${speakTo}`,
        origin: avatar ? `your canvas personality and your avatar ${avatar.name}` : 'your canvas personality',
      };
    }
    case 'vision':
      // A vision is the owner's ambition; nothing saved elsewhere says it, so the coach asks.
      return null;
  }
}
