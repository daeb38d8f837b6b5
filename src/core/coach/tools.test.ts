import { describe, expect, it } from 'vitest';
import { renderPassages } from '../ai/citations.ts';
import { COACH_TOOL_DEFINITIONS, COACH_TOOL_NAMES, parseToolCall } from './tools.ts';

describe('coach tool definitions', () => {
  it('describes every tool with a JSON Schema object of its arguments', () => {
    expect(COACH_TOOL_DEFINITIONS.map((definition) => definition.name)).toEqual([...COACH_TOOL_NAMES]);
    for (const definition of COACH_TOOL_DEFINITIONS) {
      expect(definition.description.length).toBeGreaterThan(40);
      expect(definition.parameters).toMatchObject({ type: 'object', additionalProperties: false });
      expect(definition.parameters).not.toHaveProperty('$schema');
    }
    const copy = COACH_TOOL_DEFINITIONS.find((definition) => definition.name === 'generate_copy');
    // `tone` has a default, so a model may leave it out.
    expect(copy?.parameters.required).toEqual(['product', 'features', 'format']);
  });
});

describe('parseToolCall', () => {
  it('accepts well-formed calls and applies defaults', () => {
    expect(parseToolCall('search_brand_knowledge', { query: '  lavender ' })).toEqual({
      ok: true,
      name: 'search_brand_knowledge',
      args: { query: 'lavender' },
    });
    expect(parseToolCall('read_diagnostic', null)).toEqual({ ok: true, name: 'read_diagnostic', args: {} });
    expect(
      parseToolCall('generate_copy', { format: 'ad-headline', product: 'Candle', features: ['Hand-poured'] }),
    ).toMatchObject({ ok: true, args: { tone: 'warm', format: 'ad-headline' } });
  });

  it('rejects unknown tools, unreadable arguments and arguments that do not fit, naming each problem', () => {
    expect(parseToolCall('rm_rf', {})).toEqual({
      ok: false,
      error:
        'There is no tool called "rm_rf". Use one of: search_brand_knowledge, read_diagnostic, generate_copy, propose_edit.',
    });
    expect(parseToolCall('search_brand_knowledge', 'not json', true)).toEqual({
      ok: false,
      error: 'The arguments for search_brand_knowledge were not valid JSON.',
    });
    const wrong = parseToolCall('search_brand_knowledge', { query: 5, extra: true });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) {
      expect(wrong.error).toMatch(/^Invalid arguments for search_brand_knowledge: /);
      expect(wrong.error).toContain('query:');
      expect(wrong.error).toMatch(/extra/);
    }
    const long = parseToolCall('search_brand_knowledge', { query: 'x'.repeat(5000) });
    expect(!long.ok && long.error.length <= 600).toBe(true);
    expect(parseToolCall('a'.repeat(500), {}).ok).toBe(false);
  });
});

describe('renderPassages numbering', () => {
  it('numbers passages from the first number it is given', () => {
    const passage = {
      id: 'p1',
      sourceType: 'canvas' as const,
      label: 'Brand canvas · Purpose',
      text: 'We pour candles by hand.',
      href: '/app/canvas#field-purpose',
    };
    const { rendered, kept } = renderPassages([passage, { ...passage, id: 'p2' }], 1000, 4);
    expect(kept.map((item) => item.n)).toEqual([4, 5]);
    expect(rendered).toContain('<passage id="4" source="Brand canvas · Purpose">');
    expect(rendered).toContain('<passage id="5"');
  });
});
