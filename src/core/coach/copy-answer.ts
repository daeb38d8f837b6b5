/**
 * The offline chat coach's answer to a copy request ("write three taglines", "rewrite our homepage
 * headline", "make them shorter", "write one for Priya"): options from the shared copy engine, built
 * from the owner's canvas and the chosen avatar's own words, within the format's limit and never cut,
 * with what they were built from. Canvas statements (purpose, mission, positioning, value
 * proposition) are critiqued and tightened, or drafted from the rest of the saved work. When there is
 * nothing of the owner's to write from, the answer says what is missing and where to add it. Pure.
 */
import {
  draftCanvasField,
  type ProposalSources,
  reviewCanvasText,
  savedAudience,
} from '../ai/canvas-rewrite.ts';
import type { CanvasField } from '../ai/contracts.ts';
import type { CopyTone } from '../ai/copy-limits.ts';
import { CANVAS_FIELD_KNOWLEDGE, GENERIC_WORDS } from '../ai/knowledge.ts';
import type { AvatarFacts } from '../ai/workspace-context.ts';
import type { CanvasTextKey } from '../workspace/canvas-fields.ts';
import {
  avatarNamedIn,
  avatarsWithVoice,
  type BrandFacts,
  canvasText,
  escapeMarkdown,
  joinList,
  link,
  quoted,
} from './brand-facts.ts';
import {
  COPY_KIND_LIMITS,
  type CopyBrand,
  type CopyKind,
  type CopyResult,
  type CopySource,
  copyBrandFromSaved,
  copyKindIn,
  ownerTextsOf,
  stopsShort,
  writeCopy,
} from './copy-engine.ts';
import type { DataGap } from './follow-ups.ts';
import {
  type ConversationTurn,
  type CopyRequestFormat,
  classifyRequest,
  type RequestClassification,
} from './intent.ts';

export interface CopyAsk {
  message: string;
  history: readonly ConversationTurn[];
  request: RequestClassification;
  facts: BrandFacts;
}

export interface CopyAnswer {
  blocks: string[];
  /** The kind of copy written, or null for a canvas statement or names. */
  kind: CopyKind | null;
  options: string[];
  /** The avatar whose words went in, and the others with words of their own. */
  avatar: string | null;
  otherAvatars: string[];
  shortened: boolean;
  gaps: DataGap[];
  canWriteCopy: boolean;
  /** A canvas field the answer drafted or tightened, with the proposed text. */
  canvasProposal?: { field: CanvasField; text: string };
}

// ---------------------------------------------------------------------------------- reading

const KIND_FOR: Partial<Record<CopyRequestFormat, CopyKind>> = {
  tagline: 'tagline',
  headline: 'headline',
  hero: 'landing-hero',
  bullets: 'bullets',
  'email-subject': 'email-subject',
  bio: 'bio',
  'product-description': 'product-description',
  'social-caption': 'social-caption',
  ad: 'ad-headline',
  'video-hook': 'video-hook',
  about: 'about',
};

const KIND_PLURALS: Record<CopyKind, string> = {
  tagline: 'taglines',
  headline: 'headlines',
  'landing-hero': 'homepage hero lines',
  'ad-headline': 'ad headlines',
  'email-subject': 'email subject lines',
  'video-hook': 'short-video hooks',
  'social-caption': 'social captions',
  bio: 'bios',
  about: 'About sections',
  'product-description': 'product descriptions',
  bullets: 'bullet points',
  'amazon-bullets': 'Amazon bullet points',
};

const KIND_SINGULARS: Record<CopyKind, string> = {
  tagline: 'tagline',
  headline: 'headline',
  'landing-hero': 'homepage hero line',
  'ad-headline': 'ad headline',
  'email-subject': 'email subject line',
  'video-hook': 'short-video hook',
  'social-caption': 'social caption',
  bio: 'bio',
  about: 'About section',
  'product-description': 'product description',
  bullets: 'set of bullet points',
  'amazon-bullets': 'set of Amazon bullet points',
};

