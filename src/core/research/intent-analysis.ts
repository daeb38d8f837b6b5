/**
 * From classified terms to a research run: each term's class and reason (a model's answer checked
 * against the terms sent, the owner's brand names applied on top, the rules filling any gap), the
 * terms grouped by theme, and per group a suggestion of the content or copy that fits it. Pure.
 */
import { classifyByBrand, classifyTerm } from '../ai/buyer-intent.ts';
import { type AiTaskOutput, BUYER_INTENTS, type BuyerIntent } from '../ai/contracts.ts';
import { CSV_BOM, csvLine } from '../text/csv-export.ts';
import type { BrandMatch, BrandMatcher, BrandNameKind } from './brand-names.ts';
import type { IntentCounts, IntentGroup, IntentRun, IntentTerm } from './intent-contracts.ts';
import type { ReportTerm } from './search-terms.ts';
import { termKey } from './search-terms.ts';
import { groupByTheme, type TermTheme, termTheme, themeLabel, withoutBrands } from './term-themes.ts';

export interface Classified {
  intent: BuyerIntent;
  confidence: number;
  reason: string;
}

export interface MergedClassifications {
  /** One per term sent, in the same order. */
  classified: Classified[];
  /** Terms the answer left out (or answered twice over), classified by the rules instead. */
  filledByRules: number;
}

/**
 * Lines a task's answer up with the terms it was sent. A model may reorder, drop or re-spell terms:
 * answers are matched by term (ignoring case and spacing), a missing one is classified by the rules,
 * and a term naming one of the owner's brands (or a known retailer) gets the brand decision whatever
 * the answer said, so the owner's list always counts. A missing reason is written from the signals.
 */
export function mergeClassifications(
  terms: readonly string[],
  output: AiTaskOutput<'buyer-intent'>,
  matcher: BrandMatcher,
): MergedClassifications {
  const answered = new Map<string, AiTaskOutput<'buyer-intent'>['results'][number]>();
  for (const result of output.results) {
    const key = termKey(result.term);
    if (!answered.has(key)) answered.set(key, result);
  }
  let filledByRules = 0;
  const classified = terms.map((term): Classified => {
    const byBrand = classifyByBrand(term, matcher);
    if (byBrand) return { intent: byBrand.intent, confidence: byBrand.confidence, reason: byBrand.reason };
    const answer = answered.get(termKey(term));
    if (!answer) {
      filledByRules += 1;
      const rules = classifyTerm(term, matcher);
      return { intent: rules.intent, confidence: rules.confidence, reason: rules.reason };
    }
    const reason =
      answer.reason?.trim() ||
      (answer.signals.length > 0
        ? `Signals: ${answer.signals.slice(0, 3).join('; ')}.`
        : `Classed ${answer.intent} by the AI model.`);
    return { intent: answer.intent, confidence: answer.confidence, reason: reason.slice(0, 400) };
  });
  return { classified, filledByRules };
}

export function emptyCounts(): IntentCounts {
  return { informational: 0, commercial: 0, transactional: 0, navigational: 0 };
}

function countOf(terms: readonly { intent: BuyerIntent }[]): IntentCounts {
  const counts = emptyCounts();
  for (const term of terms) counts[term.intent] += 1;
  return counts;
}

/** The class with the most terms; ties go to the one nearer a purchase. */
const TIE_ORDER: readonly BuyerIntent[] = ['transactional', 'commercial', 'navigational', 'informational'];

function dominant(counts: IntentCounts): BuyerIntent {
  return TIE_ORDER.reduce((best, intent) => (counts[intent] > counts[best] ? intent : best), 'transactional');
}

function sumOf(values: readonly (number | null)[]): number | null {
  const present = values.filter((value): value is number => value !== null);
  return present.length > 0 ? present.reduce((sum, value) => sum + value, 0) : null;
}

function quoted(text: string): string {
  return `“${text}”`;
}

const COMPARISON_WORDS =
  /(?<![\p{L}\p{N}])(?:vs|versus|compare|comparison|alternatives?|or)(?![\p{L}\p{N}])/iu;
const LOCAL_WORDS = /(?<![\p{L}\p{N}])(?:near me|nearby|open now|opening hours)(?![\p{L}\p{N}])/iu;

/** One sentence on the minority class when a group mixes intents. */
const MINORITY_ADVICE: Record<BuyerIntent, string> = {
  informational: 'answer their questions in a short FAQ on the same page',
  commercial: 'add an honest comparison table',
  transactional: 'link straight to the product with its price',
  navigational: 'link to your own brand and contact pages',
};

interface GroupFacts {
  label: string;
  intent: BuyerIntent;
  counts: IntentCounts;
  terms: readonly IntentTerm[];
}

function navigationalSuggestion(label: string, terms: readonly IntentTerm[]): string {
  const brands = new Map<string, { name: string; kind: BrandNameKind; example: string; count: number }>();
  for (const term of terms) {
    if (!term.brand || term.intent !== 'navigational') continue;
    const key = `${term.brand.kind}:${term.brand.name.toLowerCase()}`;
    const known = brands.get(key);
    if (known) known.count += 1;
    else brands.set(key, { ...term.brand, example: term.term, count: 1 });
  }
  const [brand] = [...brands.values()].sort((a, b) => b.count - a.count);
  if (!brand) {
    return 'These searchers want a particular page (a login, contact details, an order). Link those pages from your home page and name them the way people search.';
  }
  const example = quoted(brand.example);
  const topic = label.toLowerCase() === brand.name.toLowerCase() ? 'what you sell' : label;
  if (brand.kind === 'own') {
    return `People are searching for you by name (${example}). Make sure your own site ranks first for it: a page with ${brand.name} and ${topic} in its title, and contact, delivery and returns one click away.`;
  }
  if (brand.kind === 'competitor') {
    return `People want ${brand.name} (${example}), not you yet. Publish an honest “${brand.name} alternative” page that says where you differ and who each suits, for those still deciding; never pretend to be them.`;
  }
  return `Shoppers look for this at ${brand.name} (${example}). If you sell there, make that listing complete (title worded as people search, photos, reviews); if not, make buying from your own shop just as easy.`;
}

