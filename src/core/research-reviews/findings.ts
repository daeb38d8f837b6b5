/**
 * Findings of a review run put in the words of an avatar's fears and desires: a theme customers
 * complain about becomes what the avatar fears, one they praise what the avatar wants. The owner
 * sees the proposal and may edit it before it is saved. Pure; no zod.
 */
import { TAG_MAX_LENGTH } from '../workspace/limits.ts';

/** What a customer fears and wants, per known theme (`themes.ts` in the review engine). */
const THEME_WORDS: Record<string, { fear: string; desire: string }> = {
  price: { fear: 'Paying too much for what arrives', desire: 'Real value for the money' },
  packaging: { fear: 'Orders arriving damaged or badly packed', desire: 'Packaging that arrives intact' },
  delivery: { fear: 'Slow or unreliable delivery', desire: 'Fast, dependable delivery' },
  quality: { fear: 'Products that break or wear out quickly', desire: 'Quality that lasts' },
  'customer-service': { fear: 'Being ignored when something goes wrong', desire: 'Helpful, quick support' },
  size: { fear: 'Sizes that are not as described', desire: 'A size that fits as described' },
  scent: { fear: 'A scent that is weak or smells fake', desire: 'A scent they can really smell' },
  burn: { fear: 'An uneven or short burn', desire: 'A clean, even, long burn' },
  taste: { fear: 'A taste that is refused or disliked', desire: 'A taste that is loved' },
  health: { fear: 'Headaches, reactions or upset stomachs', desire: 'Something safe and gentle' },
  'ease-of-use': { fear: 'Something fiddly and hard to use', desire: 'Something easy to use' },
  reliability: { fear: 'Something that stops working', desire: 'Something that just works' },
  features: { fear: 'Missing what they need', desire: 'Features that do the job' },
  comfort: { fear: 'Discomfort after a short while', desire: 'All-day comfort' },
  appearance: { fear: 'Looking worse in person than online', desire: 'Looking as good as promised' },
};

function clip(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit);
  const space = cut.lastIndexOf(' ');
  return (space > limit / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:-]+$/, '');
}

/** The fear (from a con) or desire (from a pro) a theme stands for, within an avatar tag's length. */
export function findingTag(kind: 'con' | 'pro', theme: { key: string; label: string }): string {
  const known = THEME_WORDS[theme.key];
  const text = known
    ? kind === 'con'
      ? known.fear
      : known.desire
    : kind === 'con'
      ? `Problems with the ${theme.label.toLowerCase()}`
      : `A ${theme.label.toLowerCase()} that delights`;
  return clip(text, TAG_MAX_LENGTH);
}

/** A canvas field's text with a customer finding added on a line of its own, within `limit`. */
export function canvasWithFinding(
  current: string,
  kind: 'con' | 'pro',
  theme: { label: string },
  quote: string,
  limit: number,
): string {
  const lead = `${kind === 'pro' ? 'Customers praise' : 'Customers complain about'} ${theme.label.toLowerCase()}: `;
  const base = current.trimEnd();
  // The line keeps its closing quote mark: a long quote is cut at a word and marked with an ellipsis.
  const room = limit - (base ? base.length + 1 : 0) - lead.length - 2;
  if (room < 20) return base;
  const said = quote.length <= room ? quote : `${clip(quote, room - 1)}…`;
  const line = `${lead}“${said}”`;
  return base ? `${base}\n${line}` : line;
}
