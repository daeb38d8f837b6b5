import { describe, expect, it } from 'vitest';
import { COPY_TONES, EMOTIONAL_TRIGGERS, type EmotionalTrigger } from '../ai/contracts.ts';
import { copyLength } from '../ai/copy-limits.ts';
import { emptyAvatarData } from '../workspace/avatar.ts';
import { emptyItemData } from '../workspace/items.ts';
import {
  COPY_KIND_LIMITS,
  COPY_KINDS,
  type CopyKind,
  type CopyRequest,
  type CopyResult,
  type CopySource,
  copyBrandFromSaved,
  copyCountIn,
  copyKindIn,
  writeCopy,
} from './copy-engine.ts';

// ------------------------------------------------------------------------------ generated briefs

/** A small seeded generator (mulberry32), so every run checks the same inputs and a failure replays. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    chance: (p: number) => next() < p,
  };
}
type Random = ReturnType<typeof random>;

const SYLLABLES = [
  'zor',
  'bel',
  'quin',
  'tar',
  'flem',
  'mop',
  'vex',
  'dral',
  'pim',
  'gru',
  'wob',
  'kel',
  'snar',
  'tup',
  'yol',
];

/**
 * Owner words in generated briefs are made-up words, each used once, so every word in an option can
 * be traced to the one phrase it came from (template words are real English and never collide).
 */
class Vocabulary {
  readonly used = new Set<string>();
  private readonly rng: Random;
  constructor(rng: Random) {
    this.rng = rng;
  }
  word(): string {
    for (;;) {
      const word = Array.from({ length: this.rng.int(2, 3) }, () => this.rng.pick(SYLLABLES)).join('');
      // Words ending like a verb form or plural would change form in the engine's grammar.
      if (!this.used.has(word) && !/(?:ing|ed|s|y)$/.test(word)) {
        this.used.add(word);
        return word;
      }
    }
  }
  words(count: number): string[] {
    return Array.from({ length: count }, () => this.word());
  }
}

/** One clause of owner text, and the shorter whole phrases the engine may take from it. */
interface Clause {
  words: string[];
  /**
   * Whole sub-phrases allowed besides the clause: the head before "that", the first of two "and"
   * clauses, and what follows "that" with its verb agreeing with the product ("dralgru x" →
   * "dralgrus x").
   */
  heads: string[][];
}

interface OwnerText {
  text: string;
  clauses: Clause[];
  source: CopySource;
}

const EMOJI = ['🔥', '✨', '🌿'];

/** A made-up verb agreeing with the product, as the engine writes a relative clause on its own. */
function agreeing([verb = '', ...rest]: readonly string[]): string[] {
  const agreed = /[^s]s$/.test(verb)
    ? verb
    : /(?:s|sh|ch|x|z|o)$/.test(verb)
      ? `${verb}es`
      : /[^aeiou]y$/.test(verb)
        ? `${verb.slice(0, -1)}ies`
        : `${verb}s`;
  return [agreed, ...rest];
}

function clauseOf(rng: Random, vocab: Vocabulary, length: number): { text: string; clause: Clause } {
  const shape = rng.int(0, 5);
  if (shape === 0 && length >= 4) {
    const head = vocab.words(Math.max(2, Math.floor(length / 2)));
    const tail = vocab.words(Math.max(1, length - head.length));
    return {
      text: `${head.join(' ')} that ${tail.join(' ')}`,
      clause: { words: [...head, 'that', ...tail], heads: [head, agreeing(tail)] },
    };
  }
  if (shape === 1 && length >= 5) {
    const left = vocab.words(3);
    const right = vocab.words(Math.max(2, length - 3));
    return {
      text: `${left.join(' ')} and ${right.join(' ')}`,
      clause: { words: [...left, 'and', ...right], heads: [left] },
    };
  }
  const words = vocab.words(length);
  const withEmoji = rng.chance(0.15) && words.length >= 2;
  const text = withEmoji
    ? [...words.slice(0, 1), rng.pick(EMOJI), ...words.slice(1)].join(' ')
    : words.join(' ');
  return { text, clause: { words, heads: [] } };
}