function suggestionFor(group: GroupFacts): string {
  const example = group.terms.find((term) => term.intent === group.intent)?.term ?? group.label;
  let main: string;
  switch (group.intent) {
    case 'informational':
      main = `Write a guide or blog post that fully answers ${quoted(example)}${group.terms.length > 1 ? ' and the other questions here' : ''}, then link to your ${group.label} products. Answer first; sell softly at the end.`;
      break;
    case 'commercial':
      main = group.terms.some((term) => COMPARISON_WORDS.test(term.term))
        ? `Publish a comparison page for searches like ${quoted(example)}: fair criteria, where your ${group.label} wins and where it does not, and reviews as proof.`
        : `Publish a “best ${group.label}” buying guide for searches like ${quoted(example)}: the criteria that matter, your pick with honest alternatives, backed by reviews.`;
      break;
    case 'transactional':
      main = `Product page copy for ${group.label}: use the words people search (${quoted(example)}) in the title, show price, delivery and returns near the top, and keep one clear buy button.`;
      if (group.terms.some((term) => LOCAL_WORDS.test(term.term))) {
        main +=
          ' Show your shop’s address and opening hours on the page and in your Google Business Profile.';
      }
      break;
    case 'navigational':
      main = navigationalSuggestion(group.label, group.terms);
      break;
  }
  const total = group.terms.length;
  const minority = BUYER_INTENTS.filter((intent) => intent !== group.intent)
    .filter((intent) => group.counts[intent] * 3 >= total && group.counts[intent] > 0)
    .sort((a, b) => group.counts[b] - group.counts[a])[0];
  if (!minority) return main;
  const count = group.counts[minority];
  return `${main} ${count} of these terms ${count === 1 ? 'is' : 'are'} ${minority}: ${MINORITY_ADVICE[minority]}.`;
}

export interface AnalysisInput {
  terms: readonly ReportTerm[];
  /** One per term, in the same order. */
  classified: readonly Classified[];
  matcher: BrandMatcher;
}

export interface Analysis {
  groups: IntentGroup[];
  counts: IntentCounts;
}

/** Groups classified terms by theme, biggest volume (else most terms) first, with a suggestion each. */
export function analyseTerms({ terms, classified, matcher }: AnalysisInput): Analysis {
  const items = terms.map((input, index) => {
    const classification = classified[index] ?? classifyTerm(input.term, matcher);
    const brands: BrandMatch[] = matcher.findAll(input.term);
    const [brand] = brands;
    const term: IntentTerm = {
      term: input.term,
      intent: classification.intent,
      confidence: classification.confidence,
      reason: classification.reason,
      volume: input.volume,
      clicks: input.clicks,
      brand: brand ? { name: brand.name, kind: brand.kind } : null,
    };
    const theme: TermTheme = termTheme(input.term, brands);
    return { term, theme, index, topic: withoutBrands(input.term, brands) };
  });
  const groups = groupByTheme(items).map((group): IntentGroup => {
    const ordered = [...group.items].sort(
      (a, b) => (b.term.volume ?? -1) - (a.term.volume ?? -1) || a.index - b.index,
    );
    const groupTerms = ordered.map((item) => item.term);
    const counts = countOf(groupTerms);
    const intent = dominant(counts);
    const label = themeLabel(
      group,
      ordered.map((item) => item.topic),
    );
    return {
      key: group.key,
      label,
      intent,
      counts,
      volume: sumOf(groupTerms.map((term) => term.volume)),
      clicks: sumOf(groupTerms.map((term) => term.clicks)),
      suggestion: suggestionFor({ label, intent, counts, terms: groupTerms }),
      terms: groupTerms,
    };
  });
  groups.sort(
    (a, b) =>
      (b.volume ?? -1) - (a.volume ?? -1) ||
      b.terms.length - a.terms.length ||
      a.label.localeCompare(b.label),
  );
  return { groups, counts: countOf(items.map((item) => item.term)) };
}

/** A run as a spreadsheet: one row per term, with its group's theme and suggestion. */
export function intentRunCsv(run: Pick<IntentRun, 'groups' | 'volumeLabel' | 'hasClicks'>): string {
  const header = ['Theme', 'Term', 'Intent', 'Confidence', 'Reason'];
  if (run.volumeLabel) header.push(run.volumeLabel);
  if (run.hasClicks) header.push('Clicks');
  header.push('Brand name', 'Group intent', 'Suggestion for the group');
  type Cell = string | number | null;
  const rows: Cell[][] = [];
  for (const group of run.groups) {
    for (const term of group.terms) {
      const row: Cell[] = [group.label, term.term, term.intent, term.confidence, term.reason];
      if (run.volumeLabel) row.push(term.volume);
      if (run.hasClicks) row.push(term.clicks);
      row.push(term.brand ? `${term.brand.name} (${term.brand.kind})` : null, group.intent, group.suggestion);
      rows.push(row);
    }
  }
  return CSV_BOM + [header, ...rows].map(csvLine).join('');
}

/** A name for a run made from its first terms, when the owner gave none. */
export function defaultRunName(terms: readonly { term: string }[]): string {
  const [first] = terms;
  if (!first) return 'Search terms';
  const head = first.term.length > 60 ? `${first.term.slice(0, 59)}…` : first.term;
  return terms.length > 1 ? `“${head}” and ${terms.length - 1} more` : `“${head}”`;
}
