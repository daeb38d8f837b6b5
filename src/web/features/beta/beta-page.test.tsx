// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BetaStatus } from '../../../core/beta/contracts.ts';
import { BETA_STEPS, CURRENT_BETA_CONSENT } from '../../../core/beta/journey.ts';
import { bodyOf, jsonResponse, stubRoutes } from '../../test/fetch-stub.ts';
import { renderWithProviders } from '../../test/render.tsx';
import BetaPage from './beta-page.tsx';

const NOT_A_MEMBER: BetaStatus = { membership: null, journey: [] };
const MEMBER: BetaStatus = {
  membership: {
    joinedAt: '2026-12-01T10:00:00.000Z',
    consentText: CURRENT_BETA_CONSENT.text,
    textVersion: CURRENT_BETA_CONSENT.version,
  },
  journey: BETA_STEPS.map((step) => ({
    step,
    done: step === 'diagnostic',
    feedback: null,
  })),
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the beta page', () => {
  it('joins only with the box ticked, sending the version of the words it showed', async () => {
    const fetchMock = stubRoutes({
      'GET /api/beta': () => jsonResponse(200, NOT_A_MEMBER),
      'POST /api/beta/membership': () => jsonResponse(200, MEMBER),
    });
    renderWithProviders(<BetaPage />, { path: '/beta' });
    const join = await screen.findByRole('button', { name: 'Join the beta' }, { timeout: 5000 });
    fireEvent.click(join);
    expect(await screen.findByText('Tick the box to agree to the beta programme.')).toBeTruthy();
    expect(bodyOf(fetchMock, 'POST /api/beta/membership')).toBeUndefined();

    fireEvent.click(screen.getByRole('checkbox', { name: CURRENT_BETA_CONSENT.text }));
    fireEvent.click(join);
    expect(await screen.findByText('1 of 7 steps done.', {}, { timeout: 5000 })).toBeTruthy();
    expect(bodyOf(fetchMock, 'POST /api/beta/membership')).toEqual({
      consent: true,
      textVersion: CURRENT_BETA_CONSENT.version,
    });
  });

  it('shows each step as the server derived it, with where to do it and a short question', async () => {
    const fetchMock = stubRoutes({
      'GET /api/beta': () => jsonResponse(200, MEMBER),
      'PUT /api/beta/steps/module/feedback': () =>
        jsonResponse(200, {
          ...MEMBER,
          journey: MEMBER.journey.map((step) =>
            step.step === 'module'
              ? {
                  ...step,
                  feedback: {
                    rating: 'hard',
                    comment: 'Where do I start?',
                    updatedAt: '2026-12-02T10:00:00.000Z',
                  },
                }
              : step,
          ),
        }),
    });
    renderWithProviders(<BetaPage />, { path: '/beta' });
    expect(
      await screen.findByRole('heading', { name: 'Take the diagnostic (done)' }, { timeout: 5000 }),
    ).toBeTruthy();
    const moduleStep = screen
      .getByRole('heading', { name: 'Start an IDEA module (not done yet)' })
      .closest('li');
    if (!moduleStep) throw new Error('no module step');
    expect(within(moduleStep).getByRole('link', { name: 'Open the IDEA modules' }).getAttribute('href')).toBe(
      '/app/idea',
    );
    const send = within(moduleStep).getByRole('button', { name: 'Send my answer' }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    fireEvent.click(within(moduleStep).getByRole('radio', { name: 'Hard' }));
    fireEvent.change(within(moduleStep).getByLabelText('Anything to add? (optional)'), {
      target: { value: 'Where do I start?' },
    });
    fireEvent.click(send);
    expect(await within(moduleStep).findByText('Thank you — your answer is saved.')).toBeTruthy();
    expect(bodyOf(fetchMock, 'PUT /api/beta/steps/module/feedback')).toEqual({
      rating: 'hard',
      comment: 'Where do I start?',
    });
    expect(within(moduleStep).getByText('You said: Hard')).toBeTruthy();
  });
});