/** Odd casing the owner might type: SHOUTED, Title Case, lower, Sentence. */
function casing(rng: Random, text: string): string {
  switch (rng.int(0, 3)) {
    case 0:
      return text.toUpperCase();
    case 1:
      return text.replace(/\p{L}+/gu, (word) => `${word.charAt(0).toUpperCase()}${word.slice(1)}`);
    case 2:
      return text.toLowerCase();
    default:
      return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
  }
}

const SEPARATORS = [', ', '; ', ' — ', '. ', '\n', ': '];
const ENDINGS = ['', '.', '!!', '...', '?', ' .', '…'];

function ownerText(
  rng: Random,
  vocab: Vocabulary,
  source: CopySource,
  options: { clauses: [number, number]; words: [number, number] },
): OwnerText {
  const clauses: Clause[] = [];
  const parts: string[] = [];
  const count = rng.int(...options.clauses);
  for (let index = 0; index < count; index += 1) {
    const made = clauseOf(rng, vocab, rng.int(...options.words));
    clauses.push(made.clause);
    parts.push(casing(rng, made.text));
  }
  let text = parts[0] ?? '';
  for (const part of parts.slice(1)) text += `${rng.pick(SEPARATORS)}${part}`;
  if (rng.chance(0.1)) text = `- ${text}`;
  if (rng.chance(0.1)) text = `"${text}"`;
  return { text: `${text}${rng.pick(ENDINGS)}`, clauses, source };
}

interface Generated {
  request: CopyRequest;
  texts: OwnerText[];
  /** The avatar's occupation words: the audience appears as their plural. */
  occupation: string[] | null;
  avatarName: string | null;
  /** Owner words that are never copy (the canvas voice and personality). */
  notCopy: string[];
  /** Every made-up word in the brief. */
  madeUp: ReadonlySet<string>;
}

