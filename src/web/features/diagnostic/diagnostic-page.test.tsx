// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QUESTIONNAIRE_V1 } from '../../../core/diagnostic/questionnaire.ts';
import { jsonResponse, LocationProbe, renderWithProviders } from '../../test/render.tsx';
import DiagnosticPage from './diagnostic-page.tsx';
import { progressKey } from './progress-storage.ts';

const key = progressKey(QUESTIONNAIRE_V1.version);
const [first, second, third] = QUESTIONNAIRE_V1.questions;

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn<typeof fetch>(async () => jsonResponse(200, { user: null })),
  );
});

afterEach(() => {
  cleanup();
  sessionStorage.clear();
  vi.unstubAllGlobals();
});

function saved(): unknown {
  return JSON.parse(sessionStorage.getItem(key) ?? 'null');
}

describe('DiagnosticPage', () => {
  it('starts on the intro, then shows one question at a time and remembers each answer', () => {
    renderWithProviders(<DiagnosticPage />, { path: '/diagnostic' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'How much do your customers trust your brand?',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Start the diagnostic' }));

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(first?.prompt);
    expect(screen.getByText('Question 1 of 8')).toBeTruthy();
    const next = screen.getByRole('button', { name: 'Next' });
    expect(next.hasAttribute('disabled')).toBe(true);

    fireEvent.click(screen.getByRole('radio', { name: first?.options[3].label }));
    expect(next.hasAttribute('disabled')).toBe(false);
    expect(saved()).toEqual({ step: 0, answers: { [first?.id ?? '']: 4 } });

    fireEvent.click(next);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(second?.prompt);
    expect(screen.getByRole('progressbar').getAttribute('aria-valuetext')).toBe('Question 2 of 8');
    expect(saved()).toEqual({ step: 1, answers: { [first?.id ?? '']: 4 } });
  });

  it('resumes where a reload left off, with earlier answers kept', () => {
    sessionStorage.setItem(
      key,
      JSON.stringify({ step: 2, answers: { [first?.id ?? '']: 2, [second?.id ?? '']: 5 } }),
    );
    renderWithProviders(<DiagnosticPage />, { path: '/diagnostic?q=3' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(third?.prompt);
    expect(screen.getByText('Question 3 of 8')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(second?.prompt);
    const chosen = screen.getByRole('radio', { name: second?.options[4].label }) as HTMLInputElement;
    expect(chosen.checked).toBe(true);
  });

  it('chooses with Enter, and moves on with Enter on the chosen answer', () => {
    sessionStorage.setItem(key, JSON.stringify({ step: 0, answers: {} }));
    renderWithProviders(<DiagnosticPage />, { path: '/diagnostic?q=1' });
    const option = screen.getByRole('radio', { name: first?.options[1].label });
    fireEvent.keyDown(option, { key: 'Enter' });
    expect((option as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(first?.prompt);
    fireEvent.keyDown(option, { key: 'Enter' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(second?.prompt);
  });

  it('puts each question in the URL and steps back through history to the intro', () => {
    renderWithProviders(
      <>
        <DiagnosticPage />
        <LocationProbe />
      </>,
      { path: '/diagnostic' },
    );
    const location = () => screen.getByTestId('location').textContent;
    fireEvent.click(screen.getByRole('button', { name: 'Start the diagnostic' }));
    expect(location()).toBe('/diagnostic?q=1');
    for (const question of [first, second, third]) {
      fireEvent.click(screen.getByRole('radio', { name: question?.options[2].label }));
      fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    }
    expect(location()).toBe('/diagnostic?q=4');

    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(location()).toBe('/diagnostic?q=3');
    expect((screen.getByRole('radio', { name: third?.options[2].label }) as HTMLInputElement).checked).toBe(
      true,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(location()).toBe('/diagnostic?q=1');
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(location()).toBe('/diagnostic');
    expect(screen.getByRole('button', { name: 'Continue where you left off' })).toBeTruthy();
  });

  it('never lets the URL skip an unanswered question', () => {
    sessionStorage.setItem(key, JSON.stringify({ step: 0, answers: { [first?.id ?? '']: 3 } }));
    renderWithProviders(<DiagnosticPage />, { path: '/diagnostic?q=6' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(second?.prompt);
  });
});
