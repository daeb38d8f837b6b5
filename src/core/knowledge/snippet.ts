/**
 * Snippets of search hits: alternating plain and matched parts. Full-text hits get theirs from
 * PostgreSQL's `ts_headline`; a passage found only by meaning (vector search) has no matched words,
 * so it shows its opening words as they are.
 */

export interface SnippetPart {
  text: string;
  match: boolean;
}

/** As many words as a full-text snippet shows (ts_headline's MaxWords). */
export const SNIPPET_MAX_WORDS = 28;

/** The passage's first `maxWords` words, whitespace collapsed, with an ellipsis when cut. */
export function plainSnippet(text: string, maxWords = SNIPPET_MAX_WORDS): SnippetPart[] {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const shown = words.slice(0, maxWords).join(' ');
  return [{ text: words.length > maxWords ? `${shown} …` : shown, match: false }];
}

function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/**
 * A full-text snippet shows where it sits in its passage: "… " in front when the passage goes on
 * before it, " …" after when it goes on after (ts_headline marks only the gap between fragments).
 */
export function withEdgeEllipses(parts: readonly SnippetPart[], passage: string): SnippetPart[] {
  const shown = wordsOf(parts.map((part) => part.text).join(''));
  const all = wordsOf(passage);
  if (shown.length === 0 || all.length === 0) return [...parts];
  const startsAtStart = shown[0] === all[0];
  const endsAtEnd = shown.at(-1) === all.at(-1);
  const edged = [...parts];
  if (!startsAtStart) edged.unshift({ text: '… ', match: false });
  if (!endsAtEnd) edged.push({ text: ' …', match: false });
  return edged;
}
