/**
 * What a chat message asks, before anything answers it: the kind of request (write copy, diagnose a
 * problem, decide what to do next…), the IDEA dimension it is about, the copy format and how many
 * options when copy is asked for, and the language it is written in.
 *
 * Deterministic and explainable: the request type comes from whole-word, weighted rules (phrases
 * and word stems, never bare substrings, so "why" alone no longer decides anything), plus a small word
 * model of the labelled set (word-model.ts) that tips close calls and covers phrasings no rule names;
 * each result lists the features that fired. The dimension comes from rules only. When the message
 * says too little about a dimension, the conversation so far is read next, then what the request
 * type implies, and only then the brand's data (its weakest diagnostic dimension, or the first empty
 * worksheet) — and the result says which it used, so the answer can be honest about it. Pure: no I/O.
 *
 * Measured on messages the rules had never seen (each round of intent-set.ts was classified once
 * before anything was tuned on it), type accuracy was 56–62 % for the rules alone and 78 % with the
 * word model (dimension: 68–83 %); expect misses on unseen phrasings and let `confidence` temper the
 * answer.
 */
import { DIMENSIONS, type Dimension } from '../diagnostic/questionnaire.ts';
import { type DiagnosticScores, dimensionsByWeakness } from '../diagnostic/scoring.ts';
import { INTENT_SET } from './intent-set.ts';
import { detectLanguage } from './language.ts';
import {
  type CopyRequestFormat,
  type LanguageCode,
  REQUEST_TYPES,
  type RequestType,
} from './request-types.ts';
import { posteriorOf, type RequestModel, trainRequestModel } from './word-model.ts';

export { detectLanguage } from './language.ts';
export * from './request-types.ts';
export { type RequestModel, trainRequestModel } from './word-model.ts';

/** Where the dimension came from, weakest source last: the answer words its claim accordingly. */
export type DimensionEvidence =
  /** The message itself names or clearly describes it. */
  | 'message'
  /** A follow-up ("and how do I fix that?") about the previous turn's dimension. */
  | 'conversation'
  /** Implied by the kind of request (what customers think → Insight; competitors → Distinctive). */
  | 'request-type'
  /** Weak evidence: the brand's weakest dimension in its latest diagnostic. */
  | 'weakest-dimension'
  /** Weak evidence, no diagnostic: the first dimension whose worksheet is still empty. */
  | 'empty-worksheet'
  /** The message hints at it, too weakly to be sure, and there is no brand data to decide. */
  | 'weak-message'
  /** No dimension: off-topic, or nothing to go on. */
  | 'none';

/** Where the request type came from. */
export type TypeEvidence =
  /** The rules found it in the message (the word model may have tipped a close call). */
  | 'message'
  /** No rule fired; the message resembles labelled messages of this type. */
  | 'word-model'
  /** A follow-up that continues the previous turn's request. */
  | 'conversation'
  /** Nothing to go on: a greeting or a bare remark gets the where-to-start answer. */
  | 'default';

export interface CopyRequest {
  format: CopyRequestFormat;
  /** How many options the owner asked for ("three taglines" → 3, "a tagline" → 1), null if unsaid. */
  count: number | null;
}

export interface RequestClassification {
  type: RequestType;
  dimension: Dimension | null;
  /** 0–1: how clearly the message states its type (score and margin over the runner-up). */
  confidence: number;
  /** 0–1: how clearly the dimension is supported, by its source and margin. */
  dimensionConfidence: number;
  evidence: DimensionEvidence;
  typeEvidence: TypeEvidence;
  /** Whether the message reads as a follow-up to the previous turn. */
  followUp: boolean;
  /** For copy requests (and feedback on a piece of copy): which format, and how many options. */
  copy?: CopyRequest;
  language: LanguageCode;
  /** The features that fired, as `type:<type>:<feature>` and `dimension:<dimension>:<feature>`. */
  signals: string[];
}

export interface ConversationTurn {
  role: 'user' | 'assistant';
  content: string;
}

/** What the classifier may know of the brand; all optional. */
export interface BrandSignals {
  diagnostic?: DiagnosticScores | null;
  /** Which dimensions' worksheets hold answers. */
  worksheets?: Partial<Record<Dimension, boolean>>;
}

export interface ClassifyOptions {
  history?: readonly ConversationTurn[];
  brand?: BrandSignals;
  /** The word model to use; by default one trained on the labelled set (see intent-set.ts). */
  model?: RequestModel;
}

// ------------------------------------------------------------------------------------ text prep

/** Messages are capped in chat; the classifier reads no further than this either. */
const MAX_CHARS = 4000;
/** Previous user turns read for a follow-up. */
const HISTORY_TURNS = 6;

interface Prepared {
  /** Lower case, quotes of four words or more removed (they are the owner's copy, not the request). */
  text: string;
  /** The same text cut at sentence ends and line breaks. */
  sentences: string[];
  words: number;
}

/** An apostrophe between letters belongs to a word ("don't"); elsewhere it may open or close a quote. */
const QUOTED =
  /(^|[\s:(,—–-])(?:"([^"]*)"|'((?:[^'\n]|(?<=\p{L})'(?=\p{L}))*)'|“([^”]*)”|‘((?:[^’\n]|(?<=\p{L})’(?=\p{L}))*)’)/gu;