function generate(seed: number, format: CopyKind): Generated {
  const rng = random(seed);
  const vocab = new Vocabulary(rng);
  const texts: OwnerText[] = [];
  const short: [number, number] = [1, 3];
  const long: [number, number] = [2, 14];
  const lengths = () => (rng.chance(0.5) ? short : long);
  const withProduct = rng.chance(0.8);
  const product = withProduct ? casing(rng, vocab.words(rng.int(1, 4)).join(' ')) : undefined;
  const brandName = rng.chance(0.7) ? casing(rng, vocab.words(rng.int(1, 2)).join(' ')) : undefined;
  const features = Array.from({ length: withProduct ? rng.int(1, 5) : 0 }, () =>
    ownerText(rng, vocab, 'features', { clauses: [1, 2], words: lengths() }),
  );
  texts.push(...features);
  const canvas = rng.chance(0.7);
  const valueProposition =
    canvas && rng.chance(0.8)
      ? ownerText(rng, vocab, 'valueProposition', { clauses: [1, 3], words: lengths() })
      : null;
  const positioning =
    canvas && rng.chance(0.6)
      ? ownerText(rng, vocab, 'positioning', { clauses: [1, 3], words: lengths() })
      : null;
  const purpose =
    canvas && rng.chance(0.4)
      ? ownerText(rng, vocab, 'purpose', { clauses: [1, 2], words: lengths() })
      : null;
  for (const text of [valueProposition, positioning, purpose]) if (text) texts.push(text);
  const values = canvas && rng.chance(0.5) ? vocab.words(rng.int(1, 4)).map((word) => casing(rng, word)) : [];
  for (const value of values)
    texts.push({ text: value, clauses: [{ words: [value.toLowerCase()], heads: [] }], source: 'values' });
  const voice = canvas && rng.chance(0.5) ? vocab.words(rng.int(2, 6)).join(' ') : undefined;
  const personality = canvas && rng.chance(0.5) ? vocab.words(rng.int(1, 3)) : [];

  const hasAvatar = rng.chance(0.75);
  let occupation: string[] | null = null;
  let avatarName: string | null = null;
  let avatar: CopyRequest['brand']['avatar'] = null;
  if (hasAvatar) {
    avatarName = casing(rng, vocab.words(rng.int(1, 2)).join(' '));
    occupation = rng.chance(0.7) ? vocab.words(rng.int(1, 2)) : null;
    const description = occupation
      ? `${avatarName} (a ${occupation.join(' ')} aged 25-34 living in a city). ${vocab.words(4).join(' ')}`
      : rng.chance(0.5)
        ? avatarName
        : undefined;
    const voiceText = (source: CopySource) => {
      const text = ownerText(rng, vocab, source, { clauses: [1, 1], words: lengths() });
      if (rng.chance(0.3)) text.text = `to ${text.text}`;
      return text;
    };
    const fears = Array.from({ length: rng.int(0, 3) }, () => voiceText('avatarFears'));
    const desires = Array.from({ length: rng.int(0, 3) }, () => voiceText('avatarDesires'));
    texts.push(...fears, ...desires);
    avatar = {
      name: avatarName,
      description,
      fears: fears.map((fear) => fear.text),
      desires: desires.map((desire) => desire.text),
      triggers: rng.chance(0.7) ? [rng.pick(EMOTIONAL_TRIGGERS)] : [],
    };
  }
  const audienceWords = rng.chance(0.2) ? vocab.words(rng.int(1, 3)) : null;
  if (audienceWords)
    texts.push({
      text: audienceWords.join(' '),
      clauses: [{ words: audienceWords, heads: [] }],
      source: 'audience',
    });
  const category = withProduct && rng.chance(0.4) ? vocab.words(rng.int(1, 2)).join(' ') : undefined;
  if (category)
    texts.push({ text: category, clauses: [{ words: category.split(' '), heads: [] }], source: 'category' });
  const quotes = rng.chance(0.3)
    ? [ownerText(rng, vocab, 'reviews', { clauses: [1, 1], words: lengths() })]
    : [];
  texts.push(...quotes);
  if (product)
    texts.push({
      text: product,
      clauses: [{ words: product.toLowerCase().split(' '), heads: [] }],
      source: 'product',
    });
  if (brandName)
    texts.push({
      text: brandName,
      clauses: [{ words: brandName.toLowerCase().split(' '), heads: [] }],
      source: 'brandName',
    });

  const payoff: EmotionalTrigger | undefined = rng.chance(0.3) ? rng.pick(EMOTIONAL_TRIGGERS) : undefined;
  return {
    request: {
      format,
      tone: rng.pick(COPY_TONES),
      count: rng.chance(0.3) ? rng.int(1, 5) : undefined,
      product,
      category,
      features: features.map((feature) => feature.text),
      audience: audienceWords?.join(' '),
      payoff,
      surface: rng.chance(0.5) ? 'value-lens' : 'chat',
      brand: {
        name: brandName,
        valueProposition: valueProposition?.text,
        positioning: positioning?.text,
        purpose: purpose?.text,
        values,
        personality,
        voice,
        avatar,
        reviewQuotes: quotes.map((quote) => quote.text),
      },
    },
    texts,
    occupation,
    avatarName,
    notCopy: [...(voice?.split(' ') ?? []), ...personality],
    madeUp: vocab.used,
  };
}

// --------------------------------------------------------------------------------------- checks

function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
}

function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return false;
  for (let start = 0; start + needle.length <= haystack.length; start += 1)
    if (needle.every((word, index) => haystack[start + index] === word)) return true;
  return false;
}

/**
 * Every made-up word in an option belongs to one owner phrase, and the option holds that phrase
 * whole (or one of its allowed shorter whole phrases): nothing cut mid-phrase. Returns the sources the
 * option's words came from; problems go to `problems`.
 */
