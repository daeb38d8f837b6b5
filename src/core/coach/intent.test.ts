import { describe, expect, it } from 'vitest';
import { scoresFrom } from '../diagnostic/scoring.ts';
import {
  type ConversationTurn,
  classifyRequest,
  detectLanguage,
  REQUEST_TYPES,
  trainRequestModel,
} from './intent.ts';
import { INTENT_SET, LANGUAGE_SET } from './intent-set.ts';
import { posteriorOf } from './word-model.ts';

function percent(hits: number, total: number): string {
  return `${((hits / total) * 100).toFixed(1)} % (${hits}/${total})`;
}

/** The misses, listed in the failure message so a regression says which messages it broke. */
function misses<T>(items: readonly T[], wrong: (item: T) => string | null): string[] {
  return items.map(wrong).filter((line): line is string => line !== null);
}

function turns(...contents: string[]): ConversationTurn[] {
  return contents.map((content, index) => ({ role: index % 2 === 0 ? 'user' : 'assistant', content }));
}

const weakDistinctive = {
  diagnostic: scoresFrom(60, { insight: 75, distinctive: 13, empathetic: 63, authentic: 88 }),
};
const weakEmpathetic = {
  diagnostic: scoresFrom(60, { insight: 75, distinctive: 70, empathetic: 20, authentic: 88 }),
};
const weakAuthentic = {
  diagnostic: scoresFrom(60, { insight: 75, distinctive: 70, empathetic: 64, authentic: 10 }),
};

describe('the labelled set', () => {
  it('has at least 150 messages, several of every request type', () => {
    expect(INTENT_SET.length).toBeGreaterThanOrEqual(150);
    for (const type of REQUEST_TYPES)
      expect(INTENT_SET.filter((item) => item.type === type).length, type).toBeGreaterThanOrEqual(10);
    expect(new Set(INTENT_SET.map((item) => item.message.toLowerCase())).size).toBe(INTENT_SET.length);
  });

  it('classifies the request type of at least 90 % of messages', () => {
    const wrong = misses(INTENT_SET, (item) => {
      const type = classifyRequest(item.message).type;
      return type === item.type ? null : `${item.type} → ${type}: ${item.message}`;
    });
    const hits = INTENT_SET.length - wrong.length;
    expect(
      hits / INTENT_SET.length,
      `type accuracy ${percent(hits, INTENT_SET.length)}\n${wrong.join('\n')}`,
    ).toBeGreaterThanOrEqual(0.9);
  });

  it('still classifies at least 90 % when the word model never saw the message (10-fold)', () => {
    // The word model is trained on the set itself; this proves it generalises rather than recalls.
    let hits = 0;
    for (let fold = 0; fold < 10; fold += 1) {
      const model = trainRequestModel(INTENT_SET.filter((_, index) => index % 10 !== fold));
      INTENT_SET.forEach((item, index) => {
        if (index % 10 === fold && classifyRequest(item.message, { model }).type === item.type) hits += 1;
      });
    }
    expect(
      hits / INTENT_SET.length,
      `cross-validated type accuracy ${percent(hits, INTENT_SET.length)}`,
    ).toBeGreaterThanOrEqual(0.9);
  });

  it('finds the labelled dimension of at least 85 % of messages that have one', () => {
    const labelled = INTENT_SET.filter((item) => item.dimension);
    expect(labelled.length).toBeGreaterThanOrEqual(60);
    const wrong = misses(labelled, (item) => {
      const { dimension, evidence } = classifyRequest(item.message);
      return dimension === item.dimension
        ? null
        : `${item.dimension} → ${dimension} (${evidence}): ${item.message}`;
    });
    const hits = labelled.length - wrong.length;
    expect(
      hits / labelled.length,
      `dimension accuracy ${percent(hits, labelled.length)}\n${wrong.join('\n')}`,
    ).toBeGreaterThanOrEqual(0.85);
  });

  it('reads the copy format and the number of options of at least 90 % of copy messages', () => {
    const labelled = INTENT_SET.filter((item) => item.copy);
    const wrong = misses(labelled, (item) => {
      const { copy } = classifyRequest(item.message);
      const same = copy?.format === item.copy?.format && copy?.count === item.copy?.count;
      return same ? null : `${JSON.stringify(item.copy)} → ${JSON.stringify(copy)}: ${item.message}`;
    });
    const hits = labelled.length - wrong.length;
    expect(
      hits / labelled.length,
      `copy accuracy ${percent(hits, labelled.length)}\n${wrong.join('\n')}`,
    ).toBeGreaterThanOrEqual(0.9);
  });

  it('takes every labelled message as English', () => {
    const wrong = INTENT_SET.filter((item) => detectLanguage(item.message) !== 'en').map(
      (item) => item.message,
    );
    expect(wrong).toEqual([]);
  });
});

