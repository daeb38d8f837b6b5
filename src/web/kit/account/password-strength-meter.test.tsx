// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type AssessPassword, loadPasswordEstimator } from './password-strength.ts';
import { PasswordStrengthMeter } from './password-strength-meter.tsx';

let assess: AssessPassword;

beforeAll(async () => {
  assess = await loadPasswordEstimator();
});

afterEach(cleanup);

function rules() {
  return within(screen.getByRole('list', { name: 'Password rules' }))
    .getAllByRole('listitem')
    .map((item) => item.textContent);
}

function meter(password: string, options: { estimator?: AssessPassword | null; userInputs?: string[] } = {}) {
  return (
    <PasswordStrengthMeter
      id="meter"
      password={password}
      userInputs={options.userInputs ?? []}
      assess={options.estimator === undefined ? assess : options.estimator}
      estimatorFailed={false}
      showFailures={false}
    />
  );
}

describe('PasswordStrengthMeter', () => {
  it('lists every server rule before anything is typed', () => {
    render(meter(''));
    expect(rules()).toEqual([
      'At least 8 characters (not yet)',
      'At least 3 of: lowercase, uppercase, digit, symbol (not yet)',
      'Hard to guess (strength “Strong” or better) (not yet)',
    ]);
    expect(screen.getByText('Not entered')).toBeTruthy();
  });

  it('checks length and character classes at once, strength once the estimator is loaded', () => {
    const { rerender } = render(meter('password1', { estimator: null }));
    expect(rules()).toEqual([
      'At least 8 characters (done)',
      'At least 3 of: lowercase, uppercase, digit, symbol (not yet)',
      'Hard to guess (strength “Strong” or better) (checking)',
    ]);
    rerender(meter('password1'));
    expect(rules()[2]).toBe('Hard to guess (strength “Strong” or better) (not yet)');
    expect(screen.getByText(/^(Very weak|Weak)$/)).toBeTruthy();
  });

  it('marks a strong password as meeting every rule and announces it politely', () => {
    render(meter('Granite-Otter-47'));
    expect(rules().every((rule) => rule?.endsWith('(done)'))).toBe(true);
    const live = document.querySelector('[aria-live="polite"]');
    expect(live?.textContent).toMatch(/^Password strength: (Strong|Very strong)\. 3 of 3 rules met\.$/);
  });

  it('lists the server’s “not your name or email” rule once they are known, and checks it live', () => {
    const userInputs = ['Quentin Marlowe', 'q.marlowe@example.com'];
    const { rerender } = render(meter('Tangerine-Vault-58', { userInputs }));
    expect(rules()).toEqual([
      'At least 8 characters (done)',
      'At least 3 of: lowercase, uppercase, digit, symbol (done)',
      'Doesn’t contain your name or email address (done)',
      expect.stringMatching(/^Hard to guess .*\(done\)$/),
    ]);
    // Strong to the estimator, yet built on the surname: the same verdict as the server's.
    rerender(meter('Vexillum-Marlowe-Pike-9!', { userInputs }));
    expect(rules()[2]).toBe('Doesn’t contain your name or email address (not yet)');
    expect(assess('Vexillum-Marlowe-Pike-9!', userInputs).acceptable).toBe(false);
  });

  it('treats the user’s own name as guessable and shows the estimator’s advice', () => {
    render(meter('Zyrqelwick2024!', { userInputs: ['Ada Zyrqelwick', 'ada@zyrqelwick.example'] }));
    expect(rules()[2]).toMatch(/not yet/);
    expect(screen.getAllByRole('list')).toHaveLength(2);
  });
});
