/**
 * Which words carry content: the key phrases customers repeat (noun phrases, found with compromise's
 * word list rather than its full tagger, which would cost 30 times as much) and the words an avatar's
 * tag is matched on ("Headaches from fake scents" → headache, fake, scent).
 */
import nlp from 'compromise';
import { VALENCE } from './lexicon.ts';
import { lemmaOf, stemOf, type Token } from './tokens.ts';

/** compromise's lexicon: word → tag (or tags). A lookup, not a parse. */
// compromise types its model as `object`; its documented shape is `{ one: { lexicon } }`.
const LEXICON = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;

const NOT_NOUN_TAGS = new Set([
  'Infinitive',
  'PastTense',
  'PresentTense',
  'Gerund',
  'PhrasalVerb',
  'Modal',
  'Copula',
  'Auxiliary',
  'Adverb',
  'Adjective',
  'Comparative',
  'Superlative',
  'Preposition',
  'Determiner',
  'Pronoun',
  'Conjunction',
  'QuestionWord',
  'Expression',
  'Negative',
  'Value',
  'Cardinal',
  'Ordinal',
  'Date',
  'Month',
  'WeekDay',
  'Duration',
]);

/** Function words and words too generic to say what a review is about. */
export const STOP_WORDS = new Set(
  "a an the and or but if of to in on for with at by from is are was were be been being am it its it's this that these those i me my mine we our us you your they them their he him his she her hers so very just really too also as not no yes have has had having do does did doing can could would will should shall may might must about than then there here what when where which who whom whose how why all any some more most much many one ones two other another such each every both either neither own same only up down out over into onto off again once still even ever after before while because though although until since get gets got getting go goes went make makes made thing things lot lots bit way day days time times week weeks month months year years kind sort star stars review reviews people person everything anything something nothing everyone someone anyone item items product products purchase order orders back run look looks use used bit thanks i'm i've i'd i'll it'll you're they're we're don't doesn't didn't can't won't isn't wasn't aren't weren't that's there's what's let's".split(
    ' ',
  ),
);

/** People and pets: who a review is about, not what it says of the product. */
const PEOPLE = new Set(
  'baby babies husband wife partner son daughter mum mom dad father mother sister brother friend friends kid kids child children family colleague colleagues nurse guests boss grandmother grandma nan cat cats dog dogs puppy puppies kitten kittens pup pet pets'.split(
    ' ',
  ),
);

function tagsOf(word: string): string[] {
  const entry = LEXICON[word];
  if (!entry) return [];
  return Array.isArray(entry) ? entry : [entry];
}

/** A word that can stand in a noun phrase: not a function word, verb, adverb or opinion word. */
export function isNounLike(token: Token): boolean {
  if (token.kind !== 'word' || token.lower.length < 3 || STOP_WORDS.has(token.lower)) return false;
  if (VALENCE.has(token.lower) || VALENCE.has(token.lemma)) return false;
  if (/ly$/.test(token.lower) && token.lower.length > 4) return false;
  if (token.lower.includes("'")) return false;
  const tags = tagsOf(token.lower);
  if (tags.length > 0) return !tags.some((tag) => NOT_NOUN_TAGS.has(tag));
  // "sleeps", "holds": the word list knows the verb, not every form of it.
  if (token.lemma !== token.lower && tagsOf(token.lemma).includes('Infinitive')) return false;
  // Unknown to the word list: a noun, unless it reads like a verb form.
  return !/(?:ed|ing)$/.test(token.lower);
}

/** A modifier that may open a noun phrase ("folding mechanism", "small-bite kibble"). */
function isModifier(token: Token): boolean {
  if (token.kind !== 'word' || STOP_WORDS.has(token.lower) || VALENCE.has(token.lower)) return false;
  return token.lower.endsWith('ing') || token.lower.includes('-');
}

/**
 * Noun phrases of a segment: runs of up to three noun-like words (a gerund or hyphenated modifier may
 * open one), their last word lemmatised so "straps" and "strap" count together. People are skipped.
 */
export function nounPhrases(tokens: readonly Token[]): string[] {
  const phrases: string[] = [];
  let run: Token[] = [];
  const flush = () => {
    while (run.length > 0 && !isNounLike(run[run.length - 1] as Token)) run.pop();
    const words = run.slice(-3);
    const head = words[words.length - 1];
    if (head && !PEOPLE.has(head.lemma) && !PEOPLE.has(head.lower)) {
      const phrase = [...words.slice(0, -1).map((word) => word.lower), head.lemma].join(' ');
      if (phrase.length >= 3) phrases.push(phrase);
    }
    run = [];
  };
  for (const token of tokens) {
    if (isNounLike(token) || (run.length === 0 && isModifier(token))) run.push(token);
    else flush();
  }
  flush();
  return phrases;
}

/** Words that mean the same to a customer, so a tag and a review meet across them. */
const SYNONYMS: readonly (readonly string[])[] = [
  ['scent', 'smell', 'fragrance', 'aroma', 'perfume'],
  ['headache', 'migraine'],
  ['support', 'service', 'helpdesk'],
  ['delivery', 'shipping', 'dispatch'],
  ['price', 'cost', 'pricing'],
  ['cheap', 'inexpensive', 'affordable'],
  ['fake', 'artificial', 'synthetic', 'chemical'],
  ['break', 'broken', 'snap'],
  ['tummy', 'stomach'],
  ['sick', 'vomit', 'nausea', 'nauseous'],
];
const CANONICAL: ReadonlyMap<string, string> = new Map(
  SYNONYMS.flatMap((group) =>
    group.map((word): [string, string] => [stemOf(word), stemOf(group[0] as string)]),
  ),
);

/** The key a word is matched on: its lemma's stem, folded onto its synonym group. */
export function matchKey(lemma: string): string {
  const stem = stemOf(lemma);
  return CANONICAL.get(stem) ?? stem;
}

/** Keys of a sentence's content words (hyphenated words also by their parts: "one-hand" → one, hand). */
export function contentKeys(tokens: readonly Token[]): Set<string> {
  const keys = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'word') continue;
    for (const part of token.lower.includes('-') ? [token.lower, ...token.lower.split('-')] : [token.lower]) {
      const lemma = part === token.lower ? token.lemma : lemmaOf(part);
      keys.add(matchKey(lemma));
    }
  }
  return keys;
}

const PREPOSITIONS = new Set(
  'from of by about with without for to in on at over under after before during against among between through via like than'.split(
    ' ',
  ),
);
const TAG_FILLERS = new Set(['being', 'getting', 'feeling', 'having', 'too', 'much', 'very', 'really']);

/**
 * An avatar tag as keys to match: the words before its first preposition are its head ("Headaches
 * from fake scents" → headache) and must all be heard; the rest only narrow a long tag.
 */
export function tagKeys(tag: string): { head: string[]; rest: string[] } {
  const words = (
    tag
      .toLowerCase()
      .replace(/’/g, "'")
      .match(/\p{L}+(?:['-]\p{L}+)*/gu) ?? []
  ).flatMap((word) => (word.includes('-') ? word.split('-') : [word]));
  const head: string[] = [];
  const rest: string[] = [];
  let target = head;
  for (const word of words) {
    if (PREPOSITIONS.has(word) && head.length > 0) {
      target = rest;
      continue;
    }
    if (STOP_WORDS.has(word) && word !== 'one') continue;
    if (TAG_FILLERS.has(word) || word.length < 2) continue;
    target.push(matchKey(lemmaOf(word)));
  }
  return { head, rest };
}
