/**
 * When a chat message states a fact about the owner's brand or customers plainly ("our customers are
 * mostly nurses", "we only sell online"), the coach offers to remember it; the owner confirms, and
 * only then is it stored (brand memory). This finds that fact.
 *
 * Deliberately conservative: an offer the owner has to dismiss costs more than a missed one, so a
 * sentence qualifies only when it opens with the brand speaking about itself ("we …", "our …", "most
 * of our …", "I run …") in a plain statement — no question, request, wish, plan, guess or condition,
 * nothing addressed to the coach, nothing about today only. English only: other languages get no
 * offer. Pure: no I/O.
 */
import { normaliseFact } from '../brand-memory/limits.ts';

export interface RememberSuggestion {
  /** The fact as the owner wrote it, one sentence, capitalised and ending with a full stop. */
  text: string;
}

/** Longer messages are pasted material (copy, reviews), where "we …" is not the owner telling us. */
const MESSAGE_MAX_CHARS = 400;
const SENTENCE_MIN_CHARS = 12;
const SENTENCE_MAX_CHARS = 240;

/** Lead-ins that introduce a fact, removed before the sentence is read ("Just so you know, we …"). */
const LEAD_IN =
  /^(?:(?:please\s+)?(?:remember|note|keep in mind|bear in mind)(?:\s+that)?[:,]?|for (?:the record|context|reference|your information)[:,]?|context:|fyi[:,]?|just so you know[:,]?|(?:a )?quick (?:fact|note)[:,]?|actually[:,]?|also[:,]?|so[:,]?|oh,?|btw[:,]?|by the way[:,]?)\s+/i;

/** What the brand says about itself. */
const NOUNS =
  'customers?|clients?|buyers?|shoppers?|audience|users?|fans|followers|readers|members|patients|guests|students|subscribers|community|brand|business|company|shop|store|studio|products?|range|collection|prices?|pricing|best[- ]?sellers?|packaging|team|founders?|margins?|sales|orders|stock|suppliers?|factory|workshop|ingredients|materials|mission|story|values|market|niche|website|site|newsletter|list|reviews|repeat customers|typical customer|average order';
const VERBS =
  "are|is|'re|'s|were|was|have|has|had|come|comes|buy|buys|bought|live|lives|work|works|use|uses|tend|tends|love|loves|prefer|prefers|sell|sells|ship|ships|cost|costs|start|starts|include|includes|make|makes|run|runs|range|ranges|average|averages|skew|skews|mostly|mainly|usually|often|always|never|only|all|rarely";

