// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AdminBeta } from '../../../core/beta/contracts.ts';
import type { AdminLeadList } from '../../../core/diagnostic/lead-admin-contracts.ts';
import { jsonResponse, stubRoutes } from '../../test/fetch-stub.ts';
import { renderWithProviders } from '../../test/render.tsx';
import AdminBetaPage from './beta-page.tsx';
import LeadsPage from './leads-page.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ratings = { easy: 0, okay: 0, hard: 0 };

describe('admin beta and leads pages', () => {
  it('shows the funnel with counts and drop-off, the cohort and the step comments', async () => {
    const overview: AdminBeta = {
      activeCount: 2,
      leftCount: 1,
      funnel: [
        { step: 'diagnostic', completed: 2, reached: 2, dropOff: 0, ratings: { ...ratings, easy: 1 } },
        { step: 'module', completed: 1, reached: 1, dropOff: 1, ratings },
      ],
      cohort: [
        {
          membershipId: '6f1d2c1e-8a3b-4c5d-9e7f-0a1b2c3d4e51',
          userId: '6f1d2c1e-8a3b-4c5d-9e7f-0a1b2c3d4e52',
          name: 'Bea Tester',
          email: 'bea@example.com',
          joinedAt: '2026-12-01T10:00:00.000Z',
          leftAt: null,
          completed: ['diagnostic'],
        },
        {
          membershipId: '6f1d2c1e-8a3b-4c5d-9e7f-0a1b2c3d4e53',
          userId: '6f1d2c1e-8a3b-4c5d-9e7f-0a1b2c3d4e54',
          name: 'Former Tester',
          email: 'former@example.com',
          joinedAt: '2026-11-01T10:00:00.000Z',
          leftAt: '2026-11-20T10:00:00.000Z',
          completed: [],
        },
      ],
      comments: [
        {
          id: '6f1d2c1e-8a3b-4c5d-9e7f-0a1b2c3d4e55',
          step: 'diagnostic',
          rating: 'easy',
          comment: 'Quick and clear.',
          email: 'bea@example.com',
          updatedAt: '2026-12-02T10:00:00.000Z',
        },
      ],
    };
    stubRoutes({ 'GET /api/admin/beta': () => jsonResponse(200, overview) });
    renderWithProviders(<AdminBetaPage />, { path: '/app/admin/beta' });
    const funnel = await screen.findByRole(
      'table',
      { name: 'The journey funnel over current beta testers' },
      { timeout: 5000 },
    );
    const moduleRow = within(funnel).getByRole('row', { name: /Start an IDEA module/ });
    expect(
      within(moduleRow)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['1', '1 (50%)', '1', 'Easy 0 · Okay 0 · Hard 0']);
    expect(screen.getByText('Not counted after leaving')).toBeTruthy();
    expect(screen.getByText('Quick and clear.')).toBeTruthy();
  });

  it('lists leads with their consent, source result and status', async () => {
    const list: AdminLeadList = {
      total: 1,
      leads: [
        {
          id: '6f1d2c1e-8a3b-4c5d-9e7f-0a1b2c3d4e56',
          email: 'lead@example.com',
          consentText: 'I agree.',
          consentedAt: '2026-12-01T10:00:00.000Z',
          sourceResultId: null,
          sourceOverallScore: null,
          reportSentAt: null,
          status: 'converted',
        },
      ],
    };
    stubRoutes({ 'GET /api/admin/leads': () => jsonResponse(200, list) });
    renderWithProviders(<LeadsPage />, { path: '/app/admin/leads' });
    const row = await screen.findByRole('row', { name: /lead@example\.com/ }, { timeout: 5000 });
    expect(within(row).getByText('Converted to an account')).toBeTruthy();
    expect(within(row).getByText('“I agree.”')).toBeTruthy();
    expect(within(row).getByText('Result deleted')).toBeTruthy();
    expect(within(row).getByRole('button', { name: 'Delete the lead lead@example.com' })).toBeTruthy();
  });
});