function traceOption(option: string, generated: Generated, problems: string[]): Set<CopySource> {
  const words = tokens(option);
  const sources = new Set<CopySource>();
  const last = generated.occupation?.at(-1) ?? '';
  const plural = generated.occupation
    ? [...generated.occupation.slice(0, -1), /(?:x|z|ch|sh)$/.test(last) ? `${last}es` : `${last}s`]
    : null;
  for (const word of words) {
    if (plural?.includes(word)) {
      if (!containsRun(words, plural))
        problems.push(`audience "${plural.join(' ')}" not whole in: ${option}`);
      sources.add('avatarDescription');
      continue;
    }
    if (!generated.madeUp.has(word)) continue;
    const owner = generated.texts.find((text) => text.clauses.some((clause) => clause.words.includes(word)));
    if (!owner) continue;
    const clause = owner.clauses.find((candidate) => candidate.words.includes(word)) as Clause;
    const allowed = [clause.words, ...clause.heads].filter((phrase) => phrase.includes(word));
    if (!allowed.some((phrase) => containsRun(words, phrase)))
      problems.push(`"${word}" is from "${clause.words.join(' ')}", not held whole in: ${option}`);
    sources.add(owner.source);
  }
  return sources;
}

const BUILT_ON_MENTIONS: [CopySource, RegExp][] = [
  ['features', /\bfeatures\b/],
  ['valueProposition', /value proposition/],
  ['positioning', /canvas positioning/],
  ['purpose', /canvas purpose/],
  ['values', /canvas values/],
  ['reviews', /reviews/],
  ['audience', /the audience you named/],
  ['avatarDescription', /who they are/],
  ['avatarFears', /the fears? “/],
  ['avatarDesires', /the desires? “/],
];

/** Every rule an answer must keep, as a list of what broke (empty when all hold). */
function problemsWith(generated: Generated, result: CopyResult): string[] {
  const problems: string[] = [];
  const fail = (condition: boolean, message: string) => {
    if (condition) problems.push(message);
  };
  const { request } = generated;
  const limit = COPY_KIND_LIMITS[request.format];
  fail(result.uses.length !== result.options.length, 'uses has one entry per option');
  fail(result.options.length > (request.count ?? 5), 'no more options than asked for');
  const keys = new Set<string>();
  result.options.forEach((option, index) => {
    fail(option.trim() === '' || option !== option.trim(), `empty or untrimmed option: "${option}"`);
    fail(copyLength(option) > limit, `over ${limit}: ${option}`);
    fail(/…|\.\.\./.test(option), `ellipsis: ${option}`);
    fail(/[,;:.!?]\s*[,;:.!?]/.test(option), `doubled punctuation: ${option}`);
    fail(/ [,;:.!?]/.test(option), `space before punctuation: ${option}`);
    fail(/ {2}/.test(option), `doubled space: ${option}`);
    fail(/[[\]{}]|\bundefined\b|\bnull\b|\bNaN\b/.test(option), `placeholder: ${option}`);
    const words = tokens(option);
    if (generated.avatarName)
      fail(containsRun(words, tokens(generated.avatarName)), `the avatar name as copy: ${option}`);
    for (const word of generated.notCopy)
      fail(words.includes(word), `voice or personality as copy: ${option}`);
    const key = words.join(' ');
    fail(keys.has(key), `repeated option: ${option}`);
    keys.add(key);
    // Every owner word is part of a whole phrase, and `uses` names exactly where the words came from.
    const traced = traceOption(option, generated, problems);
    const uses = new Set(result.uses[index]);
    for (const source of traced) fail(!uses.has(source), `${source} not in uses: ${option}`);
    for (const source of uses) fail(!traced.has(source), `${source} in uses but not in: ${option}`);
  });

  const used = new Set(result.uses.flat());
  const builtOn = result.notes.find((note) => note.startsWith('Built on'));
  if (result.options.length > 0) {
    fail(builtOn === undefined, 'no "Built on" note');
    for (const [source, mention] of BUILT_ON_MENTIONS)
      fail(mention.test(builtOn ?? '') !== used.has(source), `"Built on" and ${source} disagree: ${builtOn}`);
  } else fail(builtOn !== undefined, '"Built on" without options');
  const notes = result.notes.join(' ');
  fail(result.notes.length > 6, 'at most six notes');
  fail(/…|\[|\]|\bundefined\b/.test(notes), `odd note: ${notes}`);
  const brand = request.brand;
  const canvasSaved = Boolean(
    brand.valueProposition || brand.positioning || brand.purpose || (brand.values ?? []).length,
  );
  fail(/No brand canvas went into this copy/.test(notes) === canvasSaved, `canvas note wrong: ${notes}`);
  fail(!brand.avatar && !notes.includes('Customer avatars page'), `no pointer to add an avatar: ${notes}`);
  return problems;
}

