import { describe, expect, it } from 'vitest';
import { classifyTerms } from '../ai/buyer-intent.ts';
import { createBrandMatcher } from './brand-names.ts';
import { analyseTerms, defaultRunName, intentRunCsv, mergeClassifications } from './intent-analysis.ts';

const brandNames = { own: ['Calm Co'], competitors: ['Glow Candles'] };
const matcher = createBrandMatcher(brandNames);

function run(terms: { term: string; volume?: number }[]) {
  const input = terms.map((entry) => ({ term: entry.term, volume: entry.volume ?? null, clicks: null }));
  const output = classifyTerms(
    input.map((entry) => entry.term),
    undefined,
    brandNames,
  );
  const merged = mergeClassifications(
    input.map((entry) => entry.term),
    output,
    matcher,
  );
  return analyseTerms({ terms: input, classified: merged.classified, matcher });
}

describe('intent analysis', () => {
  it('groups by theme with a suggestion that fits each group’s intent', () => {
    const analysis = run([
      { term: 'best soy candles', volume: 900 },
      { term: 'soy vs paraffin candles', volume: 300 },
      { term: 'how to make soy wax melts', volume: 50 },
      { term: 'wax melt tips', volume: 40 },
      { term: 'buy linen spray', volume: 500 },
      { term: 'linen spray sale', volume: 200 },
      { term: 'calm co', volume: 700 },
      { term: 'calm co login', volume: 20 },
      { term: 'glow candles store', volume: 10 },
    ]);
    const byKey = Object.fromEntries(analysis.groups.map((group) => [group.key, group]));
    expect(byKey.candle).toMatchObject({ intent: 'commercial', volume: 1200, label: 'candle' });
    expect(byKey.candle?.suggestion).toMatch(
      /^Publish a comparison page for searches like “best soy candles”/,
    );
    expect(byKey.melt).toMatchObject({ intent: 'informational', label: 'wax melt' });
    expect(byKey.melt?.suggestion).toMatch(
      /^Write a guide or blog post that fully answers “how to make soy wax melts”/,
    );
    expect(byKey.spray).toMatchObject({ intent: 'transactional', label: 'linen spray' });
    expect(byKey.spray?.suggestion).toMatch(/^Product page copy for linen spray/);
    expect(byKey['brand:calm co']).toMatchObject({ intent: 'navigational', label: 'Calm Co' });
    expect(byKey['brand:calm co']?.suggestion).toBe(
      'People are searching for you by name (“calm co”). Make sure your own site ranks first for it: a page with Calm Co and what you sell in its title, and contact, delivery and returns one click away.',
    );
    expect(byKey['brand:glow candles']?.suggestion).toMatch(
      /^People want Glow Candles \(“glow candles store”\), not you yet\. Publish an honest “Glow Candles alternative” page/,
    );
    // Biggest volume first.
    expect(analysis.groups[0]?.key).toBe('candle');
    expect(analysis.counts).toEqual({ informational: 2, commercial: 2, transactional: 2, navigational: 3 });
  });

  it('checks a model’s answer against the terms sent: brand names win, gaps are filled by the rules', () => {
    const terms = ['calm co candles', 'linen shirt sale', 'how to wash linen'];
    const merged = mergeClassifications(
      terms,
      {
        results: [
          { term: 'Calm Co Candles', intent: 'informational', confidence: 0.6, signals: [] },
          {
            term: 'LINEN SHIRT SALE',
            intent: 'transactional',
            confidence: 0.9,
            signals: ['sale'],
            reason: 'On sale.',
          },
        ],
        counts: { informational: 1, commercial: 0, transactional: 1, navigational: 0 },
        strategy: [],
      },
      matcher,
    );
    expect(merged.filledByRules).toBe(1);
    expect(merged.classified.map((entry) => entry.intent)).toEqual([
      'navigational',
      'transactional',
      'informational',
    ]);
    expect(merged.classified[1]?.reason).toBe('On sale.');
  });

  it('exports one row per term with the group’s suggestion, formulas neutralised', () => {
    const analysis = run([
      { term: '=HYPERLINK("http://x") candles', volume: 5 },
      { term: 'best candles', volume: 7 },
    ]);
    const csv = intentRunCsv({ groups: analysis.groups, volumeLabel: 'Impressions', hasClicks: false });
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'Theme,Term,Intent,Confidence,Reason,Impressions,Brand name,Group intent,Suggestion for the group',
    );
    expect(csv).toContain(`"'=HYPERLINK(""http://x"") candles"`);
    expect(lines).toHaveLength(4);
  });

  it('names a run after its first terms', () => {
    expect(defaultRunName([{ term: 'linen shirt' }, { term: 'b' }, { term: 'c' }])).toBe(
      '“linen shirt” and 2 more',
    );
    expect(defaultRunName([])).toBe('Search terms');
  });
});