const SUBJECT_PATTERNS: readonly RegExp[] = [
  // "Our customers are mostly nurses", "My best seller is the lavender candle".
  new RegExp(
    `^(?:our|my)\\s+(?:[\\p{L}-]+\\s+){0,2}(?:${NOUNS})\\s+(?:[\\p{L}-]+\\s+)?(?:${VERBS})\\b`,
    'iu',
  ),
  // "Most of our buyers …", "70% of our orders …", "All our products …".
  new RegExp(
    `^(?:(?:most|all|almost all|nearly all|half|many|a lot|the majority|a third|two thirds|\\d{1,3}\\s?%)\\s+(?:of\\s+)?our)\\s+(?:[\\p{L}-]+\\s+){0,2}(?:${NOUNS})\\b`,
    'iu',
  ),
  // "We only sell online", "We're a family business", "We ship from Leeds".
  /^we(?:'re|\s+are|\s+were|\s+only|\s+mostly|\s+mainly|\s+always|\s+never|\s+don't|\s+do not|\s+sell|\s+make|\s+ship|\s+have|\s+use|\s+offer|\s+work|\s+started|\s+launched|\s+founded|\s+employ|\s+source|\s+deliver|\s+produce|\s+manufacture|\s+run|\s+operate|\s+serve|\s+charge|\s+design|\s+grow|\s+roast|\s+brew|\s+bake|\s+pour|\s+print|\s+sew|\s+hand-?make|\s+donate|\s+give|\s+partner|\s+target|\s+specialise|\s+specialize|\s+focus|\s+stock|\s+import|\s+export|\s+trade|\s+own|\s+rent|\s+opened|\s+moved|\s+closed|\s+got)\b/i,
  // "I run the shop on my own", "I'm the founder and only employee".
  /^i(?:'m|\s+am)\s+(?:the\s+)?(?:sole\s+|only\s+)?(?:founder|owner|maker|designer|co-?founder)\b|^i\s+(?:run|own|founded|started|make|sell|ship|design|handmake|hand-make)\b/i,
];

/** Anything that makes the sentence not a settled fact, or not a statement at all. */
const DISQUALIFIERS: readonly RegExp[] = [
  // Guesses, wishes, plans, conditions and obligations.
  /\b(?:maybe|perhaps|probably|possibly|hopefully|might|may be|i think|i guess|i believe|i feel|i suppose|not sure|unsure|no idea|don't know|do not know|if|unless|whether|should|could|would|must|need|needs|want|wants|wish|hope|hoping|plan|plans|planning|trying|try to|going to|gonna|considering|thinking of|thinking about|someday|one day|have to|has to|ought)\b/i,
  /\bwe'd\b|\bwe'll\b|\bwe will\b/i,
  // Problems and feelings are worth discussing, not worth storing as brand facts.
  /\b(?:struggl\w*|worr\w*|confus\w*|stuck|afraid|scared|frustrat\w*)\b/i,
  // Addressed to the coach, or about the conversation itself.
  /\b(?:you|your|yours|coach|this chat|above|below)\b/i,
  // True today only.
  /\b(?:today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening|week|month)|last (?:night|week)|right now|at the moment)\b/i,
  // Quoted material (a headline to review), links and code are not the owner speaking.
  /["“”«»`]|https?:\/\/|www\./i,
];

/** The sentences of a message as positions, each with what ended it (`?` marks a question). */
function sentencesOf(message: string): { start: number; end: number; terminator: string }[] {
  const found: { start: number; end: number; terminator: string }[] = [];
  for (const match of message.matchAll(/([^.!?\n]+)([.!?]+|\n|$)/g)) {
    const body = match[1] ?? '';
    const leading = body.length - body.trimStart().length;
    const text = body.trim();
    if (!text) continue;
    const start = match.index + leading;
    found.push({ start, end: start + text.length, terminator: (match[2] ?? '').trim() });
  }
  return found;
}

function asFact(sentence: string): string {
  const text = normaliseFact(sentence).replace(/[,;:–—-]+$/, '');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/**
 * The fact a message states about the brand, or null when it states none plainly. At most one: the
 * first sentence that qualifies, in the owner's own characters (curly apostrophes kept).
 */
export function rememberSuggestion(message: string): RememberSuggestion | null {
  const original = message.trim();
  if (!original || original.length > MESSAGE_MAX_CHARS) return null;
  // Read with straight apostrophes (one character for one, so positions still match the original).
  const flat = original.replace(/[’‘]/g, "'");
  for (const sentence of sentencesOf(flat)) {
    if (sentence.terminator.includes('?')) continue;
    let start = sentence.start;
    for (;;) {
      const leadIn = LEAD_IN.exec(flat.slice(start, sentence.end));
      if (!leadIn) break;
      start += leadIn[0].length;
    }
    const text = flat.slice(start, sentence.end);
    if (text.length < SENTENCE_MIN_CHARS || text.length > SENTENCE_MAX_CHARS) continue;
    if (!SUBJECT_PATTERNS.some((pattern) => pattern.test(text))) continue;
    if (DISQUALIFIERS.some((pattern) => pattern.test(text))) continue;
    return { text: asFact(original.slice(start, sentence.end)) };
  }
  return null;
}