describe('classifyRequest', () => {
  it('answers the failures reported in issue 13', () => {
    const forget = classifyRequest('Why do people forget us after one order?', { brand: weakEmpathetic });
    expect(forget).toMatchObject({ type: 'diagnose', dimension: 'distinctive', evidence: 'message' });
    expect(classifyRequest('Write three tagline options')).toMatchObject({
      type: 'write-copy',
      copy: { format: 'tagline', count: 3 },
    });
    expect(classifyRequest('Rewrite our homepage headline')).toMatchObject({
      type: 'write-copy',
      copy: { format: 'headline', count: null },
    });
  });

  it('does not let "why" decide: a copy request that explains why stays a copy request', () => {
    const result = classifyRequest(
      'Write a headline that tells people why they should trust us with their pets',
    );
    expect(result).toMatchObject({ type: 'write-copy', dimension: 'authentic' });
    expect(classifyRequest('why do people buy from us').type).toBe('customer-insight');
    expect(classifyRequest("why don't people buy from us").type).toBe('diagnose');
    expect(classifyRequest('Why is trust so important for small brands?').type).toBe('explain');
  });

  it('reads the copy format and how many options were asked for', () => {
    const cases: [string, string, number | null][] = [
      ['give me a couple of slogans for a vegan bakery', 'tagline', 2],
      ['Write 5 email subject lines for our spring sale', 'email-subject', 5],
      ['can you do a few instagram captions about our new mugs', 'social-caption', 3],
      ['Write an instagram bio for a dog groomer', 'bio', 1],
      ['write a google ad, max 30 characters headline', 'ad', 1],
      ['Turn our value proposition into a punchy headline', 'headline', 1],
      ['draft our about us page', 'about', null],
      ['rewrite this so it sounds warmer: "We sell candles for every room of your home"', 'copy', null],
    ];
    for (const [message, format, count] of cases)
      expect(classifyRequest(message), message).toMatchObject({
        type: 'write-copy',
        copy: { format, count },
      });
    expect(classifyRequest('What should I do next?').copy).toBeUndefined();
  });

  it('keeps the format of feedback on copy, without a count', () => {
    expect(classifyRequest("Is this tagline any good? 'Light that lasts'")).toMatchObject({
      type: 'feedback',
      copy: { format: 'tagline', count: null },
    });
  });

  it('ignores long quoted copy when reading the request, but not a quoted term', () => {
    // The quoted line talks about trust; the request is for a headline and names no dimension.
    const quoted = classifyRequest(
      "Can you punch up this headline: 'The honest candle brand you can trust with your home'",
    );
    expect(quoted).toMatchObject({ type: 'write-copy', copy: { format: 'headline' } });
    expect(quoted.dimension).toBeNull();
    expect(classifyRequest("I don't understand what 'search intent' means")).toMatchObject({
      type: 'explain',
      dimension: 'insight',
    });
  });

  it('lets a follow-up inherit the previous turn’s dimension, and its request when it names none', () => {
    const history = turns('Why do people forget us after one order?', 'That is about being remembered…');
    const fix = classifyRequest('and how do I fix that?', { history, brand: weakEmpathetic });
    expect(fix).toMatchObject({
      type: 'next-step',
      dimension: 'distinctive',
      evidence: 'conversation',
      followUp: true,
    });
    const more = classifyRequest('give me two more', {
      history: turns('Write three tagline options for our candles', '1. … 2. … 3. …'),
    });
    expect(more).toMatchObject({
      type: 'write-copy',
      typeEvidence: 'conversation',
      copy: { format: 'tagline', count: 2 },
    });
    const shorter = classifyRequest('shorter please', {
      history: turns('Write three tagline options for our candles', '1. … 2. … 3. …'),
    });
    expect(shorter.copy).toEqual({ format: 'tagline', count: 3 });
    // "More consistent" in a question is advice; in a request about "them" it is a rewrite.
    const taglines = turns('Write three tagline options for our candles', '1. … 2. … 3. …');
    for (const question of [
      'How can we be more consistent?',
      'How do we stay more consistent across channels?',
    ])
      expect(classifyRequest(question, { history: taglines }).type, question).not.toBe('write-copy');
    expect(classifyRequest('can you make them more consistent?', { history: taglines })).toMatchObject({
      type: 'write-copy',
      copy: { format: 'tagline', count: 3 },
    });
  });

  it('reads a chain of follow-ups in order, and only the owner’s turns', () => {
    const history = turns(
      'What do my customers worry about before buying?',
      'Your avatars fear wasting money; trust and a clear logo help.', // the coach's: never classified
      'and what should I do first?',
      'Start with one reassurance on the product page.',
    );
    // The middle turn names no dimension and inherits Empathetic; this one inherits it in turn.
    const result = classifyRequest('ok and after that?', { history });
    expect(result).toMatchObject({ dimension: 'empathetic', evidence: 'conversation', followUp: true });
  });

  it('does not treat a new question as a follow-up, history or not', () => {
    const history = turns('Write three tagline options', '1. … 2. … 3. …');
    const fresh = classifyRequest('What do my customers worry about before buying?', { history });
    expect(fresh).toMatchObject({ type: 'customer-insight', dimension: 'empathetic', evidence: 'message' });
    expect(classifyRequest('and how do I fix that?')).toMatchObject({ followUp: false, evidence: 'none' });
  });

  it('falls back to the weakest diagnostic dimension only on weak evidence, and says so', () => {
    expect(classifyRequest("why aren't we converting", { brand: weakDistinctive })).toMatchObject({
      type: 'diagnose',
      dimension: 'distinctive',
      evidence: 'weakest-dimension',
    });
    expect(classifyRequest("why aren't we converting", { brand: weakEmpathetic }).dimension).toBe(
      'empathetic',
    );
    // Strong evidence wins over the brand's weakest dimension.
    expect(
      classifyRequest('How can I build more trust with first-time buyers?', { brand: weakDistinctive }),
    ).toMatchObject({
      dimension: 'authentic',
      evidence: 'message',
    });
    // No diagnostic: no invented dimension.
    expect(classifyRequest("why aren't we converting")).toMatchObject({ dimension: null, evidence: 'none' });
    // A copy request or an explanation does not borrow the weakest dimension.
    expect(
      classifyRequest('Write a value proposition for my bookkeeping service', { brand: weakDistinctive })
        .dimension,
    ).toBeNull();
  });

  it('points "what next" at the first empty worksheet when there is no diagnostic', () => {
    const brand = { diagnostic: null, worksheets: { insight: true, distinctive: true, empathetic: false } };
    expect(classifyRequest('What should I do next?', { brand })).toMatchObject({
      dimension: 'empathetic',
      evidence: 'empty-worksheet',
    });
  });

  it('breaks an exact tie between dimensions with the brand’s data', () => {
    // Trust (Authentic) and loyalty (Empathetic) weigh the same.
    const message = 'How do we build trust and loyalty?';
    expect(classifyRequest(message).signals).toEqual(
      expect.arrayContaining(['dimension:authentic:trust', 'dimension:empathetic:loyalty']),
    );
    expect(classifyRequest(message, { brand: weakEmpathetic }).dimension).toBe('empathetic');
    expect(classifyRequest(message, { brand: weakAuthentic }).dimension).toBe('authentic');
    expect(classifyRequest(message, { brand: weakAuthentic }).dimensionConfidence).toBeLessThan(0.5);
  });

  it('implies the dimension from the request type when the message names none', () => {
    expect(classifyRequest('what questions do customers ask before they buy?')).toMatchObject({
      type: 'customer-insight',
      dimension: 'insight',
      evidence: 'request-type',
    });
    expect(classifyRequest('Compare us with Lush')).toMatchObject({
      type: 'compare-competitors',
      dimension: 'distinctive',
      evidence: 'request-type',
    });
  });

  it('gives off-topic messages no dimension, even with a diagnostic', () => {
    for (const message of ['give me a recipe for banana bread', 'how tall is the eiffel tower'])
      expect(classifyRequest(message, { brand: weakDistinctive }), message).toMatchObject({
        type: 'off-topic',
        dimension: null,
      });
    // An off-topic word inside a brand question does not make it off-topic.
    expect(classifyRequest('Write a joke for our instagram post about cold brew').type).toBe('write-copy');
  });

  it('greets and thanks without inventing a request', () => {
    for (const message of ['hello', 'thanks!', '   '])
      expect(classifyRequest(message), message).toMatchObject({ type: 'next-step', typeEvidence: 'default' });
  });

  it('is deterministic, reports 0–1 confidences and the features that fired', () => {
    const message = 'Nobody recognises our packaging. Is that why sales are flat?';
    const first = classifyRequest(message);
    expect(classifyRequest(message)).toEqual(first);
    expect(first.signals).toContain('dimension:distinctive:recognise');
    expect(first.signals.some((signal) => signal.startsWith('type:diagnose:'))).toBe(true);
    for (const item of INTENT_SET.slice(0, 50)) {
      const result = classifyRequest(item.message);
      expect(result.confidence).toBeGreaterThanOrEqual(0);
      expect(result.confidence).toBeLessThanOrEqual(1);
      expect(result.dimensionConfidence).toBeGreaterThanOrEqual(0);
      expect(result.dimensionConfidence).toBeLessThanOrEqual(1);
    }
  });

  it('reads no further than a chat message can be long', () => {
    const long = `Write three taglines for our candles. ${'We pour every candle by hand. '.repeat(400)}`;
    expect(classifyRequest(long)).toMatchObject({
      type: 'write-copy',
      copy: { format: 'tagline', count: 3 },
    });
  });

  it('uses the word model for phrasings no rule knows, and only the rules with an empty model', () => {
    const model = trainRequestModel([
      { message: 'zorblat the flimwhistle', type: 'compare-competitors' },
      { message: 'zorblat our flimwhistle', type: 'compare-competitors' },
    ]);
    expect(classifyRequest('zorblat flimwhistle', { model })).toMatchObject({
      type: 'compare-competitors',
      typeEvidence: 'word-model',
    });
    const empty = trainRequestModel([]);
    expect(classifyRequest('zorblat flimwhistle', { model: empty }).typeEvidence).toBe('default');
    expect(classifyRequest('Write three tagline options', { model: empty }).type).toBe('write-copy');
  });
});

