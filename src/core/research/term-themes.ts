/**
 * Groups search terms by theme: the head noun each term is about, reduced to its lemma ("linen
 * shirts for men" → "shirt"; "uniqlo linen shirt" → "shirt"; "how to wash linen" → "linen").
 * Deliberately simple and deterministic — the same terms always give the same groups:
 * - words that only carry intent ("best", "buy", "how to", "near me"), stop words, numbers and the
 *   brand names found in the term are set aside;
 * - the phrase is cut where a preposition starts its complement ("… for men", "… near me"); of the
 *   sides of a comparison ("linen vs cotton shirts") the longer one is kept;
 * - the head is the last word left, singularised.
 * A term left with no word at all (only a brand name) is grouped under that brand. Pure.
 */
import { type BrandMatch, normaliseForMatch } from './brand-names.ts';

/** Words that say what the searcher wants to do, not what the term is about. */
const INTENT_WORDS = new Set(
  (
    'buy order purchase price prices pricing cost costs cheap cheaper cheapest affordable discount discounts coupon ' +
    'coupons voucher vouchers promo code codes deal deals sale sales clearance shipping delivery near me online ' +
    'shop shops store stores stock subscribe subscription wholesale bulk hire quote best top vs versus compare ' +
    'comparison review reviews rated recommended alternative alternatives worth pros cons which like brands brand ' +
    'competitors how what why when who where whose guide tutorial tips ideas idea meaning definition examples ' +
    'benefits learn does do did can could should would will is are was were be been ways way diy history ' +
    'login log sign website site official contact customer service phone number opening hours locator track ' +
    'status app account address careers free next day uk us usa eu new good great nice cheap really ' +
    'difference between made'
  ).split(' '),
);

const STOP_WORDS = new Set(
  (
    'a an the of and & to in on at by from with without for near under over into about than then my your our ' +
    'their his her its me i you we they it this that these those there here some any all one ones much many ' +
    'more most less very so too not no yes if or get got make makes making use using used need needs'
  ).split(' '),
);

/** Where a noun phrase's complement starts: the head is before it. */
const PHRASE_BREAKS = new Set(
  'for with without in on at near under over from to into about by than like'.split(' '),
);

/** The two sides of a comparison. */
const COMPARISON_BREAKS = new Set(['vs', 'versus', 'or', 'v']);

const IRREGULAR: Record<string, string> = {
  men: 'man',
  women: 'woman',
  children: 'child',
  feet: 'foot',
  teeth: 'tooth',
  mice: 'mouse',
  geese: 'goose',
  people: 'person',
  knives: 'knife',
  wives: 'wife',
  lives: 'life',
  leaves: 'leaf',
  shelves: 'shelf',
  wolves: 'wolf',
  halves: 'half',
  loaves: 'loaf',
  scarves: 'scarf',
};

/** Words ending in "s" that are not plurals. */
const NOT_PLURAL = new Set(
  'glass gas bus lens dress cross moss boss mattress canvas atlas chaos news series species jeans trousers shorts pants leggings tights scissors glasses sunglasses clothes'.split(
    ' ',
  ),
);

/**
 * An English noun's singular, by the common rules: enough to put "shirts" with "shirt", "candles"
 * with "candle", "boxes" with "box", "berries" with "berry" and "men's" with "man".
 */
export function lemma(word: string): string {
  const lower = word.toLowerCase().replace(/['’]s$|s['’]$/u, (ending) => (ending.startsWith('s') ? 's' : ''));
  if (IRREGULAR[lower]) return IRREGULAR[lower];
  if (lower.length <= 3 || NOT_PLURAL.has(lower) || /(?:ss|us|is|ous)$/.test(lower)) return lower;
  if (/[^aeiou]ies$/.test(lower)) return `${lower.slice(0, -3)}y`;
  if (/(?:ches|shes|xes|zes|sses)$/.test(lower)) return lower.slice(0, -2);
  if (/oes$/.test(lower) && !/(?:shoes|toes|hoes)$/.test(lower)) return lower.slice(0, -2);
  if (lower.endsWith('s')) return lower.slice(0, -1);
  return lower;
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’&][\p{L}\p{N}]+)*/gu) ?? [];
}

function isContent(word: string): boolean {
  return !INTENT_WORDS.has(word) && !STOP_WORDS.has(word) && !/^\d+$/.test(word) && word.length > 1;
}