function prepare(message: string): Prepared {
  const lower = message.slice(0, MAX_CHARS).normalize('NFKC').toLowerCase();
  const unquoted = lower.replace(QUOTED, (_match, lead: string, ...groups: (string | undefined)[]) => {
    const inner = groups.slice(0, 4).find((group) => group !== undefined) ?? '';
    // A short quote is a term being asked about ('shopper type'); a long one is the owner's copy.
    return inner.trim().split(/\s+/).length >= 4 ? `${lead} ` : `${lead}${inner}`;
  });
  const flat = (value: string) =>
    value
      .replace(/[’‘`´]/g, "'")
      .replace(/\s+/g, ' ')
      .trim();
  const text = flat(unquoted);
  const sentences = unquoted
    .split(/[.!?]+(?:\s+|$)|\n+/)
    .map(flat)
    .filter(Boolean);
  const words = text.match(/[\p{L}\p{N}']+/gu)?.length ?? 0;
  return { text, sentences, words };
}

// ------------------------------------------------------------------------------- copy requests

interface CopyNoun {
  format: CopyRequestFormat;
  pattern: RegExp;
  /** Only a request for copy with a writing verb ("write our story"); alone it is a topic. */
  weak?: boolean;
}

/**
 * The copy formats by the words that name them. A specific format beats plain "copy", which beats a
 * topic word (`weak`); compound names ("email subject") have their own entry so they beat the simple one.
 */
const COPY_NOUNS: readonly CopyNoun[] = [
  { format: 'email-subject', pattern: /\b(?:subject ?lines?|e-?mail subjects?)\b/ },
  { format: 'bullets', pattern: /\bbullet(?:s| ?points?)?\b/ },
  { format: 'bio', pattern: /\bbios?\b|\bprofile (?:description|text)\b/ },
  { format: 'hero', pattern: /\bhero(?: section| text| banner| copy| headline)?\b|\babove the fold\b/ },
  {
    format: 'video-hook',
    pattern:
      /\b(?:video |reel |tiktok )?hooks?\b|\b(?:reel|tiktok|video|youtube) scripts?\b|\b(?:opening|first) lines? (?:for|of) (?:a |an |our |the )?(?:video|reel|tiktok|youtube)\b/,
  },
  { format: 'ad', pattern: /\b(?:ads?|adverts?|advertisements?)\b(?! (?:spend|budget|account|manager))/ },
  { format: 'tagline', pattern: /\b(?:tag ?lines?|slogans?|straplines?|catch ?phrases?|mottos?)\b/ },
  { format: 'headline', pattern: /\b(?:headlines?|headings?|headers?|titles?)\b/ },
  {
    format: 'product-description',
    pattern:
      /\b(?:(?:product|listing|item|etsy|amazon|shop) (?:descriptions?|listings?(?! bullets?)|page copy))\b|\bdescriptions?\b|\b(?:etsy|amazon) listings?\b(?! bullets?)/,
  },
  {
    format: 'social-caption',
    pattern:
      /\bcaptions?\b|\b(?:instagram|insta|ig|facebook|fb|linkedin|social(?: media)?|twitter|tiktok|pinterest) (?:posts?|captions?)\b|\bposts? (?:for|on) (?:instagram|insta|ig|facebook|fb|linkedin|social(?: media)?|twitter|tiktok|pinterest)\b|\btweets?\b|\bpost ideas\b|\bhashtags?\b/,
  },
  { format: 'social-caption', pattern: /\b(?:announcement |launch )?posts?\b/, weak: true },
  {
    format: 'value-proposition',
    pattern: /\bvalue prop(?:osition)?s?\b|\b(?:elevator|sales) pitch(?:es)?\b|\bone[- ]?liners?\b/,
  },
  { format: 'value-proposition', pattern: /\b(?:one[- ]line )?pitch(?:es)?\b/, weak: true },
  { format: 'statement', pattern: /\b(?:mission|vision|purpose|positioning) statements?\b/ },
  { format: 'statement', pattern: /\b(?:our|my|a|the) (?:mission|vision|purpose)\b/, weak: true },
  { format: 'about', pattern: /\babout(?: us)? (?:page|section|text|blurb)\b|\babout us\b/ },
  { format: 'about', pattern: /\b(?:brand|origin|founder|founding|our) stor(?:y|ies)\b/, weak: true },
  {
    format: 'email',
    pattern: /\b(?:welcome |launch |announcement )?(?:e-?mails?|newsletters?)\b/,
    weak: true,
  },
  { format: 'name', pattern: /\b(?:names?|naming)\b/, weak: true },
  { format: 'copy', pattern: /\b(?:push )?(?:messages?|notifications?|texts?|sms)\b/, weak: true },
  {
    format: 'copy',
    pattern:
      /\b(?:copy|copywriting|wording|blurb|microcopy|label text|text (?:on|for) (?:the |our |my |a )?[\w-]+|pop-?ups?|banners?|signs?(?!-)|signage|intros?|intro paragraph|opening lines?|words for|ways to (?:say|phrase|word)|how to (?:say|phrase|word))\b/,
  },
];

/** Verbs that ask for new words. Past tense is left out on purpose: "I rewrote it" asks for feedback. */
const WRITE_VERB =
  /\b(?:write|re-?write|writing|draft|re-?draft|craft|come up with|brainstorm|generate|re-?word|rephrase|punch up|polish|tweak|create|suggest|make (?:me|us|a|an|some|it|them|this|that)|think of|give me|gimme)\b/;
/** A message that opens by ordering copy ("write…", "please draft…", "give me…"). */
const IMPERATIVE_WRITE =
  /^(?:please |pls |now |ok(?:ay)?,? |so,? |can you |could you )?(?:write|re-?write|draft|re-?draft|craft|come up with|brainstorm|generate|create|suggest|give me|gimme|make (?:me|us))\b/;
const WANT_VERB =
  /\b(?:i need|we need|need (?:a|an|some|new)|i want|we want|want (?:a|an|some|new)|help (?:me )?(?:with|write)|can (?:you|u) do|looking for|(?:could|can|may) (?:i|we) (?:get|have)|have a (?:go|crack|stab)|take a (?:stab|crack)|(?:ideas|options|suggestions) for)\b/;

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  single: 1,
  a: 1,
  an: 1,
  two: 2,
  couple: 2,
  'a couple': 2,
  'a couple of': 2,
  'couple of': 2,
  pair: 2,
  'a pair of': 2,
  three: 3,
  'a few': 3,
  few: 3,
  several: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

const COUNT_WORD =
  '(\\d{1,2}|one|single|two|a couple(?: of)?|couple(?: of)?|a pair of|three|a few|few|several|four|five|six|seven|eight|nine|ten|an?)';
/** What a count is attached to: options of the copy, or the copy noun itself. */
const COUNT_TARGET =
  '(?:options?|versions?|variations?|variants?|ideas?|alternatives?|ways|takes|choices|suggestions?|drafts?|more|tag ?lines?|slogans?|straplines?|headlines?|subject ?lines?|captions?|posts?|bios?|descriptions?|bullets?(?: points?)?|hooks?|ads?|names?|emails?|pitch(?:es)?|one[- ]?liners?|statements?|stor(?:y|ies)|hero|listing|about|value|lines?|intros?|messages|notifications|texts)';

/** The words between may not start another item ("6 hashtags and a caption" counts no captions). */
const COUNTED = new RegExp(
  `\\b${COUNT_WORD}\\s+(?:(?!and\\b|or\\b|for\\b|with\\b|of\\b|characters\\b|chars\\b|words\\b|letters\\b|seconds\\b)[\\w'-]+\\s+){0,3}?${COUNT_TARGET}\\b`,
  'g',
);

function parseCount(word: string): number | null {
  const digits = Number.parseInt(word, 10);
  if (Number.isFinite(digits)) return digits > 0 ? digits : null;
  return NUMBER_WORDS[word] ?? null;
}

/**
 * How many options were asked for: a number or number word within three words of "options" or of the
 * copy noun. A plain number beats "a/an" ("a tagline … give me 3 versions" → 3).
 */
function copyCount(text: string): number | null {
  let article: number | null = null;
  for (const match of text.matchAll(COUNTED)) {
    const word = match[1] ?? '';
    const count = parseCount(word);
    if (count === null) continue;
    if (word === 'a' || word === 'an') article ??= count;
    else return count;
  }
  return article;
}

/**
 * The copy the message asks for: what follows "into" when it turns one thing into another, else the
 * earliest specific copy noun ("an email … that tells our story" → email), then plain "copy" or
 * "text", and a topic word ("email", "story") only when no real copy noun is named.
 */
function firstCopyNoun(
  text: string,
  includeWeak: boolean,
): { format: CopyRequestFormat; weak: boolean } | null {
  const target = /\binto (?:a |an |some |\d+ |two |three )?(.+)$/.exec(text)?.[1];
  if (target) {
    const found = firstCopyNoun(target, includeWeak);
    if (found) return found;
  }
  let best: { format: CopyRequestFormat; weak: boolean; index: number; rank: number } | null = null;
  for (const noun of COPY_NOUNS) {
    if (noun.weak && !includeWeak) continue;
    const match = noun.pattern.exec(text);
    if (!match) continue;
    const weak = noun.weak ?? false;
    const rank = weak ? 2 : noun.format === 'copy' ? 1 : 0;
    const better = !best || rank < best.rank || (rank === best.rank && match.index < best.index);
    if (better) best = { format: noun.format, weak, index: match.index, rank };
  }
  return best && { format: best.format, weak: best.weak };
}

// ---------------------------------------------------------------------------------- type features

interface Feature {
  label: string;
  pattern: RegExp;
  weight: number;
}

const f = (label: string, pattern: RegExp, weight: number): Feature => ({ label, pattern, weight });

const CUSTOMERS =
  '(?:customers|clients|buyers|shoppers|reviewers|people|audience|users|followers|subscribers|guests|members|mums|moms|dads|parents|patients|students|visitors|they|(?:my|our|the|ideal|new|first-time|target) (?:customer|client|buyer|avatar|persona|audience)|avatar(?: \\w+)?)';
const MENTAL =
  '(?:describ\\w*|talk about|recommend\\w*|tell|hop\\w*|wish\\w*|dream\\w*|nervous|anxious|excited|unsure|put off|delight\\w*|enjoy\\w*|appreciat\\w*|trust\\w*|think\\w*|want\\w*|need\\w*|worr\\w*|fear\\w*|afraid|scared|say|says|saying|said|feel\\w*|like|likes|love\\w*|hate\\w*|care\\w*|expect\\w*|valu\\w+|struggl\\w*|ask\\w*|look(?:ing)? for|complain\\w*|buy\\w*|motivat\\w*|object\\w*|hesitat\\w*|prefer\\w*|search\\w*|notice\\w*|mean)';
/** Advice questions are asked about "I/we" ("how do I get customers to…"), not about the customers. */
const ADVICE_OPENING = /^(?:\w+ ){0,3}?how (?:(?:do|can|should|could|would|might) (?:i|we)|to)\b/;

const PROBLEM =
  /\b(?:nobody|no one|never|low|lower|drop\w*|down|flat|falling|fell|declin\w*|struggl\w*|problems?|issues?|wrong|hurt\w*|fail\w*|dead|lost|losing|stuck|poor|bad|worse|abandon\w*|forget\w*|forgot\w*|disappear\w*|confus\w*|unsubscrib\w*|churn\w*|ignor\w*|cold|faceless|one-star|complain\w*|slow|quiet|leav\w*|bounc\w*|one-off|one-time|missing|dried up|zero|flop\w*|stopped|cancel\w*)\b/g;
const WHY_QUESTION =
  /(?:^|[.!?,] ?)why\b|\bwhy\b\??$|\bwhy (?:do|does|did|is|are|am|was|were|would|have|has|might|could)\b/;
/** The owner speaking of their own brand ("why do people forget us") rather than of brands in general. */
const FIRST_PERSON = /\b(?:i|i'm|i've|me|my|mine|we|we're|we've|us|our|ours)\b/;
const MODAL = /\b(?:should|would|could|must|might|need to)\b/;
const WHY_NEGATIVE =
  /\bwhy\b[^.?!]*\b(?:don't|dont|doesn't|doesnt|didn't|aren't|arent|isn't|isnt|won't|wont|can't|cant|not|never|nobody|no one|hardly)\b/;
const WHO_BUYS =
  /\bwho (?:is|are|were)\b[^.?!]{0,25}\b(?:buy\w*|customers?|clients?|audience|buyers|shoppers|shopping|fans)\b|\bwho (?:buys|shops|orders)\b/;
const WHAT_MAKES_CHOOSE =
  /\bwhat (?:would |could |will |does |might )?makes? (?:someone|somebody|people|customers|anyone|them|shoppers|buyers|clients|(?:a|an) (?:[\w-]+ ){1,3}?)\s?(?:\w+ )?(?:choose|buy|pick|prefer|switch|trust|come back|stay|leave|order|book|sign up|click)\b/;
const WHY_BUY =
  /\bwhy (?:do|would|does|did|might|should) (?:people|customers|clients|buyers|shoppers|they|anyone|someone|folks|my customers|our customers)(?: \w+)? (?:buy|choose|pick|shop|order|come to|book|prefer|love|use|sign up)\b|\bwhy (?:people|they|customers|clients) (?:\w+ )?(?:buy|choose|pick)\b/;

const TYPE_FEATURES: Record<Exclude<RequestType, 'write-copy'>, readonly Feature[]> = {
  diagnose: [
    f('why', WHY_QUESTION, 1.5),
    f('why-negative', WHY_NEGATIVE, 2),
    f(
      'what-is-wrong',
      /\bwhat(?:'s| is| am| are)? (?:going )?(?:wrong|the (?:problem|issue|reason|cause)|(?:really )?going on|happening)\b|\bwhats (?:wrong|the problem|the reason|(?:really )?going on|happening)\b|\bhow come\b|\bwhat(?:'s| has)? changed\b|\bused to (?:work|sell|convert|get)\b|\b(?:thoughts|ideas) on why\b|\bwhat (?:could|might|would) explain\b|\bwhat happened\b|\bsomething(?:'s| is) (?:off|wrong|not right)\b|\bcan'?t put my finger on\b|\bwhat (?:am i|are we|is it|have i|have we) (?:doing|done|getting) wrong\b|\bwhat (?:are|am) (?:we|i) missing\b|\bwhat (?:could|might|would) (?:be )?caus\w*|\bwhy (?:might|could|would) (?:that|this) be\b|\bany idea why\b/,
      4,
    ),
    f(
      'not-working',
      /\b(?:not|isn't|isnt|aren't|arent|doesn't|doesnt|don't|dont|never|stopped) (?:really )?(?:working|converting|selling|growing|buying|clicking|sharing|engaging|landing|taking off)\b|\bno (?:sales|orders|conversions|bookings|enquiries)\b|\bnobody (?:buys|orders|books|knows|cares|clicks)\b/,
      3,
    ),
    f(
      'does-not-connect',
      /\b(?:don't|dont|doesn't|doesnt|not|never) (?:really |even )?(?:connect|trust|believe|remember|recogni[sz]e|come back|return|care|notice|engage|open|click|stay)\w*/,
      2,
    ),
    f('is-that-why', /\b(?:is|was) (?:that|this|it) why\b|\b(?:i don'?t know|no idea|not sure) why\b/, 3),
    f('hurting', /\bhurt\w* (?:us|sales|our|the (?:brand|business))\b/, 2),
    f('contrast', /\b(?:but|still|yet|even though)\b/, 0.5),
    f('suspect', /\bi (?:suspect|fear|worry that|am worried that|'m worried that)\b/, 1.5),
    f(
      'metric',
      /\b(?:sales|revenue|orders|engagement|traffic|conversions?|conversion rate|open rates?|click rates?|bookings|enquiries|purchases|followers|basket)\b/,
      1,
    ),
  ],
  'next-step': [
    f(
      'what-should-i-do',
      /\bwhat (?:should|shall|can|could|do|would) (?:i|we) (?:do|focus on|focus|work on|prioriti[sz]e|tackle|change|start with|fix|improve|try)\b/,
      3.5,
    ),
    f('what-should-i', /\bwhat (?:should|shall) (?:i|we)\b/, 1),
    f(
      'recommend',
      /\bwhat (?:would|do) you (?:do|recommend|suggest|advise)\b|\bif you were (?:me|us)\b|\b(?:any|some|give me) (?:tips|advice|pointers|suggestions)\b|\b(?:best|easiest|quickest|cheapest) way to\b|\bwhere should (?:the|our|my) (?:money|budget|time)\b|\bwhere should (?:i|we) (?:spend|invest|put)\b/,
      3,
    ),
    f('should-we', /^(?:\w+ ){0,2}?(?:should|shall) (?:i|we)\b/, 2),
    f(
      'my-priority',
      /\b(?:i|we) (?:should|need to|must|ought to) (?:fix|do|change|tackle|start|focus|work)\b|\bwhat should (?:be )?(?:my|our) (?:focus|priority|goal)\b|\b(?:would|will) help (?:\w+ ){0,3}(?:most|the most)\b|\bis it worth\b/,
      3,
    ),
    f(
      'next',
      /\bnext steps?\b|\bwhat'?s next\b|\bwhats next\b|\bdo next\b|\bwhat next\b|\bnext (?:\d+|few) \w+/,
      3,
    ),
    f('where-to-start', /\bwhere\b[^.?!]{0,25}\b(?:start|begin)\b/, 4),
    f('prioritise', /\bprioriti[sz]\w*|\bpriorit(?:y|ies)\b/, 3),
    f('focus', /\bfocus on\b|\bwork on\b|\bconcentrate on\b/, 2),
    f(
      'plan',
      /\b(?:plan|roadmap|to-?do list|to-?dos|checklist|action plan|action points|actions|tasks|strategy|routine|schedule)\b/,
      3,
    ),
    f(
      'steps',
      /\bwhat steps\b|\bsteps (?:to|should|i|we)\b|\b(?:things|ways|actions) (?:i|we) (?:can|could|should) (?:do|try)\b|\b(?:some|any|good|best|easy|simple) ways to\b|\bwhere (?:do|should) (?:i|we) put\b|\bwhich should come first\b|\bwhat (?:comes|should come) first\b/,
      3,
    ),
    f(
      'most-important',
      /\b(?:most important|quick(?:est)? wins?|biggest (?:impact|difference|win)|low[- ]hanging)\b/,
      2.5,
    ),
    f('what-now', /\bwhat now\b|\bnow what\b/, 3.5),
    f('how-do-i', ADVICE_OPENING, 2.5),
    f('how-to', /\bhow to\b/, 1.5),
    f(
      'improve',
      /\b(?:improv\w*|build|grow|increase|boost|strengthen|get (?:better|more)|make (?:people|customers|us|our|my))\b/,
      1,
    ),
    f('which-first', /\bwhich (?:dimension|area|one|module|thing|part)\b/, 2.5),
    f('fix-that', /\bfix (?:that|this|it|them)\b/, 2.5),
    f('find-out', /\bfind out\b|\bget to know\b/, 1),
    f(
      'i-want-to',
      /\b(?:i|we) (?:want|would like|'d like|need) to (?:start|get|find|learn|make|build|grow|set up)\b|\bset (?:that|this|it) up\b/,
      2,
    ),
  ],
  'customer-insight': [
    f(
      'what-customers-think',
      new RegExp(`\\b(?:what|how|which)\\b[^.?!]{0,30}\\b${CUSTOMERS}\\b[^.?!]{0,30}\\b${MENTAL}\\b`),
      4,
    ),
    f('do-customers', new RegExp(`^(?:do|does|are|is|would|will|did) (?:my |our |the )?${CUSTOMERS}\\b`), 3),
    f('objections', /\b(?:objections?|pain ?points?|complaints?|frustrations?|hesitations?|hesitat\w+)\b/, 3),
    f('reviews', /\breviews?\b|\bsurveys?\b|\bsurvey (?:results|responses)\b|\btestimonials?\b/, 1.5),
    f('who-buys', WHO_BUYS, 4),
    f(
      'ideal-customer',
      /\bideal (?:customer|client|buyer)s?\b|\btarget (?:audience|market|customers?)\b/,
      2.5,
    ),
    f('why-they-buy', WHY_BUY, 4),
    f('what-makes-them-choose', WHAT_MAKES_CHOOSE, 4),
    f('what-motivates', /\bwhat motivates\b|\bmotivations?\b/, 2),
    f(
      'what-is-stopping',
      /\bwhat(?:'s| is) (?:stopping|holding back|putting (?:\w+ )?off)\b|\bputs? (?:people|them|customers) off\b/,
      4,
    ),
    f(
      'typical-customer',
      /\b(?:typical|average|usual|best|main|core|ideal) (?:customers?|clients?|buyers?|shoppers?)\b/,
      3,
    ),
    f(
      'what-questions',
      new RegExp(
        `\\bwhat (?:questions|concerns|doubts|worries|fears|hopes|expectations)\\b[^.?!]{0,20}\\b${CUSTOMERS}\\b`,
      ),
      4,
    ),
    f(
      'what-kind-of-person',
      /\bwhat (?:kind|sort|type) of (?:person|people|customer|customers|buyer|buyers|client|clients)\b/,
      4,
    ),
    f('fears', /\b(?:afraid of|scared of|worried about|worry about|worries)\b/, 1.5),
    f(
      'summarise-customers',
      new RegExp(
        `\\b(?:summar\\w*|overview|round-?up)\\b[^.?!]{0,30}\\b(?:${CUSTOMERS}|reviewers|reviews)\\b`,
      ),
      3,
    ),
    f('keeps-them-up', /\bkeeps? (?:[\w']+ ){1,3}up at night\b/, 4),
  ],
  explain: [
    f(
      'what-is',
      /^(?:so |and |ok |okay |sorry |but )?(?:what(?: exactly| actually| really| the heck| on earth)?(?: is| are|'s| was)|whats)\b/,
      1.5,
    ),
    f(
      'short-definition',
      /^(?:what(?: exactly| actually| really)?(?: is| are|'s)|whats) (?:a |an |the )?[a-z' -]{1,30}\??$/,
      2,
    ),
    // Scored in scoreTypes: a why-question without "we/our/my" asks about brands in general.
    f('why-in-general', WHY_QUESTION, 2),
    f(
      'concept',
      /\b(?:what(?: exactly| actually| really)?(?: is| are|'s)|whats|explain|define|meaning of)\b (?:a |an |the |my |our )?(?:distinctive |brand )?(?:assets?|mental availability|positioning|value propositions?|emotional triggers?|triggers?|buyer personas?|personas?|customer avatars?|avatars?|voice|tone of voice|search intent|buyer intent|shopper types?|brand canvas|canvas|diagnostic|idea framework|framework|distinctive\w*|empath\w*|authentic\w*|insight\w*|archetypes?|usp|unique selling point|equity|identity|purpose|mission|vision)\b/,
      3,
    ),
    f(
      'what-does-it-mean',
      /\bwhat (?:does|do|did)\b[^.?!]{0,40}\bmean\b|\bwhat do you mean\b|\bmeans?\b\??$/,
      3.5,
    ),
    f(
      'explain',
      /(?<!(?:could|might|would|that|which) )\bexplain\w*\b|\bdefin(?:e|ition)\b|\bmeaning of\b/,
      3.5,
    ),
    f(
      'walk-me-through',
      /\b(?:walk|talk|take) me through\b|\bremind me\b|\bwhat (?:does|do) (?:the |my |our )?[\w -]{1,30} (?:measure|show|tell me)\b|\bwhat (?:is|are) (?:the |a |an )?[\w -]{1,30} for\??$/,
      3,
    ),
    f('eli5', /\beli5\b|\bexplain like\b/, 4),
    f(
      'brands-in-general',
      /^(?:does|do|is|are|should|can|must|will) (?:a |an |every |all |most )?(?:small )?(?:brands?|business(?:es)?|compan(?:y|ies)|startups?)\b/,
      3,
    ),
    f(
      'is-x-a-y',
      /^(?:is|are) (?:a|an|the)? ?[\w -]{1,25} (?:a|an|the|part of|the same)\b[\w -]{0,25}\??$/,
      2.5,
    ),
    // "brand personality vs brand voice?": two concepts, neither of them the owner's brand.
    f(
      'concept-versus',
      /^(?!.*\b(?:us|we|our|my|me|i)\b)[a-z -]{2,30} (?:vs\.?|versus|or) [a-z -]{2,30}\?$/,
      3.5,
    ),
    f('difference-between', /\bdifference between\b|\bthe same (?:thing )?as\b|\bsame thing\b/, 3.5),
    f(
      'how-does-it-work',
      /\bhow (?:does|do|did) (?!i\b|we\b)[^.?!]{1,40}\bwork\b|\bhow is\b[^.?!]{1,30}\b(?:calculated|scored|worked out)\b/,
      3.5,
    ),
    f(
      'why-does-it-matter',
      /\bwhy (?:is|are|does|do|would)\b[^.?!]*\b(?:matter\w*|important|necessary|needed|useful|worth it|help|helps|work|works)\b|\bwhat (?:does|do) (?:good|great|success|best practice) look like\b/,
      4,
    ),
    f('point-of', /\bwhat(?:'s| is) the point of\b|\bwhy (?:do|would|should) i (?:need|bother)\b/, 3),
    f('do-not-understand', /\b(?:don't|dont|do not) (?:understand|get)\b|\bconfused (?:about|by)\b/, 3),
    f('tell-me-about', /\btell me (?:more )?about\b|\blike i'?m (?:5|five|new)\b|\bin simple terms\b/, 2.5),
  ],
  'compare-competitors': [
    f('competitors', /\bcompetit\w*|\brivals?\b/, 3),
    f('versus', /\b(?:vs\.?|versus|compared? (?:to|with)|compare|comparison)\b/, 3),
    f('stack-up', /\b(?:stack up|measure up|benchmark\w*|up against)\b/, 3),
    f(
      'other-brands',
      /\bother (?!options\b|ways\b|things\b|people\b|words\b|ideas\b|versions\b|ones\b|times\b|days\b|customers\b)(?:[\w-]+ ){0,2}(?:brands|shops|companies|businesses|sellers|stores|makers|cafes|caf\u00e9s|salons|studios|gyms|restaurants|[\w-]+ers|[\w-]+ies|chains)\b/,
      3,
    ),
    f(
      'bigger-brands',
      /\b(?:bigger|biggest|similar|big|larger|largest|established|leading|successful|famous|top|best) (?:(?!to\b|of\b|as\b)[\w-]+ ){0,2}(?:brands|companies|players|businesses|chains)\b|\bbrands like\b|\bmarket leaders?\b|\bthe (?:big|major) (?:players|names)\b/,
      2.5,
    ),
    f('that-we-do-not', /\bthat we (?:aren't|arent|don't|dont|are not|do not|haven't|can't)\b/, 2.5),
    f(
      'against',
      /\b(?:rank|measure|pit|position) (?:us|me|our [\w-]+|ourselves) against\b|\bagainst (?:the |our |my )?(?:[\w-]+ ){0,3}(?:competitors|competition|brands|others|rivals)\b/,
      2.5,
    ),
    f(
      'our-x-different-from',
      /\b(?:our|my) [\w -]{1,25} (?:different|differ|differs) (?:from|to|than)\b/,
      2.5,
    ),
    f('apart-from-the-rest', /\bapart from (?:everyone|the rest|others)\b|\bthe competition\b/, 2),
    f(
      'learn-from',
      /\b(?:learn|borrow|steal|copy) from\b|\binspired by\b|\bhow did \w+ (?:build|do)\b|\bwho does (?:this|it|that) better\b/,
      3,
    ),
    f(
      'similar-to-others',
      /\b(?:similar to|the same as|copying|look like) (?:the |other |big |bigger )*(?:[\w-]+ ){0,2}(?:brands|chains|competitors|companies)\b/,
      2.5,
    ),
    f('beat-them', /\b(?:beat|outsell|outdo|undercut\w*|win against|compete with)\b/, 3),
    f('role-model', /\b(?:good|role|great) (?:model|example)\b|\bbenchmark\b|\binspiration\b/, 3.5),
    f(
      'which-brands',
      /\b(?:which|what) (?:other )?(?:brands|companies|businesses|shops)\b|\bwho (?:does|do) (?:this|it|that) (?:well|best|better)\b|\bbrands (?:in|that|who) (?:my|our|the)\b/,
      3,
    ),
    f('differently-from-us', /\b(?:differently|different) (?:from|to|than) (?:us|we)\b|\bup against\b/, 2.5),
    f(
      'niche',
      /\b(?:everyone|everybody|others?) in (?:my|our|the) (?:niche|industry|market|space|sector|area)\b/,
      2.5,
    ),
    f('than-us', /\bthan (?:us|we do|we are|mine|ours)\b/, 2),
    f('our-edge', /\bour edge\b|\bdo the same\b/, 1.5),
  ],
  feedback: [
    f(
      'review-this',
      /\b(?:review|critique|rate|check|assess|grade|score|proofread|look over|look at|go over|go through|read through|sanity[- ]check|sense[- ]check|mark|judge|tear apart|pick apart|rip apart|roast) (?:my|our|this|these|the)\b|\b(?:did|have) (?:i|we) (?:fill\w*|do|done|get|got|answer\w*|complete\w*) (?:[\w-]+ ){0,5}(?:right|properly|correctly|well)\b/,
      3.5,
    ),
    f(
      'opinion',
      /\b(?:honest )?opinions?\b|\bwhat do you reckon\b|\bthoughts\?|\byour (?:take|thoughts|view|verdict)\b|\bwhat do you make of\b|\bbe brutal\b|\bwhat would you (?:change|improve|fix|cut)\b|\b(?:good|great|ok) or (?:bad|cringe|not|meh)\b|\bcringe\b/,
      3.5,
    ),
    f(
      'is-a-good-one',
      /(?:^|[,;:–—-] ?)(?!what\b|how\b|why\b|where\b|who\b|which\b|when\b)(?:\w+ ){0,2}?(?:is|are|was|does|do)\b[^.?!]{0,50}\b(?:good|ok|okay|strong|weak|catchy|clear|memorable|forgettable|specific|professional|cheap|dated|old-fashioned|too [\w-]+|generic|boring|enough)\b/,
      3,
    ),
    f(
      'feedback-on',
      /\b(?:feedback|thoughts|opinion|notes)(?: on| about)\b(?! why\b)|\bgive me (?:some )?feedback\b/,
      4,
    ),
    f('what-do-you-think', /\bwhat do you think (?:of|about)\b|\bwhat'?s your (?:take|opinion)\b/, 4),
    f(
      'is-it-good',
      /\b(?:is|are) (?:this|it|that|my|our|these|the)\b[^.?!]{0,40}\b(?:good|ok|okay|any good|fine|too [\w-]+|clear|vague|enough|working|right|strong|weak|memorable|catchy|confusing|better|worse)\b/,
      3.5,
    ),
    f(
      'does-it-work',
      /\bdoes (?:this|it|that|my|our)\b[^.?!]{0,40}\b(?:work|sound|feel|read|look|land|make sense)\b|^(?:\w+ ){0,2}?does\b[^.?!]{0,50}\b(?:sound|feel|read|look|come across)\b/,
      3.5,
    ),
    f('how-does-it-sound', /\bhow (?:does|do) (?:this|it|these) (?:sound|read|look|land)\b/, 4),
    f(
      'tell-me-honestly',
      /\b(?:tell me|let me know)(?: \w+)? (?:if|whether)\b|\btell me what (?:to|i should|we should) (?:change|fix|improve)\b/,
      2,
    ),
    f('be-honest', /\b(?:be honest|honestly|brutally|tbh)\b/, 1),
    f(
      'anything-to-change',
      /\banything (?:i|we) should (?:change|fix|improve|cut)\b|\b(?:here'?s|here is|this is) (?:the|my|our) [\w -]{1,30}(?:i'm|i am|we're|we are) (?:about to|going to|planning to)\b|\btell me where (?:it|they|this) (?:is|are) weak\b/,
      3.5,
    ),
    f('sounds-like-us', /\b(?:sounds?|feels?|reads?) (?:more )?like us\b/, 1.5),
    f(
      'i-wrote',
      /\b(?:i|we) (?:just |recently |finally )?(?:wrote|rewrote|drafted|made|designed|redesigned|redid|updated|changed|rebranded|launched)\b/,
      1.5,
    ),
  ],
  'off-topic': [
    f(
      'unrelated-topic',
      /\b(?:weather|forecast|recipes?|homework|maths?|algebra|equations?|python|javascript|typescript|css|html|sql|coding|debug\w*|bugs?|excel|vlookup|spreadsheet formula|football|soccer|cricket|rugby|capital of|poems?|poetry|jokes?|films?|movies?|netflix|tv shows?|tax|taxes|vat|hmrc|lose weight|diet|calories|translat\w*|wifi|wi-fi|router|laptop|printer|tyres?|tires?|bitcoin|crypto\w*|stocks|shares|investments?|cover letter|cv|resume|job interview|job at|horoscope|dating|boyfriend|girlfriend|symptoms|lyrics|who won|how old is|president|prime minister|what time is it|time zones?|cook|cooking|dinner|lunch|breakfast|birthday|anniversary|wedding speech|best man|wordpress|install\w*|dentist|doctor|book to read|novel|holiday|vacation|flights?|hotels?|plumbing leak|boiler|iphone|android|phone|mac|pc|computer|password|reset|my (?:new |little |old )?(?:wedding|holiday|birthday|party|trip|diet|kids?|son|daughter|husband|wife|puppy|dog|cat|pet|baby|car|house|flat|garden|sink|toilet)|sink|toilet|drain|unblock|podcasts?|invented|solve|true crime|population of|boil\w*|eggs?|limericks?|haikus?|songs?|learn (?:spanish|french|german|italian|a language|to drive|guitar|piano)|back hurts|headaches?|sore (?:back|throat)|mortgage|renting|buy a house|running shoes?|shoes? for|flat feet|workout|exercise plan|fitness plan|essay|macbeth|for my (?:son|daughter|kids?|mum|mom|dad|wife|husband|partner|friend|boss|teacher)|dragons?|fairy ?tales?|\d+ ?% of \d+|\d+ ?[-+*/x×÷] ?\d+)/g,
      4,
    ),
  ],
};

/** Words that tie a message to a brand and its marketing; they outweigh an off-topic word. */
const BRAND_WORDS =
  /\b(?:brand\w*|customers?|clients?|marketing|market|sales|sell\w*|shop|store|business|logo|tag ?line|slogan|audience|competitors?|website|instagram|products?|launch|campaign|packaging|copy|ads?|pricing|idea|insight|distinctive|empathetic|authentic|diagnostic|canvas|avatar)\b/g;

const GREETING =
  /^(?:hi|hello|hey|hiya|howdy|good (?:morning|afternoon|evening)|thanks|thank you|thx|cheers|ok|okay|help|yes|no)\b/;
/** A bare thank-you or greeting asks for nothing: it continues no request and starts none. */
const ACKNOWLEDGEMENT =
  /^(?:hi|hello|hey|hiya|thanks|thank you|thx|cheers|great|ok|okay|cool|nice|perfect|got it|brilliant|awesome|lovely|yes|no)(?: (?:so much|a lot|there|coach))?[\s.!,]*$/;
/** The business speaking of itself. */
const BUSINESS = /\b(?:we|we're|we've|our|us|ours)\b/;

/**
 * Anything that ties a message to running and marketing a brand, or to this coach. A question with
 * none of it ("how tall is the Eiffel Tower") leans off-topic even when no off-topic word is known.
 */
const ANCHOR =
  /\b(?:brand\w*|rebrand\w*|marketing|market|markets|niche|sales|sell\w*|buy\w*|shop\w*|store|business\w*|compan(?:y|ies)|startup|products?|services?|range|launch\w*|campaigns?|customers?|clients?|buyers?|shoppers?|audience|followers|subscribers|users|visitors|reviews?|reviewers|surveys?|objections?|competit\w*|rivals?|prices?|pricing|budget|basket|word of mouth|website|site|homepage|landing|page|instagram|insta|facebook|tiktok|linkedin|social|posts?|emails?|newsletters?|ads?|logo|colou?rs?|fonts?|packaging|label|tag ?lines?|slogans?|headlines?|hero|bullet\w*|pitch\w*|copy|bio|captions?|descriptions?|names?|story|mission|vision|values|voice|tone|fake|genuine|honest|avatars?|personas?|canvas|diagnostic|report|worksheet|scores?|dimension|idea|insight\w*|distinctive\w*|empath\w*|authentic\w*|positioning|value proposition|value lens|mental availability|triggers?|intent|trust|loyal\w*|conversions?|converting|traffic|engagement|orders?|bookings?|next|now what|what now|priorit\w*|focus|start|begin|plan|steps|actions|first)\b|\b(?:we|we're|we've|our|us|ours)\b/;

/** Ties go to the more specific request. */
const TYPE_PRIORITY: readonly RequestType[] = [
  'write-copy',
  'feedback',
  'compare-competitors',
  'customer-insight',
  'diagnose',
  'explain',
  'next-step',
  'off-topic',
];

interface Scored<T extends string> {
  key: T;
  score: number;
}

function countMatches(pattern: RegExp, text: string): number {
  return pattern.global ? (text.match(pattern)?.length ?? 0) : pattern.test(text) ? 1 : 0;
}

function writeCopyScore(
  prep: Prepared,
  reviewing: boolean,
  signals: string[],
): { score: number; copy?: CopyRequest } {
  const { text } = prep;
  const verb = WRITE_VERB.test(text) && !reviewing;
  const want = WANT_VERB.test(text) && !reviewing;
  const noun = firstCopyNoun(text, verb || want || reviewing);
  let score = 0;
  const add = (label: string, weight: number) => {
    score += weight;
    signals.push(`type:write-copy:${label}`);
  };
  if (noun && reviewing) {
    // Feedback on a piece of copy: the format is worth knowing, the request is not for new copy.
    return { score: 0, copy: { format: noun.format, count: null } };
  }
  if (noun) {
    add(noun.weak ? 'copy-topic' : 'copy-noun', noun.weak ? 1 : 2);
    if (verb) add('write-verb', 3);
    // "Write three taglines from what customers worry about": an order for copy, opening the
    // message; what follows the copy noun is the material to write from, not a second question.
    if (verb && !noun.weak && IMPERATIVE_WRITE.test(text)) add('imperative', 2);
    else if (want) add('want-verb', 2);
    if (/\bwhat (?:should|could|would|might|can) (?:our|my|the) [\w -]{1,30}\bbe\b/.test(text))
      add('what-should-it-be', 3);
    if (
      /\b(?:good|better|new|catchy|short|fresh|punchy|snappy|clever|bold|memorable) (?:[\w-]+ ){0,2}?(?:tag ?lines?|slogans?|headlines?|names?|captions?|bios?|hooks?|subject ?lines?|straplines?)\b|\b(?:tag ?line|slogan|headline|name|caption|bio|hook|subject line) (?:ideas|options|suggestions)\b/.test(
        text,
      )
    )
      add('asks-for-options', 1.5);
  } else if (/\b(?:re-?write|re-?word|rephrase|punch up|polish|tweak)\b/.test(text) && !reviewing) {
    // "Rewrite this to sound less corporate: '…'": rewriting needs no copy noun.
    add('rewrite-verb', 2.5);
  } else if (verb) {
    add('write-verb-alone', 1);
  }
  const count = noun && !noun.weak ? copyCount(text) : noun && (verb || want) ? copyCount(text) : null;
  if (count !== null && count > 1) add('count', 1.5);
  else if (count === 1) add('count', 0.5);
  if (score === 0) return { score };
  return { score, copy: { format: noun?.format ?? 'copy', count } };
}

function scoreTypes(prep: Prepared): {
  ranked: Scored<RequestType>[];
  signals: string[];
  copy?: CopyRequest;
} {
  const { text, sentences } = prep;
  const signals: string[] = [];
  const scores = new Map<RequestType, number>(REQUEST_TYPES.map((type) => [type, 0]));
  const add = (type: RequestType, label: string, weight: number) => {
    scores.set(type, (scores.get(type) ?? 0) + weight);
    signals.push(`type:${type}:${label}`);
  };
  const adviceSentence = sentences.some((sentence) => ADVICE_OPENING.test(sentence));
  const problems = Math.min(3, countMatches(PROBLEM, text));
  for (const type of REQUEST_TYPES) {
    if (type === 'write-copy') continue;
    for (const feature of TYPE_FEATURES[type]) {
      if (type === 'customer-insight' && feature.label !== 'objections' && feature.label !== 'reviews') {
        // Questions about customers asked as advice ("how do I get customers to…") are advice; "why
        // do people buy" is only insight when no problem is named in the same sentence.
        const matching = sentences.filter((sentence) => feature.pattern.test(sentence));
        const usable = matching.filter(
          (sentence) =>
            !ADVICE_OPENING.test(sentence) &&
            !(feature.label === 'why-they-buy' && countMatches(PROBLEM, sentence) > 0),
        );
        if (usable.length > 0) add(type, feature.label, feature.weight);
        continue;
      }
      if (feature.label === 'why' || feature.label === 'why-in-general') {
        const mine = FIRST_PERSON.test(text);
        if (
          (feature.label === 'why') === mine &&
          sentences.some((sentence) => feature.pattern.test(sentence))
        )
          add(type, feature.label, feature.weight);
        continue;
      }
      if (type === 'explain' && (feature.label === 'what-is' || feature.label === 'short-definition')) {
        // "What's the first thing I should fix?" is not a definition: a definitional question is not
        // about the owner.
        const definitional = sentences.some(
          (sentence) =>
            feature.pattern.test(sentence) && !FIRST_PERSON.test(sentence) && !MODAL.test(sentence),
        );
        if (definitional) add(type, feature.label, feature.weight);
        continue;
      }
      // Anchored patterns ("^how do I…") apply to every sentence, not only the first.
      const anchored = /(?:^|[|(:])\^/.test(feature.pattern.source);
      const hits =
        countMatches(feature.pattern, text) ||
        (anchored && sentences.some((sentence) => feature.pattern.test(sentence)) ? 1 : 0);
      if (hits > 0)
        add(type, feature.label, feature.weight * (feature.pattern.global ? Math.min(hits, 2) : 1));
    }
  }
  if (problems > 0) add('diagnose', 'problem-words', 1.5 * problems);
  if (adviceSentence && (scores.get('diagnose') ?? 0) > 0 && problems === 0)
    // "How do I find out why people buy?" asks for a method, not a diagnosis.
    scores.set('diagnose', Math.max(0, (scores.get('diagnose') ?? 0) - 1));
  // An off-topic word in a message about the brand ("a joke for our Instagram post") is not off-topic.
  // "We/our" is the business speaking ("our kids coding club" is a brand), unlike "my".
  const brandWords = countMatches(BRAND_WORDS, text) + (BUSINESS.test(text) ? 1 : 0);
  if (brandWords > 0) scores.set('off-topic', Math.max(0, (scores.get('off-topic') ?? 0) - 2.5 * brandWords));
  if (prep.words >= 3 && !GREETING.test(text) && !ANCHOR.test(text))
    add('off-topic', 'nothing-about-a-brand', 2.5);
  const reviewing = (scores.get('feedback') ?? 0) >= 3.5;
  const writing = writeCopyScore(prep, reviewing, signals);
  scores.set('write-copy', writing.score);
  const ranked = REQUEST_TYPES.map((key) => ({ key, score: scores.get(key) ?? 0 })).sort(
    (a, b) => b.score - a.score || TYPE_PRIORITY.indexOf(a.key) - TYPE_PRIORITY.indexOf(b.key),
  );
  return { ranked, signals, ...(writing.copy ? { copy: writing.copy } : {}) };
}

// ---------------------------------------------------------------------------- dimension features

const DIMENSION_FEATURES: Record<Dimension, readonly Feature[]> = {
  insight: [
    f('named', /\binsights?\b/, 3),
    f('why-they-buy', WHY_BUY, 3),
    f('motivation', /\bmotivat\w*/, 3),
    f(
      'research',
      /\bresearch\w*|\bsurveys?\b|\binterview\w*|\bjobs to be done\b|\bask(?:ing)? (?:our |my )?(?:customers|clients|people|buyers)\b/,
      2.5,
    ),
    f('persona', /\bpersonas?\b|\bavatars?\b/, 1.5),
    f(
      'ideal-customer',
      /\bideal (?:customer|client|buyer)s?\b|\btarget (?:audience|market|customers?)\b/,
      2.5,
    ),
    f('who-buys', WHO_BUYS, 3),
    f('what-makes-them-choose', WHAT_MAKES_CHOOSE, 2.5),
    f(
      'know-customers',
      /\b(?:understand|know|learn about|get to know)(?: (?:my|our|the))? (?:customers?|clients?|audience|buyers?)\b/,
      2.5,
    ),
    f('demographics', /\bdemographic\w*|\bshopper types?\b|\bage group\b/, 2.5),
    f('intent', /\b(?:buyer|search|purchase) intent\b|\bsearch terms?\b|\bkeywords?\b/, 2.5),
    f('triggers', /\b(?:emotional )?triggers?\b/, 1.5),
    f('price-sensitivity', /\bprice[- ]sensitiv\w*|\bquality[- ]driven\b|\bbargain hunters?\b/, 2),
    f(
      'needs',
      new RegExp(
        `\\b${CUSTOMERS} (?:really |actually )?(?:need|needs|want|wants)\\b|\\b(?:customer|their) needs\\b`,
      ),
      1,
    ),
    f('reviews', /\breviews?\b|\bcomplaints?\b|\btestimonials?\b/, 1),
    f('objections', /\bobjections?\b|\bpain ?points?\b/, 1),
    f('data', /\bdata\b|\banalytics\b/, 1),
  ],
  distinctive: [
    f('named', /\bdistinctive\w*|\bdistinctiveness\b/, 4),
    f('mental-availability', /\bmental availability\b|\bsalien\w*/, 4),
    f('forget', /\bforget\w*|\bforgot\w*/, 3),
    f('remember', /\bremember\w*|\bmemorab\w*|\bmemory\b|\brecall\b/, 2.5),
    f('recognise', /\brecogni[sz]\w*/, 3),
    f('look-us-up', /\blook us up\b|\bfind us again\b|\bheard of us\b|\bknows? who we are\b/, 2.5),
    f('stand-out', /\bstand(?:s|ing)? out\b|\bblend(?:s|ing)? in\b|\bset(?:s)? us apart\b|\bapart from\b/, 3),
    f(
      'look-the-same',
      /\blooks? (?:exactly |just )?(?:like|the same as) (?:every|all|everyone)\b|\bevery other\b|\bgeneric\b|\bbland\b/,
      2,
    ),
    f('confused-with', /\bconfus\w* (?:us |them )?with\b|\bmix(?:ed)? us up\b|\bsimilar to\b/, 2.5),
    f(
      'assets',
      /\blogos?\b|\bcolou?rs?\b|\bpalette\b|\bfonts?\b|\btypography\b|\bpackaging\b|\bmascot\b|\bjingle\b|\bvisual identity\b|\b(?:brand )?assets?\b|\bshelf\b/,
      2,
    ),
    f(
      'different',
      /\bdifferen\w*|\bdistinct\b|\bunique\w*|\busp\b|\bedge\b|\bthe only\b|\bsets? (?:\w+ ){0,3}apart\b/,
      2,
    ),
    f('positioning', /\bposition\w*/, 2),
    f('competitors', /\bcompetit\w*|\brivals?\b/, 1),
    f('name', /\b(?:our|my|brand|shop|business|the) name\b/, 1.5),
    f(
      'noticed',
      /\bnotic\w*|\binvisible\b|\bcatch(?:es)? (?:the |their |people's )?eyes?\b|\beye-catching\b|\bstop and look\b|\bwalk (?:past|by)\b|\bgrab (?:\w+ )?attention\b/,
      2,
    ),
    f('consistency', /\bconsisten\w*/, 0.5),
  ],
  empathetic: [
    f('named', /\bempath\w*/, 4),
    f('emotion', /\bemotion\w*/, 2.5),
    f('feel', /\bfeel\w*/, 2),
    f('fear', /\bfear\w*|\bafraid\b|\bscared\b|\bworr\w*|\banxi\w*|\bnervous\b|\bup at night\b/, 3),
    f('loyalty', /\bloyal\w*/, 3),
    f('relationship', /\brelationships?\b|\bconnect\w*|\bbond\w*/, 2.5),
    f(
      'come-back',
      /\bcom(?:e|es|ing) back\b|\bregulars?\b|\brepeat rate\b|\b(?:hear from|see) (?:them|us) again\b|\bnever (?:\w+ )?again\b|\bone-off\b|\bone-time\b|\breturning\b|\brepeat (?:customers?|purchases?|orders?|buyers?|business)\b|\bbuy (?:once|again)\b|\bsecond (?:order|purchase)\b|\bretention\b|\bchurn\w*|\blapsed\b|\bwin (?:them )?back\b|\b(?:haven't|have not|hasn't|not) (?:ordered|bought|booked|visited|been back)\b/,
      2.5,
    ),
    f('understood', /\bunderstood\b|\blisten\w*|\bheard\b/, 2),
    f(
      'warmth',
      /\bwarm\w*|\bcold\b|\bwelcom\w*|\bintimidat\w*|\bhuman\b|\bcaring\b|\bcomfort\w*|\bsmile\w*|\bdelight\w*|\bvalued\b|\blooked after\b|\bimpersonal\b|\bpersonal touch\b/,
      1.5,
    ),
    f('care', /\bcare\b|\bcares\b/, 1),
    f('frustration', /\bfrustrat\w*|\bpain\b/, 1.5),
    f('community', /\bcommunity\b/, 1.5),
  ],
  authentic: [
    f('named', /\bauthentic\w*/, 4),
    f('trust', /\btrust\w*|\bcredib\w*/, 3),
    f('values', /\bvalues\b|\bethic\w*|\bintegrity\b|\bprinciples?\b|\bsustainab\w*|\beco-?friendly\b/, 2.5),
    f('honest', /\bhonest\w*|\btransparen\w*|\bgenuine\w*/, 2.5),
    f('story', /\bstor(?:y|ies|ytelling)\b|\borigins?\b|\bfounder\w*/, 2),
    f('believe', /\bbeliev\w*|\bclaims?\b|\bfake\b|\bmade up\b|\bgreenwash\w*/, 2),
    f('mission', /\bmission\b|\bpurpose\b|\bpromise\w*/, 2),
    f('brand-promise', /\bbrand promise\b/, 2),
    f('voice', /\bvoice\b|\btone\b|\bsounds? (?:more )?like us\b|\blike us and\b/, 1.5),
    f(
      'started',
      /\bstarted\b|\bmeet the (?:maker|makers|team|founders?)\b|\bby hand\b|\bfounded\b|\bbehind the scenes\b|\bfaceless\b|\bfamily[- ]run\b|\bfranchise\b|\bindependent\b/,
      1.5,
    ),
    f('corporate', /\bcorporate\b|\bpreachy\b|\bsalesy\b/, 1),
    f('about-us', /\babout(?: us)? (?:page|section)\b|\babout us\b/, 1),
  ],
};

/** Conversational phrases that carry a dimension word without meaning it. */
const FILLER =
  /\b(?:be honest|honestly|to be honest|tbh|honest (?:opinion|feedback|thoughts|answer)|i feel like|i feel that|i feel as if|feel free)\b/g;

/** What each request type says about the dimension when the message does not. */
const TYPE_DIMENSION: Partial<Record<RequestType, Dimension>> = {
  'customer-insight': 'insight',
  'compare-competitors': 'distinctive',
};

/** Requests whose answer is advice for the brand: they fall back to the brand's data. */
const ADVISORY: ReadonlySet<RequestType> = new Set(['diagnose', 'next-step', 'feedback']);

/** Below this, what the message says about a dimension is weak evidence. */
const STRONG = 1.5;

function scoreDimensions(text: string, signals: string[]): Scored<Dimension>[] {
  const clean = text.replace(FILLER, ' ');
  const scores = new Map<Dimension, number>(DIMENSIONS.map((dimension) => [dimension, 0]));
  for (const dimension of DIMENSIONS) {
    for (const feature of DIMENSION_FEATURES[dimension]) {
      if (feature.label === 'needs' && /\bvalue prop/.test(clean)) continue;
      if (feature.pattern.test(clean)) {
        scores.set(dimension, (scores.get(dimension) ?? 0) + feature.weight);
        signals.push(`dimension:${dimension}:${feature.label}`);
      }
    }
  }
  return DIMENSIONS.map((key) => ({ key, score: scores.get(key) ?? 0 })).sort((a, b) => b.score - a.score);
}

// ------------------------------------------------------------------------------------- follow-ups

const FOLLOW_UP_OPENING =
  /^(?:and|but|so|ok|okay|also|then|great|thanks|thank you|cool|nice|right|hmm|what about|how about|same|another|more|now)\b/;
const ANAPHORA = /\b(?:that|this|it|those|these|them|they|one|ones|more|another|again|instead|else)\b/;
/** Asking for more of the same copy ("two more", "shorter", "less formal"). */
const MORE_COPY =
  /\b(?:more|another|others|again|shorter|longer|punchier|snappier|different ones?|other options|alternatives?|variations?|versions?|less \w+|more \w+|warmer|funnier|simpler)\b/;

/** A question asking how or why, not a request to change what was written. */
const ADVICE_QUESTION =
  /^(?:and |but |so |ok(?:ay)?,? )?(?:how|why|what|when|where|which|who|should|is|are|do|does)\b/;
/** Words that point back at the copy just written. */
const COPY_REFERENCE = /\b(?:them|those|these|it|one|ones|the (?:first|second|third|last)|option|options)\b/;

function isFollowUp(prep: Prepared): boolean {
  if (prep.words === 0) return false;
  if (FOLLOW_UP_OPENING.test(prep.text)) return true;
  return prep.words <= 4 || (prep.words <= 12 && ANAPHORA.test(prep.text));
}

// ----------------------------------------------------------------------------------- classifying

function round(value: number): number {
  return Math.round(Math.max(0, Math.min(1, value)) * 100) / 100;
}

/** Grows with the winning score and its lead; 0.2 when nothing spoke for any type. */
function typeConfidence(ranked: Scored<string>[]): number {
  const top = ranked[0]?.score ?? 0;
  const second = ranked[1]?.score ?? 0;
  if (top <= 0) return 0.2;
  return round((0.4 * Math.min(top, 6)) / 6 + 0.6 * ((top - second) / top));
}

function weakestDimension(brand: BrandSignals | undefined, among?: readonly Dimension[]): Dimension | null {
  if (!brand?.diagnostic) return null;
  const ranked = dimensionsByWeakness(brand.diagnostic).map((entry) => entry.dimension);
  return ranked.find((dimension) => !among || among.includes(dimension)) ?? null;
}

function emptyWorksheet(brand: BrandSignals | undefined): Dimension | null {
  if (!brand?.worksheets) return null;
  const worksheets = brand.worksheets;
  return DIMENSIONS.find((dimension) => worksheets[dimension] !== true) ?? null;
}

interface Decided {
  dimension: Dimension | null;
  evidence: DimensionEvidence;
  confidence: number;
}

function decideDimension(
  ranked: Scored<Dimension>[],
  type: RequestType,
  previous: RequestClassification | null,
  followUp: boolean,
  brand: BrandSignals | undefined,
): Decided {
  if (type === 'off-topic') return { dimension: null, evidence: 'none', confidence: 0 };
  const top = ranked[0] ?? { key: 'insight', score: 0 };
  const second = ranked[1]?.score ?? 0;
  if (top.score >= STRONG) {
    if (top.score === second) {
      // A true tie: the brand's data decides between the tied dimensions, when there is any.
      const tied = ranked.filter((entry) => entry.score === top.score).map((entry) => entry.key);
      const weakest = weakestDimension(brand, tied);
      if (weakest) return { dimension: weakest, evidence: 'message', confidence: 0.4 };
    }
    return {
      dimension: top.key,
      evidence: 'message',
      confidence: round(0.5 + 0.5 * Math.min(1, (top.score - second) / top.score + (top.score - STRONG) / 6)),
    };
  }
  if (followUp && previous?.dimension)
    return {
      dimension: previous.dimension,
      evidence: 'conversation',
      confidence: round(Math.min(0.7, previous.dimensionConfidence)),
    };
  const implied = TYPE_DIMENSION[type];
  if (implied) return { dimension: implied, evidence: 'request-type', confidence: 0.5 };
  if (ADVISORY.has(type)) {
    const weakest = weakestDimension(brand);
    if (weakest) return { dimension: weakest, evidence: 'weakest-dimension', confidence: 0.3 };
    const empty = type === 'next-step' ? emptyWorksheet(brand) : null;
    if (empty) return { dimension: empty, evidence: 'empty-worksheet', confidence: 0.25 };
  }
  if (top.score > 0 && top.score > second)
    return { dimension: top.key, evidence: 'weak-message', confidence: 0.2 };
  return { dimension: null, evidence: 'none', confidence: 0 };
}

/**
 * When nothing in the message names a request: a greeting or anything about "us" or the brand gets
 * the coach's where-to-start answer; a question about nothing of the brand's is off-topic.
 */
function defaultType(prep: Prepared): RequestType {
  const aboutTheBrand =
    prep.words === 0 ||
    GREETING.test(prep.text) ||
    BUSINESS.test(prep.text) ||
    countMatches(BRAND_WORDS, prep.text) > 0;
  return aboutTheBrand ? 'next-step' : 'off-topic';
}

/**
 * How much the word model counts next to the rules: its probability (0–1) times this, so a sure
 * model weighs about as much as one clear phrase and tips close calls, and a clear rule match wins.
 */
const MODEL_WEIGHT = 4;
/** With no rule evidence, the word model decides only when it is at least this sure. */
const MODEL_ALONE = 0.5;

let builtInModel: RequestModel | null = null;

/** The word model of the labelled set, trained on first use. */
function defaultModel(): RequestModel {
  builtInModel ??= trainRequestModel(INTENT_SET);
  return builtInModel;
}

/** The rules' scores plus the word model's vote, best first. */
function combine(
  ranked: Scored<RequestType>[],
  posterior: ReadonlyMap<RequestType, number>,
): Scored<RequestType>[] {
  return ranked
    .map(({ key, score }) => ({ key, score: score + MODEL_WEIGHT * (posterior.get(key) ?? 0) }))
    .sort((a, b) => b.score - a.score || TYPE_PRIORITY.indexOf(a.key) - TYPE_PRIORITY.indexOf(b.key));
}

function classifyOne(
  message: string,
  previous: RequestClassification | null,
  options: ClassifyOptions,
): RequestClassification {
  const { brand } = options;
  const prep = prepare(message);
  const language = detectLanguage(message);
  const { ranked, signals, copy } = scoreTypes(prep);
  const followUp = previous !== null && isFollowUp(prep);
  const acknowledgement = ACKNOWLEDGEMENT.test(prep.text) || prep.words === 0;
  const topScore = acknowledgement ? 0 : (ranked[0]?.score ?? 0);
  const posterior = posteriorOf(options.model ?? defaultModel(), message);
  const combined = combine(ranked, posterior);
  const modelTop = [...posterior.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['next-step', 0];
  signals.push(`type:${modelTop[0]}:word-model`);
  let type: RequestType;
  let typeEvidence: TypeEvidence;
  let confidence: number;
  if (topScore > 0) {
    type = combined[0]?.key ?? 'next-step';
    typeEvidence = 'message';
    confidence = typeConfidence(combined);
  } else if (modelTop[1] >= MODEL_ALONE && !acknowledgement) {
    type = modelTop[0];
    typeEvidence = 'word-model';
    // Resemblance alone is weaker evidence than a phrase the rules know.
    confidence = round(0.6 * modelTop[1]);
  } else {
    type = defaultType(prep);
    typeEvidence = 'default';
    confidence = 0.2;
  }
  let copyRequest: CopyRequest | undefined;
  if (type === 'write-copy')
    copyRequest = copy ?? {
      format: firstCopyNoun(prep.text, true)?.format ?? 'copy',
      count: copyCount(prep.text),
    };
  // Feedback is on one piece the owner already has: the format matters, a count does not.
  if (copy && type === 'feedback') copyRequest = { format: copy.format, count: null };
  if (followUp && previous && !acknowledgement) {
    // "How can we be more consistent?" after taglines asks for advice, not for more taglines; "can
    // you make them more consistent?" refers back to the copy.
    const asksAdvice = ADVICE_QUESTION.test(prep.text) && !COPY_REFERENCE.test(prep.text);
    const moreCopy =
      previous.type === 'write-copy' && MORE_COPY.test(prep.text) && type !== 'feedback' && !asksAdvice;
    if (moreCopy || topScore < STRONG) {
      type = previous.type;
      typeEvidence = 'conversation';
      confidence = round(Math.max(0.5, previous.confidence * 0.8));
      if (type === 'write-copy' && previous.copy) {
        // "Two more, shorter": the format carries over unless a new one is named; so does the count.
        const format = copy && copy.format !== 'copy' ? copy.format : previous.copy.format;
        copyRequest = { format, count: copyCount(prep.text) ?? previous.copy.count };
      } else {
        copyRequest = previous.copy;
      }
    }
  }
  const dimensions = scoreDimensions(prep.text, signals);
  const decided = decideDimension(dimensions, type, previous, followUp, brand);
  return {
    type,
    dimension: decided.dimension,
    confidence,
    dimensionConfidence: decided.confidence,
    evidence: decided.evidence,
    typeEvidence,
    followUp,
    ...(copyRequest ? { copy: copyRequest } : {}),
    language,
    signals,
  };
}

/**
 * Classifies a chat message: its request type, IDEA dimension, copy format and count, and language.
 * `history` is the conversation so far (oldest first); the last few user turns are read, in order,
 * so a follow-up inherits what it refers to. `brand` breaks ties and fills in a dimension on weak
 * evidence; `evidence` says when it did.
 */
export function classifyRequest(message: string, options: ClassifyOptions = {}): RequestClassification {
  const userTurns = (options.history ?? [])
    .filter((turn) => turn.role === 'user' && turn.content.trim() !== '')
    .slice(-HISTORY_TURNS);
  let previous: RequestClassification | null = null;
  for (const turn of userTurns) previous = classifyOne(turn.content, previous, options);
  return classifyOne(message, previous, options);
}
