import { describe, expect, it } from 'vitest';
import { findUnsafeInput, MAX_INPUT_DEPTH, textProblem } from './input-guard.ts';

describe('textProblem', () => {
  it.each([
    ['plain text', 'Crumb & Co', null],
    ['emoji (a valid surrogate pair)', 'Launch 🚀 day 👨‍👩‍👧', null],
    ['control characters PostgreSQL stores', 'tab\tnew line\n\u0001\u007f', null],
    ['U+FFFD and non-characters', '\ufffd\uffff\ufffe', null],
    ['NUL', 'a\u0000b', 'nul'],
    ['a lone high surrogate at the end', 'abc\ud800', 'lone-surrogate'],
    ['a lone high surrogate before text', '\ud83dx', 'lone-surrogate'],
    ['a lone low surrogate', 'x\udc00', 'lone-surrogate'],
    ['a reversed pair', '\ude00\ud83d', 'lone-surrogate'],
  ])('%s', (_label, text, expected) => {
    expect(textProblem(text)).toBe(expected);
  });
});

describe('findUnsafeInput', () => {
  it('accepts ordinary input', () => {
    expect(
      findUnsafeInput(
        { name: 'Crumb', tags: ['a', 'b'], nested: { count: 3, ok: true, none: null } },
        'body',
      ),
    ).toEqual([]);
    expect(findUnsafeInput(undefined, 'body')).toEqual([]);
    expect(findUnsafeInput('plain', 'body')).toEqual([]);
  });

  it('names every field holding NUL or a lone surrogate, in arrays and nested objects', () => {
    const details = findUnsafeInput(
      { name: 'a\u0000', data: { demographics: { occupation: '\ud800' } }, features: ['ok', 'x\udfff'] },
      'body',
    );
    expect(details.map((detail) => detail.path)).toEqual([
      'body.name',
      'body.data.demographics.occupation',
      'body.features.1',
    ]);
    expect(details[0]?.message).toMatch(/NUL character/);
    expect(details[1]?.message).toMatch(/lone UTF-16 surrogate/);
  });

  it('checks object keys and shows them printable in the path', () => {
    const details = findUnsafeInput({ data: { 'key\u0000': 'x', '\ud800': 'y' } }, 'body');
    expect(details).toEqual([
      { path: 'body.data.key\\u0000', message: expect.stringMatching(/field name contains a NUL/) },
      { path: 'body.data.\\ud800', message: expect.stringMatching(/field name contains an incomplete/) },
    ]);
  });

  it('shows an accepted but unprintable key printable when a problem lies below it', () => {
    const details = findUnsafeInput({ 'bell\u0007': { list: ['ok', 'a\u0000'] } }, 'body');
    expect(details).toEqual([
      { path: 'body.bell\\u0007.list.1', message: expect.stringMatching(/NUL character/) },
    ]);
    expect(findUnsafeInput({ 'bell\u0007': 'fine' }, 'body')).toEqual([]);
  });

  it('refuses nesting deeper than the limit, once, at the level it starts', () => {
    let deep: unknown = 'leaf';
    for (let level = 0; level < MAX_INPUT_DEPTH + 50; level += 1) deep = [deep];
    const details = findUnsafeInput({ deep }, 'body');
    expect(details).toHaveLength(1);
    expect(details[0]?.message).toMatch(`Nested more than ${MAX_INPUT_DEPTH} levels`);

    let fits: unknown = 'leaf';
    for (let level = 0; level < MAX_INPUT_DEPTH - 1; level += 1) fits = { inner: fits };
    expect(findUnsafeInput(fits, 'body')).toEqual([]);
  });

  it('checks only the depth for a route that stores no text', () => {
    expect(findUnsafeInput({ text: '%PDF\u0000\ud800', 'k\u0000': 1 }, 'body', { checkText: false })).toEqual(
      [],
    );
    let deep: unknown = 'leaf';
    for (let level = 0; level < MAX_INPUT_DEPTH + 1; level += 1) deep = [deep];
    expect(findUnsafeInput(deep, 'body', { checkText: false })).toHaveLength(1);
  });

  it('lists at most twenty problems', () => {
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, index) => [`field${index}`, '\u0000']));
    expect(findUnsafeInput(many, 'body')).toHaveLength(20);
  });
});