/** What a good one does, said when there is nothing of the owner's to write it from. */
const KIND_TIPS: Record<CopyKind, string> = {
  tagline:
    'A tagline that works is a few words customers would repeat: one promise, in their language, that only you can make.',
  headline:
    'A headline wins on its first three words: lead with what the reader gets or the worry it takes away.',
  'landing-hero':
    'A homepage hero says who it is for and what they get in one line, then proves it in the next.',
  'ad-headline': 'An ad headline has 30 characters: one benefit or one worry removed, nothing else.',
  'email-subject':
    'A subject line gets opened when it names the reader’s worry or the outcome they want, in under 60 characters.',
  'video-hook': 'A video hook names the viewer’s problem in the first second, in the words they would use.',
  'social-caption':
    'A caption opens with the customer’s situation, shows the product solving it, and ends with one ask.',
  bio: 'A bio says who you help and how, in a sentence a stranger understands.',
  about: 'An About section tells where you started, what was hard and why you continue, then who you serve.',
  'product-description':
    'A product description opens with the customer’s situation, then the outcome, then the proof.',
  bullets: 'Good bullets lead with the benefit, then the feature that makes it true.',
  'amazon-bullets': 'Good bullets lead with the benefit, then the feature that makes it true.',
};

/** Where each kind of copy is used, said under the options. */
const KIND_USE: Record<CopyKind, string> = {
  tagline:
    'A tagline goes under your logo, on packaging and at the end of ads: pick one and keep it for at least a year, so it becomes yours.',
  headline:
    'Put the headline at the top of the page, with a subline underneath that proves it — your value proposition is the natural one.',
  'landing-hero':
    'Test a hero line on the homepage for a few weeks before changing it: one change at a time shows what works.',
  'ad-headline': 'Run two or three at once and keep the one that gets the clicks.',
  'email-subject':
    'Send two subject lines to a small part of your list first, then send the winner to the rest.',
  'video-hook': 'Say the hook in the first second, on screen and out loud.',
  'social-caption': 'Pair each caption with a photo of the product in the moment it describes.',
  bio: 'Keep the link in your bio pointing to the page the bio promises.',
  about:
    'The About page is where customers decide whether to trust you: add a photo of the people behind the brand.',
  'product-description': 'Put the first sentence where shoppers see it before they scroll.',
  bullets: 'Lead the listing with the bullet that answers the biggest worry.',
  'amazon-bullets': 'Lead the listing with the bullet that answers the biggest worry.',
};

const SHORTER = /\b(?:shorter|short|punchier|snappier|tighter|more concise|briefer|fewer words|crisper)\b/;

const TONE_WORDS: readonly [RegExp, CopyTone][] = [
  [/\b(?:playful|fun|funny|funnier|cheeky|witty|light-hearted|lighter)\b/, 'playful'],
  [/\b(?:premium|luxur\w*|upmarket|elegant|sophisticated|high-end)\b/, 'premium'],
  [/\b(?:confident|bold|bolder|punchy|punchier|assertive|stronger)\b/, 'confident'],
  [/\b(?:plain|simple|simpler|straightforward|no-nonsense|factual|clearer)\b/, 'plain'],
  [/\b(?:warm|warmer|friendly|friendlier|gentle|caring|kind)\b/, 'warm'],
];

/** The tone a text names; when it names several, the one it names first ("warm, plain-spoken" → warm). */
function toneIn(text: string): CopyTone | null {
  const lower = text.toLowerCase();
  let first: { tone: CopyTone; at: number } | null = null;
  for (const [pattern, tone] of TONE_WORDS) {
    const at = lower.search(pattern);
    if (at >= 0 && (!first || at < first.at)) first = { tone, at };
  }
  return first?.tone ?? null;
}

/** The tone the message asks for, else the one the canvas voice describes, else warm. */
function chooseTone(
  message: string,
  facts: BrandFacts,
): { tone: CopyTone; from: 'message' | 'voice' | 'default' } {
  const asked = toneIn(message);
  if (asked) return { tone: asked, from: 'message' };
  const voice = [canvasText(facts, 'voice') ?? '', ...(facts.canvas?.personality ?? [])].join(' ');
  const saved = voice ? toneIn(voice) : null;
  return saved ? { tone: saved, from: 'voice' } : { tone: 'warm', from: 'default' };
}

