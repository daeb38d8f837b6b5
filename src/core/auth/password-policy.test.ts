import { describe, expect, it } from 'vitest';
import { characterClassesOf, checkPasswordRules } from './password-rules.ts';
import { assessPassword } from './password-strength.ts';

describe('password rules', () => {
  it.each([
    ['abc', ['lower']],
    ['abcDEF', ['lower', 'upper']],
    ['abc123', ['lower', 'digit']],
    ['ab C1!', ['lower', 'symbol', 'upper', 'digit']],
    ['ÉCOLE école 9', ['upper', 'symbol', 'lower', 'digit']],
  ])('finds the character classes of %j', (password, expected) => {
    expect([...characterClassesOf(password)].sort()).toEqual([...expected].sort());
  });

  it.each([
    ['Ab1!', { length: false, classes: true }],
    ['abcdefgh', { length: true, classes: false }],
    ['abcdefg1', { length: true, classes: false }],
    ['abcdefG1', { length: true, classes: true }],
    ['abcdef1!', { length: true, classes: true }],
    ['x'.repeat(129), { length: false, classes: false }],
  ])('checks %j', (password, expected) => {
    const met = Object.fromEntries(checkPasswordRules(password).map((rule) => [rule.id, rule.met]));
    expect(met).toEqual(expected);
  });
});

describe('assessPassword', () => {
  it.each([
    ['password', false],
    ['Password1!', false],
    ['Summer2024!', false],
    ['correct horse battery staple', false],
    ['kP9#mQ2vLz!', true],
    ['Granite-Otter-47', true],
  ])('judges %j acceptable=%s', (password, acceptable) => {
    expect(assessPassword(password).acceptable).toBe(acceptable);
  });

  it('treats the user’s own name and email as guessable', () => {
    const generic = assessPassword('Zyrqelwick2024!');
    const personal = assessPassword('Zyrqelwick2024!', ['Ada Zyrqelwick', 'ada@zyrqelwick.example']);
    expect(generic.acceptable).toBe(true);
    expect(personal.score).toBeLessThan(generic.score);
    expect(personal.acceptable).toBe(false);
  });

  it('reports every rule with a label, and advice when weak', () => {
    const result = assessPassword('password');
    expect(result.rules.map((rule) => rule.id)).toEqual(['length', 'classes', 'strength']);
    expect(result.rules.every((rule) => rule.label.length > 0)).toBe(true);
    expect(result.score).toBe(0);
    expect(result.warning ?? result.suggestions[0]).toBeTruthy();
  });
});
