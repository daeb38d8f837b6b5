/**
 * Brand names in search terms. A term that names a brand is someone looking for that brand: the
 * owner's own names and the competitors they list, and — without any list — the best-known
 * retailers and marketplaces. Names match as whole words, ignoring case ("Uniqlo" matches "uniqlo
 * linen shirt" and "uniqlo's", not "uniqloish"). Pure; no zod.
 */

export type BrandNameKind = 'own' | 'competitor' | 'retailer';

export interface BrandNames {
  own: readonly string[];
  competitors: readonly string[];
}

export interface BrandMatch {
  /** The name as the owner wrote it (or the retailer's usual spelling). */
  name: string;
  kind: BrandNameKind;
  /** Where the name is in the lower-cased, space-collapsed term. */
  start: number;
  end: number;
}

/**
 * Retailers and marketplaces recognised without a list. Only names that are not also everyday words:
 * "Target", "Next", "Boots", "Gap" and "Very" are left out, because "target audience" or "rain
 * boots" would read as navigational. An owner who competes with them adds them to the list.
 */
export const KNOWN_RETAILERS: readonly string[] = [
  'Amazon',
  'eBay',
  'Etsy',
  'Walmart',
  'AliExpress',
  'Alibaba',
  'Temu',
  'Shein',
  'Zalando',
  'ASOS',
  'Wayfair',
  'IKEA',
  'Costco',
  'Sephora',
  'Ulta',
  'Argos',
  'Tesco',
  'Sainsbury’s',
  'John Lewis',
  'Marks and Spencer',
  'M&S',
  'H&M',
  'Zara',
  'Uniqlo',
  'Primark',
  'Home Depot',
  'Lowe’s',
  'Kohl’s',
  'Macy’s',
  'Nordstrom',
  'Best Buy',
  'Currys',
  'Lidl',
  'Aldi',
  'Carrefour',
  'Otto',
  'Bol.com',
  'Rakuten',
  'Mercado Libre',
  'Flipkart',
];

/** Lower case, curly apostrophes straight, runs of spaces as one: how terms and names are compared. */
export function normaliseForMatch(text: string): string {
  return text.toLowerCase().replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A name's pattern: whole word at both ends, any run of spaces inside, an optional apostrophe. */
function namePattern(name: string): RegExp {
  const body = escapeRegExp(normaliseForMatch(name))
    .replace(/ /g, '\\s+')
    // "Sainsbury's" also matches "sainsburys" and "sainsbury"; "Lowe's" matches "lowes".
    .replace(/'/g, "'?");
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'iu');
}

interface CompiledName {
  name: string;
  kind: BrandNameKind;
  pattern: RegExp;
}

/** Matching ready for many terms: compile the names once, then `find` per term. */
export function createBrandMatcher(names: BrandNames = { own: [], competitors: [] }) {
  const compiled: CompiledName[] = [];
  const seen = new Set<string>();
  const add = (name: string, kind: BrandNameKind) => {
    const key = normaliseForMatch(name).replace(/'/g, '');
    if (key.length === 0 || seen.has(key)) return;
    seen.add(key);
    compiled.push({ name: name.trim(), kind, pattern: namePattern(name) });
  };
  // The owner's lists come first: a retailer the owner lists as a competitor is a competitor.
  for (const name of names.own) add(name, 'own');
  for (const name of names.competitors) add(name, 'competitor');
  for (const name of KNOWN_RETAILERS) add(name, 'retailer');

  return {
    /** Every name in the term, in the order they appear; a longer name wins over one inside it. */
    findAll(term: string): BrandMatch[] {
      const text = normaliseForMatch(term);
      const found: BrandMatch[] = [];
      for (const candidate of compiled) {
        const match = candidate.pattern.exec(text);
        if (!match) continue;
        const start = match.index;
        const end = start + match[0].length;
        if (found.some((other) => start < other.end && other.start < end)) continue;
        found.push({ name: candidate.name, kind: candidate.kind, start, end });
      }
      return found.sort((a, b) => a.start - b.start);
    },
    /** The first name in the term (own before competitor before retailer when they overlap), or null. */
    find(term: string): BrandMatch | null {
      return this.findAll(term)[0] ?? null;
    },
  };
}
export type BrandMatcher = ReturnType<typeof createBrandMatcher>;

/**
 * A brand list as the owner typed it, cleaned: trimmed, inner spaces collapsed, empty entries and
 * repeats (ignoring case, also across the two lists: own wins) removed, order kept.
 */
export function cleanBrandNames(names: BrandNames): { own: string[]; competitors: string[] } {
  const seen = new Set<string>();
  const clean = (list: readonly string[]) => {
    const kept: string[] = [];
    for (const raw of list) {
      const name = raw.replace(/\s+/g, ' ').trim();
      const key = normaliseForMatch(name);
      if (!name || seen.has(key)) continue;
      seen.add(key);
      kept.push(name);
    }
    return kept;
  };
  const own = clean(names.own);
  return { own, competitors: clean(names.competitors) };
}