/** The format of the last copy request in the conversation, for "write one for Sam" and "now shorter". */
function previousCopyFormat(history: readonly ConversationTurn[]): CopyRequestFormat | null {
  const turns = history.filter((turn) => turn.role === 'user');
  for (let index = turns.length - 1; index >= 0; index -= 1) {
    const turn = turns[index];
    if (!turn) continue;
    const earlier = classifyRequest(turn.content, { history: turns.slice(0, index) });
    if (earlier.type === 'write-copy' && earlier.copy && earlier.copy.format !== 'copy')
      return earlier.copy.format;
  }
  return null;
}

/** The avatar to write for: named in the message, else named earlier in the conversation, else the first with words of its own. */
function chooseAvatar(ask: CopyAsk): number | null {
  const { facts } = ask;
  if (facts.avatars.length === 0) return null;
  const named = avatarNamedIn(facts, ask.message);
  if (named !== null) return named;
  for (const turn of [...ask.history].reverse()) {
    if (turn.role !== 'user') continue;
    const earlier = avatarNamedIn(facts, turn.content);
    if (earlier !== null) return earlier;
  }
  return firstAvatarWithWords(facts);
}

/** The numbered options of the coach's last answer ("1. …"), as it wrote them. */
function previousOptions(history: readonly ConversationTurn[]): string[] {
  const last = [...history].reverse().find((turn) => turn.role === 'assistant');
  return [...(last?.content ?? '').matchAll(/^\d+\. (.+)$/gm)].map((match) =>
    (match[1] ?? '').replace(/\\(.)/g, '$1'),
  );
}

/**
 * For "make them shorter": the candidates shorter than the longest option of the last answer, in the
 * engine's order; when none is, the shortest ones.
 */
function shorterThanBefore(options: readonly string[], history: readonly ConversationTurn[]): string[] {
  const before = previousOptions(history).map((option) => option.length);
  const bySize = [...options].sort((a, b) => a.length - b.length);
  if (before.length === 0) return bySize;
  const longest = Math.max(...before);
  const shorter = options.filter(
    (option) => option.length < longest && !previousOptions(history).includes(option),
  );
  return shorter.length > 0 ? [...shorter, ...bySize.filter((option) => !shorter.includes(option))] : bySize;
}

/** The fullest options first (a headline has room a tagline lacks); equal lengths keep the engine's order. */
function fullerFirst(options: readonly string[]): string[] {
  return [...options].sort((a, b) => b.length - a.length);
}

/**
 * How many options were asked for. "A tagline" reads as a count of one to the classifier, but a coach
 * offers a few to choose from; only "one" said outright ("just one", "write one for Sam") means one.
 */
function countAsked(ask: CopyAsk): number | null {
  const explicitOne = /\b(?:one|1|single)\b/i.test(ask.message);
  const count = ask.request.copy?.count ?? null;
  if (count !== null && (count > 1 || explicitOne)) return count;
  return explicitOne && /\b(?:write|give me|make|just|another)\s+(?:me\s+)?(?:one|1)\b/i.test(ask.message)
    ? 1
    : null;
}

/** What the brand's material lacks for copy, most important first. */
function copyGaps(facts: BrandFacts): DataGap[] {
  const gaps: DataGap[] = [];
  if (!canvasText(facts, 'valueProposition') && !canvasText(facts, 'positioning')) gaps.push('canvas');
  if (facts.avatars.length === 0) gaps.push('avatars');
  else if (avatarsWithVoice(facts).length === 0) gaps.push('avatar-voice');
  if (facts.reviewCount === 0) gaps.push('reviews');
  return gaps;
}

export function canWriteCopy(facts: BrandFacts): boolean {
  return (
    Boolean(
      canvasText(facts, 'valueProposition') ||
        canvasText(facts, 'positioning') ||
        canvasText(facts, 'purpose'),
    ) || avatarsWithVoice(facts).length > 0
  );
}

/** The first avatar with fears or desires of its own, else the first avatar, else none. */
export function firstAvatarWithWords(facts: BrandFacts): number | null {
  if (facts.avatars.length === 0) return null;
  const withVoice = facts.avatars.findIndex(
    (avatar) => avatar.psychology.fears.length > 0 || avatar.psychology.desires.length > 0,
  );
  return Math.max(withVoice, 0);
}