const KINDS_TO_CHECK: readonly CopyKind[] = COPY_KINDS;
/** Generated briefs per kind: 1,200 briefs in all across the twelve kinds. */
const SEEDS = 100;
/** Over a thousand briefs take a few seconds, more on a busy machine than the unit default allows. */
const GENERATED_TIMEOUT = 60_000;

// ----------------------------------------------------------------------------------------- tests

describe('copy engine on generated briefs', () => {
  it(
    'keeps every option within its limit, whole-phrased, tidy, distinct and truthfully noted',
    () => {
      const problems: string[] = [];
      let options = 0;
      let briefs = 0;
      for (let seed = 1; seed <= SEEDS; seed += 1) {
        for (const format of KINDS_TO_CHECK) {
          const generated = generate(seed * 31 + KINDS_TO_CHECK.indexOf(format), format);
          const result = writeCopy(generated.request);
          for (const problem of problemsWith(generated, result))
            problems.push(`seed ${seed} ${format}: ${problem}`);
          if (seed % 10 === 0 && JSON.stringify(writeCopy(generated.request)) !== JSON.stringify(result))
            problems.push(`seed ${seed} ${format}: not deterministic`);
          options += result.options.length;
          briefs += 1;
        }
      }
      expect(problems.slice(0, 10)).toEqual([]);
      // The generator must exercise the engine, not produce empty answers.
      expect(briefs).toBe(SEEDS * KINDS_TO_CHECK.length);
      expect(options).toBeGreaterThan(briefs * 1.5);
    },
    GENERATED_TIMEOUT,
  );

  it(
    'always answers when the product name fits',
    () => {
      const unanswered: string[] = [];
      for (let seed = 1; seed <= SEEDS; seed += 1) {
        for (const format of KINDS_TO_CHECK) {
          const generated = generate(seed * 7919 + 3, format);
          const name = generated.request.product;
          if (!name || copyLength(name) + 6 > COPY_KIND_LIMITS[format]) continue;
          if (writeCopy(generated.request).options.length === 0) unanswered.push(`seed ${seed} ${format}`);
        }
      }
      expect(unanswered).toEqual([]);
    },
    GENERATED_TIMEOUT,
  );
});

const EMBER: CopyRequest = {
  format: 'landing-hero',
  tone: 'warm',
  product: 'Ember & Oak Soy Candle',
  category: 'scented candle',
  features: [
    'SCENTED ONLY WITH ESSENTIAL OILS',
    'hand-poured soy wax, 45-hour burn',
    'Plastic-free packaging.',
  ],
  surface: 'value-lens',
  brand: {
    name: 'Ember & Oak',
    positioning:
      'For people who want their home to smell like a walk in the woods, Ember & Oak makes candles you can actually smell.',
    valueProposition: 'candles you can actually smell, made only with essential oils.',
    values: ['Honesty', 'Craft'],
    personality: ['Warm', 'Grounded'],
    voice: 'Calm, sensory, never salesy.',
    avatar: {
      name: 'Maya',
      description: 'Maya (a graphic designer aged 25-34 living in a city). Works from home',
      desires: ['A home that feels calm', 'to switch off after work'],
      fears: ['wasting money on candles that smell of nothing', 'Synthetic fragrance headaches'],
      triggers: ['relief'],
    },
  },
};

