import { describe, expect, it } from 'vitest';
import {
  characterClassesOf,
  checkPasswordRules,
  personalFragmentIn,
  personalWordsOf,
} from './password-rules.ts';
import { assessPassword, estimatorInput } from './password-strength.ts';

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

describe('personal words', () => {
  it('splits a name and an email into fragments (≥ 3 letters) and guessable words', () => {
    const words = personalWordsOf(['  José María ', 'Ada.Lovelace_99@Analytical-Engines.example']);
    expect(words.fragments.sort()).toEqual(
      ['ada', 'adalovelace99', 'jose', 'josemaria', 'lovelace', 'maria'].sort(),
    );
    expect(words.guessable).toEqual(
      expect.arrayContaining([
        'jose maria',
        'ada.lovelace_99',
        'adalovelace99',
        'lovelace',
        'ada.lovelace_99@analytical-engines.example',
        'analytical',
        'engines',
      ]),
    );
    // The domain is guessable, but a password may mention it: it is not the user's own word.
    expect(words.fragments).not.toContain('analytical');
    // One- and two-character pieces match everywhere and tell the estimator nothing.
    expect(words.guessable).not.toContain('99');
  });

  it('ignores fragments too short to mean anything and empty inputs', () => {
    expect(personalWordsOf(['Al', 'jo@example.com', '   ']).fragments).toEqual([]);
    expect(checkPasswordRules('Granite-Otter-47', ['Al', 'jo@example.com']).map((rule) => rule.id)).toEqual([
      'length',
      'classes',
    ]);
  });

  it.each([
    ['Lovelace!2024x', 'lovelace'],
    ['xx-LOVELACE-xx-9', 'lovelace'],
    ['Ada-Lovelace-1815', 'ada'],
    ['Jose-Is-My-Name-7', 'jose'],
    ['Quartz+Heron+42', null],
  ])('finds the name or email in %j case-insensitively, accents and separators aside', (password, found) => {
    expect(personalFragmentIn(password, ['José Ada', 'lovelace@example.com'])).toBe(found);
  });

  it('adds a “not your name or email” rule once the user’s details are known', () => {
    const inputs = ['Quentin Marlowe', 'q.marlowe@example.com'];
    const rule = (password: string) =>
      checkPasswordRules(password, inputs).find((candidate) => candidate.id === 'personal');
    expect(rule('Tangerine-Vault-58')).toMatchObject({
      met: true,
      label: expect.stringMatching(/name or email/),
    });
    expect(rule('Marlowe-Tangerine-58')?.met).toBe(false);
    expect(rule('')?.met).toBe(false);
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

  it('refuses a password equal to or built from the email’s local part or the name', () => {
    const inputs = ['Marguerite Okonkwo', 'marguerite.okonkwo@example.com'];
    for (const password of [
      'marguerite.okonkwo',
      'Marguerite.Okonkwo1',
      'Okonkwo-Marguerite-77',
      'MargueriteOkonkwo!',
    ]) {
      expect(assessPassword(password, inputs).acceptable, password).toBe(false);
    }
    // The same shapes are fine for someone else.
    expect(assessPassword('Okonkwo-Marguerite-77', ['Sam Lee', 'sam@example.com']).acceptable).toBe(true);
  });

  it('refuses a password containing the name even when the estimator scores it strong', () => {
    const password = 'Vexillum-Quarto-Pike-9!';
    expect(assessPassword(password).score).toBeGreaterThanOrEqual(3);
    const personal = assessPassword(password, ['Pike', 'someone@example.com']);
    expect(personal.acceptable).toBe(false);
    expect(personal.rules.find((rule) => rule.id === 'personal')?.met).toBe(false);
  });

  it('counts the email’s local part as guessable for the estimator', () => {
    const generic = assessPassword('Xq7zorblatt');
    const personal = assessPassword('Xq7zorblatt', ['Someone', 'xq7zorblatt@example.com']);
    expect(personal.score).toBeLessThan(generic.score);
  });

  it('reports every rule with a label, and advice when weak', () => {
    const result = assessPassword('password');
    expect(result.rules.map((rule) => rule.id)).toEqual(['length', 'classes', 'strength']);
    expect(result.rules.every((rule) => rule.label.length > 0)).toBe(true);
    expect(result.score).toBe(0);
    expect(result.warning ?? result.suggestions[0]).toBeTruthy();
  });
});

describe('what the strength estimator reads', () => {
  it('scores a run of a repeated unit as one copy, and reads at most 64 characters', () => {
    expect(estimatorInput('aB3!'.repeat(32))).toBe('aB3!');
    expect(estimatorInput('Granite-Otter-47')).toBe('Granite-Otter-47');
    expect(estimatorInput(`${'x'.repeat(20)}Lamp-Quiet-9`)).toBe('xLamp-Quiet-9');
    expect(
      estimatorInput('Correct-Horse-Battery-Staple'.repeat(2) + 'q'.repeat(50)).length,
    ).toBeLessThanOrEqual(64);
  });

  it('rejects a long password that only repeats a short pattern', () => {
    expect(assessPassword('Aa1!xyzq'.repeat(16)).acceptable).toBe(false);
  });
});