/** The copy engine's view of the brand: the canvas, one avatar's words and its customers' praise. */
export function brandForCopy(facts: BrandFacts, avatarIndex: number | null): CopyBrand {
  const name = facts.name ?? undefined;
  if (!facts.saved) return { name };
  const brand = copyBrandFromSaved(name ?? '', facts.saved, avatarIndex ?? 0);
  const chosen = avatarIndex === null ? null : facts.avatars[avatarIndex];
  const voice = chosen ? facts.voices.find((entry) => entry.avatarName === chosen.name) : undefined;
  const reviewQuotes = (voice?.analysis?.quotes ?? [])
    .filter((quote) => quote.sentiment === 'positive' && quote.text.length <= 140)
    .map((quote) => quote.text);
  return { ...brand, name, avatar: avatarIndex === null ? null : brand.avatar, reviewQuotes };
}

// ---------------------------------------------------------------------------------- writing

const SOURCE_WORDS: Partial<Record<CopySource, string>> = {
  valueProposition: 'your canvas value proposition',
  positioning: 'your canvas positioning',
  purpose: 'your canvas purpose',
  values: 'your canvas values',
  reviews: 'your customers’ reviews',
};

/**
 * The engine's notes, true of the options shown: when only some of the engine's options are shown
 * ("shorter", fuller headlines first), its "Built on…" note is rewritten from what those options use.
 */
function notesFor(result: CopyResult, shown: readonly string[], avatar: AvatarFacts | null): string[] {
  const same =
    shown.length === result.options.length &&
    shown.every((option, index) => option === result.options[index]);
  if (same) return [...result.notes];
  const uses = new Set(shown.flatMap((option) => result.uses[result.options.indexOf(option)] ?? []));
  const parts = (Object.keys(SOURCE_WORDS) as CopySource[])
    .filter((source) => uses.has(source))
    .map((source) => SOURCE_WORDS[source] ?? '');
  // Which of the avatar's fears and desires the shown options carry, quoted as the owner wrote them.
  const text = shown.join(' ').toLowerCase();
  const carried = (list: readonly string[]) =>
    list.filter((entry) =>
      text.includes(
        entry
          .toLowerCase()
          .replace(/[.!?]+$/, '')
          .replace(/^to /, ''),
      ),
    );
  const fears = uses.has('avatarFears') ? carried(avatar?.psychology.fears ?? []) : [];
  const desires = uses.has('avatarDesires') ? carried(avatar?.psychology.desires ?? []) : [];
  const named = (kind: string, list: readonly string[], used: boolean) =>
    list.length > 0
      ? `the ${list.length === 1 ? kind : `${kind}s`} ${joinList(list.map(quoted))}`
      : used
        ? `their ${kind}s`
        : '';
  const avatarParts = [
    named('fear', fears, uses.has('avatarFears')),
    named('desire', desires, uses.has('avatarDesires')),
    uses.has('avatarDescription') ? 'who they are' : '',
  ].filter(Boolean);
  if (avatar && avatarParts.length > 0) parts.push(`your avatar ${avatar.name}: ${joinList(avatarParts)}`);
  if (parts.length === 0 && uses.has('brandName')) parts.push('your brand name');
  const builtOn = parts.length > 0 ? `Built on ${joinList(parts)}.` : null;
  return [...(builtOn ? [builtOn] : []), ...result.notes.filter((note) => !note.startsWith('Built on'))];
}