/** The term, lower-cased, without the brand names found in it (what the term is about). */
export function withoutBrands(term: string, brands: readonly BrandMatch[]): string {
  let text = normaliseForMatch(term);
  for (const brand of [...brands].sort((a, b) => b.start - a.start)) {
    text = `${text.slice(0, brand.start)} ${text.slice(brand.end)}`;
  }
  return text.replace(/\s+/g, ' ').trim();
}

export interface TermTheme {
  /** Stable key of the group: the head lemma, or `brand:<name>` for a term that is only a brand. */
  key: string;
  /** The head lemma (or the brand's name). */
  head: string;
  /** The term's content words as lemmas, used to place terms that share no head. */
  lemmas: string[];
}

/**
 * The theme of one term. `brands` are the names found in it (positions in the lower-cased,
 * space-collapsed term, as `BrandMatcher.findAll` gives them); they are not what the term is about.
 */
export function termTheme(term: string, brands: readonly BrandMatch[] = []): TermTheme {
  const all = words(withoutBrands(term, brands));
  const lemmas = [...new Set(all.filter(isContent).map(lemma))];

  // The sides of a comparison; the longer one (in content words) is what is compared.
  const sides: string[][] = [[]];
  for (const word of all) {
    if (COMPARISON_BREAKS.has(word)) sides.push([]);
    else sides.at(-1)?.push(word);
  }
  const side = sides.reduce((best, list) =>
    list.filter(isContent).length > best.filter(isContent).length ? list : best,
  );

  // Cut at the first preposition that follows a content word: "shirts for men" → "shirts".
  const phrase: string[] = [];
  for (const word of side) {
    if (PHRASE_BREAKS.has(word) && phrase.some(isContent)) break;
    phrase.push(word);
  }
  const head = [...phrase].reverse().find(isContent) ?? [...side].reverse().find(isContent);
  if (head) return { key: lemma(head), head: lemma(head), lemmas };
  const brand = brands[0];
  if (brand) return { key: `brand:${brand.name.toLowerCase()}`, head: brand.name, lemmas };
  return { key: 'other', head: 'other', lemmas };
}

export interface ThemedItem {
  theme: TermTheme;
}

/**
 * Puts items into groups by their theme's key. An item alone in its group joins the biggest group
 * whose head is another of its words ("linen care", alone under "care", joins "linen" when there is
 * a "linen" group). Groups come back biggest first, then by key.
 */
export function groupByTheme<T extends ThemedItem>(
  items: readonly T[],
): { key: string; head: string; items: T[] }[] {
  const groups = new Map<string, { key: string; head: string; items: T[] }>();
  for (const item of items) {
    const { key, head } = item.theme;
    const group = groups.get(key) ?? { key, head, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  for (const group of [...groups.values()]) {
    // Skip groups already merged away, and groups that are not alone (any more).
    if (groups.get(group.key) !== group || group.items.length !== 1) continue;
    const [item] = group.items;
    if (!item) continue;
    const home = item.theme.lemmas
      .map((word) => groups.get(word))
      .filter(
        (other): other is { key: string; head: string; items: T[] } => other !== undefined && other !== group,
      )
      .sort((a, b) => b.items.length - a.items.length || a.key.localeCompare(b.key))[0];
    if (!home) continue;
    home.items.push(item);
    groups.delete(group.key);
  }
  return [...groups.values()].sort((a, b) => b.items.length - a.items.length || a.key.localeCompare(b.key));
}

/**
 * A readable name for a group: the two-word phrase ending in the head that most of its terms (two or
 * more) share ("linen shirt"), else the head alone. `terms` are the terms without their brand names.
 */
export function themeLabel(group: { key: string; head: string }, terms: readonly string[]): string {
  const { head } = group;
  if (group.key.startsWith('brand:') || group.key === 'other') return head;
  const counts = new Map<string, number>();
  for (const term of terms) {
    const list = words(term).map(lemma);
    const seen = new Set<string>();
    for (let index = 1; index < list.length; index += 1) {
      const before = list[index - 1];
      if (list[index] !== head || !before || !isContent(before)) continue;
      const pair = `${before} ${head}`;
      if (seen.has(pair)) continue;
      seen.add(pair);
      counts.set(pair, (counts.get(pair) ?? 0) + 1);
    }
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  // Shared by at least two terms and by most of them: one term's phrase may be a verb and its object.
  return best && best[1] >= 2 && best[1] * 2 > terms.length ? best[0] : head;
}