function all(request: CopyRequest): string {
  return writeCopy(request).options.join('\n');
}

describe('copy engine on real briefs', () => {
  it('turns a fear into relief, on the canvas promise, and never shouts a feature', () => {
    const hero = writeCopy(EMBER);
    expect(hero.options[0]).toBe(
      'Candles you can actually smell, made only with essential oils — no more wasting money on candles that smell of nothing.',
    );
    expect(hero.notes[0]).toBe(
      'Built on the features in your brief, your canvas value proposition and your avatar Maya: the fear “wasting money on candles that smell of nothing” and the desire “A home that feels calm”.',
    );
    const bullets = writeCopy({ ...EMBER, format: 'amazon-bullets' });
    expect(bullets.options[0]).toBe(
      'Scented only with essential oils — no more wasting money on candles that smell of nothing.',
    );
    for (const format of KINDS_TO_CHECK) {
      const text = all({ ...EMBER, format });
      expect(text).not.toMatch(/SCENTED|ONLY WITH:/);
      expect(text).not.toMatch(/Maya/);
    }
    expect(all({ ...EMBER, format: 'email-subject' })).toContain(
      'Tired of wasting money on candles that smell of nothing?',
    );
  });

  it('names the audience from the avatar’s description, never from its name', () => {
    const request: CopyRequest = {
      format: 'social-caption',
      tone: 'plain',
      product: 'Ledgerly Monthly Bookkeeping',
      features: ['Books closed by the 5th of every month'],
      brand: {
        avatar: {
          name: 'Overwhelmed founder',
          description: 'Overwhelmed founder (a founder aged 35-44). Runs a 10-person agency',
          desires: [],
          fears: ['Missing a tax deadline'],
          triggers: [],
        },
      },
    };
    for (const format of KINDS_TO_CHECK) {
      const text = all({ ...request, format });
      expect(text).not.toMatch(/overwhelmed founder/i);
    }
    expect(all({ ...request, format: 'landing-hero' })).toMatch(/\bfounders\b/);
    // Without a description there is no audience, and the notes say where to add one.
    const nameOnly = writeCopy({
      ...request,
      format: 'landing-hero',
      brand: {
        avatar: {
          ...(request.brand.avatar as NonNullable<CopyRequest['brand']['avatar']>),
          description: 'Overwhelmed founder',
        },
      },
    });
    expect(nameOnly.options.join(' ')).not.toMatch(/\bfor overwhelmed\b/i);
    expect(nameOnly.notes.join(' ')).toContain('No audience is named');
  });

  it('speaks to the customer and keeps each fear’s and desire’s grammar', () => {
    const request: CopyRequest = {
      format: 'email-subject',
      tone: 'confident',
      count: 5,
      brand: {
        name: 'Ledgerly',
        avatar: {
          name: 'Sam',
          description: 'Sam (a nurse)',
          fears: [
            "I'll get a surprise bill from the tax office",
            'afraid of hidden fees',
            'to look unprofessional',
          ],
          desires: ['to switch off after work', 'More time'],
          triggers: ['relief'],
        },
      },
    };
    const subjects = all(request);
    expect(subjects).toContain('Worried about hidden fees?');
    expect(subjects).toContain("Worried you'll look unprofessional?");
    const sam = request.brand.avatar as NonNullable<CopyRequest['brand']['avatar']>;
    const onlyTheBill = {
      ...request,
      count: 1,
      brand: {
        ...request.brand,
        avatar: { ...sam, fears: ["I'll get a surprise bill from the tax office"] },
      },
    };
    expect(all(onlyTheBill)).toBe("Worried you'll get a surprise bill from the tax office?");
    const looking = writeCopy({
      ...request,
      format: 'video-hook',
      brand: { ...request.brand, avatar: { ...sam, fears: ['to look unprofessional'] } },
    });
    expect(looking.options[0]).toMatch(/^Worried you'll look unprofessional\? /);
    const bullets = all({ ...request, format: 'bullets', count: 5 });
    expect(bullets).toContain('Ledgerly helps you switch off after work.');
    expect(bullets).toContain('Ledgerly gives you more time.');
    expect(all({ ...request, format: 'headline', tone: 'plain' })).toContain(
      "No more worrying that you'll get a surprise bill from the tax office",
    );
  });

  it('ties a feature to the benefit it answers, and to none when nothing is about it', () => {
    const request: CopyRequest = {
      format: 'amazon-bullets',
      tone: 'warm',
      product: 'Calm Kit',
      features: ['Ready in five minutes', 'No added sugar', 'Recyclable box'],
      brand: {
        avatar: {
          name: 'Sam',
          description: 'Sam (a nurse)',
          desires: ['More time'],
          fears: [],
          triggers: [],
        },
      },
    };
    const bullets = writeCopy(request).options;
    expect(bullets.slice(0, 3)).toEqual([
      'Ready in five minutes, so you get more time.',
      'No added sugar.',
      'Recyclable box.',
    ]);
  });

  it('fixes articles, periods and casing in what the owner typed', () => {
    const result = writeCopy({
      format: 'amazon-bullets',
      tone: 'plain',
      product: 'Harbour Shirt',
      features: ['a easy-care linen..', 'AN UNIQUE STONEWASHED FINISH!!', 'made in Portugal.'],
      brand: {},
    });
    expect(result.options).toEqual([
      'An easy-care linen.',
      'A unique stonewashed finish.',
      'Made in Portugal.',
    ]);
    const pauses = writeCopy({
      format: 'email-subject',
      tone: 'plain',
      brand: { avatar: { name: 'Jo', fears: ['wasting money… again'], desires: [], triggers: [] } },
    });
    expect(pauses.options).toEqual(['Tired of wasting money, again?', 'Say goodbye to wasting money, again']);
  });

  it('writes a shorter whole candidate when the long ones do not fit, and never cuts', () => {
    const result = writeCopy({
      format: 'ad-headline',
      tone: 'warm',
      product: 'Harbour Linen Shirt for Warm Summer Evenings',
      features: [
        'breathable stonewashed linen that softens with every wash',
        'made in a family workshop in Porto',
      ],
      brand: {},
    });
    expect(result.options).toContain('Harbour Linen Shirt');
    // What the feature says the shirt does, as a whole line; not its head stopped before "that".
    expect(result.options).toContain('Softens with every wash');
    expect(result.options).not.toContain('Breathable stonewashed linen');
    for (const option of result.options) expect(copyLength(option)).toBeLessThanOrEqual(30);
  });

  it('leaves out template placeholders left in a field', () => {
    const result = writeCopy({
      format: 'bio',
      tone: 'plain',
      brand: {
        name: 'Calm Co',
        purpose: '[Brand] exists to help [audience] [change you make in their lives].',
        valueProposition: 'For {{audience}}, a calm start without the rush.',
      },
    });
    expect(result.options.length).toBeGreaterThan(0);
    for (const option of result.options) expect(option).not.toMatch(/[[\]{}]/);
    expect(result.options.join(' ')).toContain('A calm start without the rush');
  });

  it('says what is missing and where to add it instead of inventing', () => {
    const empty = writeCopy({ format: 'tagline', tone: 'warm', brand: { name: 'My brand' } });
    expect(empty.options).toEqual([]);
    expect(empty.notes.join(' ')).toContain('Brand canvas page');
    expect(empty.notes.join(' ')).toContain('Customer avatars page');

    const tooLong = writeCopy({
      format: 'ad-headline',
      tone: 'warm',
      product: 'Organic Lavender Pillow Spray Deep Sleep Edition',
      features: ['made with organic lavender oil distilled in Provence every summer'],
      brand: {},
    });
    expect(tooLong.options).toEqual([]);
    expect(tooLong.notes[0]).toContain('does not cut your words');

    const noFears = writeCopy({
      ...EMBER,
      format: 'tagline',
      brand: { ...EMBER.brand, avatar: { name: 'Maya', desires: [], fears: [], triggers: [] } },
    });
    expect(noFears.notes.join(' ')).toContain('Maya has no fears or desires saved');
  });

  it('leads with the emotional payoff and says so only when it could', () => {
    const hope = writeCopy({ ...EMBER, format: 'email-subject', payoff: 'hope' });
    expect(hope.options[0]).toBe('Want a home that feels calm?');
    expect(hope.notes).toContain(
      'Led with hope (the belief that things can get better with your help), the payoff you chose: show the better day after buying.',
    );
    const tooLong = writeCopy({ ...EMBER, format: 'ad-headline' });
    expect(tooLong.notes.join(' ')).toContain('too long for an ad headline');
  });
});

describe('copy requests in chat', () => {
  it('reads the brand from the saved workspace the way the Value Lens does', () => {
    const avatar = emptyAvatarData();
    avatar.name = 'Overwhelmed founder';
    avatar.demographics.occupation = 'founder';
    avatar.demographics.lifestyle = 'Does the books at midnight';
    avatar.psychology.fears = ['Missing a tax deadline'];
    const canvas = { ...emptyItemData('canvas'), valueProposition: 'Books closed every month.' };
    const brand = copyBrandFromSaved('Ledgerly', {
      canvas,
      insight: null,
      distinctive: null,
      empathetic: null,
      authentic: null,
      avatars: [avatar],
    });
    expect(brand.avatar?.description).toBe('Overwhelmed founder (a founder). Does the books at midnight');
    const result = writeCopy({ format: 'tagline', tone: 'plain', brand });
    expect(result.options).toContain('No more missing a tax deadline');
    expect(result.options.join(' ')).not.toMatch(/overwhelmed/i);
    expect(
      copyBrandFromSaved('Ledgerly', {
        canvas: null,
        insight: null,
        distinctive: null,
        empathetic: null,
        authentic: null,
        avatars: [],
      }).avatar,
    ).toBeNull();
  });

  it('reads the kind of copy asked for', () => {
    const cases: [string, CopyKind | null][] = [
      ['Write three tagline options', 'tagline'],
      ['Give me a slogan for the shop', 'tagline'],
      ['Rewrite our homepage headline', 'headline'],
      ['Ideas for a Facebook ad headline?', 'ad-headline'],
      ['Five subject lines for the launch email', 'email-subject'],
      ['A hook for my TikTok', 'video-hook'],
      ['Write the hero for our landing page', 'landing-hero'],
      ['Amazon bullets for the candle', 'amazon-bullets'],
      ['Bullet points for the product page', 'bullets'],
      ['Our Instagram bio', 'bio'],
      ['Draft the about us page', 'about'],
      ['Write a product description', 'product-description'],
      ['Caption for this photo', 'social-caption'],
      ['Why do people forget us?', null],
    ];
    for (const [message, kind] of cases) expect(copyKindIn(message), message).toBe(kind);
  });

  it('reads how many options were asked for', () => {
    expect(copyCountIn('Write three tagline options')).toBe(3);
    expect(copyCountIn('5 subject lines please')).toBe(5);
    expect(copyCountIn('give me 12 headline ideas')).toBe(5);
    expect(copyCountIn('Rewrite our headline')).toBeNull();
  });
});