describe('the word model', () => {
  it('gives each type a probability, summing to one, uniform when untrained', () => {
    const trained = posteriorOf(trainRequestModel(INTENT_SET), 'what should we focus on first');
    const sum = [...trained.values()].reduce((total, value) => total + value, 0);
    expect(sum).toBeCloseTo(1, 9);
    expect([...trained.entries()].sort((a, b) => b[1] - a[1])[0]?.[0]).toBe('next-step');
    const uniform = posteriorOf(trainRequestModel([]), 'anything at all');
    for (const value of uniform.values()) expect(value).toBeCloseTo(1 / REQUEST_TYPES.length, 9);
  });
});

describe('detectLanguage', () => {
  it('tells the common languages apart and keeps foreign brand names English', () => {
    const wrong = LANGUAGE_SET.filter((item) => detectLanguage(item.message) !== item.language).map(
      (item) => `${item.language} → ${detectLanguage(item.message)}: ${item.message}`,
    );
    expect(wrong).toEqual([]);
    expect(classifyRequest('¿Por qué mis clientes no vuelven a comprar?').language).toBe('es');
  });

  it('calls empty or symbol-only text English rather than guessing', () => {
    expect(detectLanguage('')).toBe('en');
    expect(detectLanguage('??? 123 !!!')).toBe('en');
  });
});