function renderOptions(kind: CopyKind, options: readonly string[]): string {
  if (kind === 'bullets' || kind === 'amazon-bullets')
    return options.map((option) => `- ${escapeMarkdown(option)}`).join('\n');
  if ((kind === 'product-description' || kind === 'about') && options.length === 1)
    return escapeMarkdown(options[0] ?? '');
  if (kind === 'product-description' || kind === 'about')
    return options
      .map((option, index) => `**Option ${index + 1}**\n\n${escapeMarkdown(option)}`)
      .join('\n\n');
  return options.map((option, index) => `${index + 1}. ${escapeMarkdown(option)}`).join('\n');
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five'];

function amount(count: number): string {
  return NUMBER_WORDS[count] ?? String(count);
}

function writtenFor(result: CopyResult, avatarName: string | null): boolean {
  return (
    avatarName !== null &&
    result.uses.some((uses) =>
      uses.some((use) => use === 'avatarFears' || use === 'avatarDesires' || use === 'avatarDescription'),
    )
  );
}

function optionsAnswer(ask: CopyAsk, kind: CopyKind, headNote: string | null): CopyAnswer {
  const { facts } = ask;
  const avatarIndex = chooseAvatar(ask);
  const avatar = avatarIndex === null ? null : (facts.avatars[avatarIndex] ?? null);
  const shortened = SHORTER.test(ask.message.toLowerCase());
  const asked = countAsked(ask);
  const tone = chooseTone(ask.message, facts);
  const bulletSet = kind === 'bullets' || kind === 'amazon-bullets';
  // "Shorter": write the most the engine offers and keep the shortest, shortest first.
  // A headline has room a tagline lacks: of the engine's candidates, the fuller ones come first.
  // Options that are the owner's whole sentence or clause come before those that stop where the
  // owner's sentence goes on ("A cargo bike" of "A cargo bike that carries two kids…").
  const brand = brandForCopy(facts, avatarIndex);
  const owner = ownerTextsOf(brand);
  const write = (count: number | undefined) =>
    writeCopy({ format: kind, count, tone: tone.tone, brand, surface: 'chat' });
  // The engine's own choice when it needs no reordering (its notes then describe it exactly);
  // otherwise the most it offers, to choose from.
  const first = write(asked ?? undefined);
  const reorder =
    !bulletSet &&
    (shortened || kind === 'headline' || first.options.some((option) => stopsShort(option, owner)));
  const result = reorder ? write(5) : first;
  const defaultCount = kind === 'product-description' || kind === 'about' ? 2 : 3;
  const wanted = asked ?? (bulletSet ? result.options.length : Math.min(defaultCount, result.options.length));
  const ordered = shortened
    ? shorterThanBefore(result.options, ask.history)
    : kind === 'headline'
      ? fullerFirst(result.options)
      : result.options;
  const options = bulletSet
    ? result.options
    : [
        ...ordered.filter((option) => !stopsShort(option, owner)),
        ...ordered.filter((option) => stopsShort(option, owner)),
      ].slice(0, wanted);
  const gaps = copyGaps(facts);
  const otherAvatars = avatarsWithVoice(facts)
    .map((entry) => entry.name)
    .filter((name) => name !== avatar?.name);
  const base = {
    kind,
    avatar: avatar?.name ?? null,
    otherAvatars,
    shortened,
    gaps,
    canWriteCopy: canWriteCopy(facts),
  };
  const limit = COPY_KIND_LIMITS[kind];
  if (options.length === 0) return { ...base, blocks: nothingToWriteFrom(facts, kind), options: [] };

  const forWhom = writtenFor(result, avatar?.name ?? null) ? `, written for ${avatar?.name}` : '';
  const what = bulletSet
    ? `a set of ${amount(options.length)} ${KIND_PLURALS[kind]}`
    : `${amount(options.length)} ${options.length === 1 ? KIND_SINGULARS[kind] : KIND_PLURALS[kind]}`;
  const blocks: string[] = [];
  if (headNote) blocks.push(headNote);
  blocks.push(
    `Here ${options.length === 1 || bulletSet ? 'is' : 'are'} ${what} for ${facts.label}${forWhom}, ${options.length === 1 ? '' : 'each '}within ${limit} characters${shortened && !bulletSet ? ', shorter than before' : ''}:`,
  );
  blocks.push(renderOptions(kind, options));
  const subline = kind === 'headline' ? canvasText(facts, 'valueProposition') : null;
  blocks.push(
    subline && subline.length <= 200 ? `${KIND_USE[kind]} Yours: ${quoted(subline)}.` : KIND_USE[kind],
  );
  const notes = notesFor(result, options, avatar);
  if (tone.from === 'voice') notes.push(`Written in a ${tone.tone} tone, as your canvas voice describes it.`);
  if (asked && asked > options.length && !bulletSet)
    notes.push(
      `You asked for ${amount(asked)}; I could write ${amount(options.length)} from what you saved without cutting your words or repeating one.`,
    );
  blocks.push(
    [`**How I wrote ${options.length === 1 ? 'it' : 'them'}:**`, ...notes.map((note) => `- ${note}`)].join(
      '\n',
    ),
  );
  blocks.push(`For other formats and tones side by side, use the ${link('valueLens')}.`);
  return { ...base, blocks, options };
}

/** What the owner would need to save before the coach can write this kind of copy, and where. */
function nothingToWriteFrom(facts: BrandFacts, kind: CopyKind): string[] {
  const missing: string[] = [];
  if (
    !canvasText(facts, 'valueProposition') &&
    !canvasText(facts, 'positioning') &&
    !canvasText(facts, 'purpose')
  )
    missing.push(`a value proposition, positioning or purpose on your ${link('canvas')}`);
  if (avatarsWithVoice(facts).length === 0)
    missing.push(
      facts.avatars.length > 0
        ? `the fears and desires of ${joinList(facts.avatars.map((avatar) => avatar.name))} on ${link('avatars')}`
        : `a customer avatar with their fears and desires on ${link('avatars')}`,
    );
  const blocks = [
    missing.length > 0
      ? `I can’t write ${KIND_PLURALS[kind]} for ${facts.label} yet without making them up: I write only from your own words, and I can’t see ${joinList(missing, 'or')}.`
      : `Nothing you saved fits a ${KIND_SINGULARS[kind]} (${COPY_KIND_LIMITS[kind]} characters) as a whole phrase, and I don’t cut your words to fit: a shorter value proposition or avatar desire on your ${link('canvas')} or ${link('avatars')} would.`,
    KIND_TIPS[kind],
  ];
  if (missing.length > 0)
    blocks.push('Add either one and ask again: every line I write will come from it, never from a template.');
  return blocks;
}

// ----------------------------------------------------------------------- canvas statements

const STATEMENT_FIELDS: readonly [RegExp, CanvasField][] = [
  [/\bvalue prop(?:osition)?s?\b/, 'value-proposition'],
  [/\bpositioning\b/, 'positioning'],
  [/\bmission\b/, 'mission'],
  [/\bvision\b/, 'vision'],
  [/\bpurpose\b/, 'purpose'],
];

const CANVAS_KEY_OF: Record<Exclude<CanvasField, 'values' | 'personality'>, CanvasTextKey> = {
  purpose: 'purpose',
  vision: 'vision',
  mission: 'mission',
  positioning: 'positioning',
  'value-proposition': 'valueProposition',
  tagline: 'tagline',
  voice: 'voice',
};

function statementAnswer(ask: CopyAsk, field: Exclude<CanvasField, 'values' | 'personality'>): CopyAnswer {
  const { facts } = ask;
  const knowledge = CANVAS_FIELD_KNOWLEDGE[field];
  const label = knowledge.label.toLowerCase();
  const current = canvasText(facts, CANVAS_KEY_OF[field]);
  const sources: ProposalSources = {
    brandName: facts.name,
    audience: savedAudience(facts.saved),
    saved: facts.saved,
  };
  const base = {
    kind: null,
    options: [] as string[],
    avatar: null,
    otherAvatars: [] as string[],
    shortened: false,
    gaps: copyGaps(facts),
    canWriteCopy: canWriteCopy(facts),
  };
  if (current) {
    const review = reviewCanvasText(field, current, sources, knowledge, GENERIC_WORDS);
    const blocks = [`Your canvas ${label} says: ${quoted(current)}`];
    if (review.problems.length === 0) {
      blocks.push(
        `It already does what a ${label} should (${joinList(knowledge.checklist.map((item) => item.toLowerCase()))}), so I would keep it and spend the effort elsewhere.`,
      );
      return { ...base, blocks };
    }
    blocks.push(['**What to fix:**', ...review.problems.map((problem) => `- ${problem}`)].join('\n'));
    if (review.rewrite) {
      blocks.push(`**A tighter version, from your own words:**\n\n> ${escapeMarkdown(review.rewrite)}`);
      blocks.push(`If it still sounds like you, save it on your ${link('canvas')}.`);
      return { ...base, blocks, canvasProposal: { field, text: review.rewrite } };
    }
    blocks.push(`${knowledge.question} Then update it on your ${link('canvas')}.`);
    return { ...base, blocks };
  }
  const draft = draftCanvasField(field, sources);
  if (draft) {
    return {
      ...base,
      blocks: [
        `Your canvas has no ${label} yet. Here is a draft built from ${draft.origin}:`,
        `> ${escapeMarkdown(draft.text)}`,
        `Make it your own before you save it on your ${link('canvas')}: a ${label} ${joinList(knowledge.checklist.map((item) => item.charAt(0).toLowerCase() + item.slice(1)))}.`,
      ],
      canvasProposal: { field, text: draft.text },
    };
  }
  return {
    ...base,
    blocks: [
      `Your canvas has no ${label} yet, and nothing you saved elsewhere says enough to draft one in your own words, so I won’t invent it.`,
      `${knowledge.question} Write the answer on your ${link('canvas')}; once it is there I can critique and tighten it.`,
    ],
  };
}

// ------------------------------------------------------------------------------------ names

function namesAnswer(ask: CopyAsk): CopyAnswer {
  const { facts } = ask;
  const seeds = [
    ...avatarsWithVoice(facts).flatMap((avatar) => avatar.psychology.desires.slice(0, 2)),
    canvasText(facts, 'purpose'),
  ].filter((text): text is string => Boolean(text));
  const blocks = [
    'I don’t invent names offline: a name needs checking against trademarks, domains and marketplaces, which I can’t do. Here is how to find one that fits:',
    [
      '1. Write down the outcome customers want and the feeling that comes with it, in their words.',
      '2. Collect words from that list, from your origin story and from what customers call the problem.',
      '3. Combine, shorten or borrow an image from them; keep names that are easy to say, spell and search.',
      '4. Check each shortlisted name for trademarks, domains and social handles before you fall for it.',
    ].join('\n'),
  ];
  if (seeds.length > 0)
    blocks.push(`Good raw material from what you saved: ${joinList(seeds.slice(0, 4).map(quoted))}.`);
  else
    blocks.push(
      `Your ${link('avatars')} and ${link('canvas')} are empty so far; customers’ desires and your purpose are the best raw material for a name.`,
    );
  return {
    blocks,
    kind: null,
    options: [],
    avatar: null,
    otherAvatars: [],
    shortened: false,
    gaps: copyGaps(facts),
    canWriteCopy: canWriteCopy(facts),
  };
}

// ------------------------------------------------------------------------------------ email

function emailAnswer(ask: CopyAsk): CopyAnswer {
  const subjects = optionsAnswer(ask, 'email-subject', null);
  if (subjects.options.length === 0) return subjects;
  const avatarIndex = chooseAvatar(ask);
  const opening = writeCopy({
    format: 'about',
    count: 1,
    tone: chooseTone(ask.message, ask.facts).tone,
    brand: brandForCopy(ask.facts, avatarIndex),
    surface: 'chat',
  }).options[0];
  const blocks = [...subjects.blocks];
  if (opening)
    blocks.splice(
      2,
      0,
      `**An opening for the email body**, from the same words:\n\n${escapeMarkdown(opening)}`,
    );
  return { ...subjects, blocks };
}

// ---------------------------------------------------------------------------------- dispatch

export function answerCopyRequest(ask: CopyAsk): CopyAnswer {
  const lower = ask.message.toLowerCase();
  let format: CopyRequestFormat = ask.request.copy?.format ?? 'copy';
  let headNote: string | null = null;
  if (format === 'copy') {
    const previous = previousCopyFormat(ask.history);
    if (previous) format = previous;
  }
  if (format === 'name') return namesAnswer(ask);
  if (format === 'statement' || (format === 'value-proposition' && /\bvalue prop/.test(lower))) {
    const field = STATEMENT_FIELDS.find(([pattern]) => pattern.test(lower))?.[1] ?? 'purpose';
    if (field !== 'values' && field !== 'personality') return statementAnswer(ask, field);
  }
  if (format === 'email') return emailAnswer(ask);
  let kind = KIND_FOR[format] ?? null;
  const named = copyKindIn(ask.message);
  if (kind === 'bullets' && named === 'amazon-bullets') kind = 'amazon-bullets';
  if (format === 'value-proposition') kind = 'landing-hero';
  if (!kind) {
    kind = named ?? 'landing-hero';
    if (!named)
      headNote = `You didn’t say which kind of copy, so here are homepage hero lines; ask for taglines, subject lines, captions, bullets or a product description and I’ll write those.`;
  }
  return optionsAnswer(ask, kind, headNote);
}
