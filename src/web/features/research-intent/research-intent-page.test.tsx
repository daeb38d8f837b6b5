// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IntentRun } from '../../../core/research/intent-contracts.ts';
import { bodyOf, jsonResponse, stubRoutes } from '../../test/fetch-stub.ts';
import { renderWithProviders } from '../../test/render.tsx';
import ResearchIntentPage from './research-intent-page.tsx';

const BRAND_ID = '0b6f4c2e-2f8a-4a4e-9c55-1f0b7d3a2c10';
const RUN_ID = '5f0c6f58-8f5e-4a53-9d0a-6b0e1d0f1a11';
const base = `/api/brands/${BRAND_ID}/research/intent`;

const brand = {
  id: BRAND_ID,
  name: 'Calm Co',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const run: IntentRun = {
  id: RUN_ID,
  brandId: BRAND_ID,
  name: '“uniqlo linen shirt” and 1 more',
  source: 'paste',
  fileName: null,
  industry: null,
  termCount: 2,
  totalTerms: 2,
  counts: { informational: 0, commercial: 1, transactional: 0, navigational: 1 },
  volumeLabel: null,
  hasClicks: false,
  meta: { provider: 'offline', model: 'offline-coach', promptVersion: 1, cached: false, notice: null },
  createdAt: '2026-12-03T18:00:00.000Z',
  groups: [
    {
      key: 'shirt',
      label: 'linen shirt',
      intent: 'commercial',
      counts: { informational: 0, commercial: 1, transactional: 0, navigational: 1 },
      volume: null,
      clicks: null,
      suggestion: 'Publish a “best linen shirt” buying guide for searches like “best linen shirts”.',
      terms: [
        {
          term: 'best linen shirts',
          intent: 'commercial',
          confidence: 0.95,
          reason: 'Contains “best”: the searcher is comparing options before buying.',
          volume: null,
          clicks: null,
          brand: null,
        },
        {
          term: 'uniqlo linen shirt',
          intent: 'navigational',
          confidence: 0.9,
          reason: 'Names the retailer “Uniqlo”: the searcher wants to find it at that shop.',
          volume: null,
          clicks: null,
          brand: { name: 'Uniqlo', kind: 'retailer' },
        },
      ],
    },
  ],
  strategy: ['50% of these terms are commercial: plan content for that stage first.'],
  notes: [],
  brandNames: { own: [], competitors: [] },
};

const { groups: _groups, strategy: _strategy, notes: _notes, brandNames: _names, ...summary } = run;

beforeEach(() => {
  window.localStorage.clear();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function openPage(routes: Parameters<typeof stubRoutes>[0] = {}) {
  let saved = false;
  const fetchMock = stubRoutes({
    'GET /api/brands': () => jsonResponse(200, { brands: [brand] }),
    [`GET ${base}/brand-names`]: () =>
      jsonResponse(200, { brandNames: { own: ['Calm Co'], competitors: [] }, updatedAt: null }),
    [`GET ${base}/runs`]: () => jsonResponse(200, { runs: saved ? [summary] : [], nextCursor: null }),
    [`POST ${base}/runs`]: () => {
      saved = true;
      return jsonResponse(201, { run }, { 'ratelimit-remaining': '49' });
    },
    ...routes,
  });
  renderWithProviders(<ResearchIntentPage />, { path: '/app/research/intent' });
  return fetchMock;
}

describe('buyer-intent research page', () => {
  it('classifies pasted terms and shows them grouped by theme, with reasons and what fits', async () => {
    const fetchMock = openPage();
    const terms = await screen.findByLabelText('Search terms');
    fireEvent.change(terms, {
      target: { value: 'best linen shirts\nuniqlo linen shirt\nbest linen shirts' },
    });
    expect(screen.getByText('2 terms: uses 1 of today’s coach requests.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Industry (optional)'), { target: { value: 'clothing' } });
    fireEvent.click(screen.getByRole('button', { name: 'Classify terms' }));

    const results = await screen.findByRole('region', { name: `Results: ${run.name}` });
    expect(bodyOf(fetchMock, `POST ${base}/runs`)).toEqual({
      text: 'best linen shirts\nuniqlo linen shirt\nbest linen shirts',
      industry: 'clothing',
    });
    await waitFor(() =>
      expect(document.activeElement).toBe(within(results).getByRole('heading', { level: 2 })),
    );
    const group = within(results).getByRole('region', { name: 'linen shirt' });
    expect(within(group).getByText(/buying guide/)).toBeTruthy();
    expect(
      within(group).getByText('Names the retailer “Uniqlo”: the searcher wants to find it at that shop.'),
    ).toBeTruthy();
    expect(within(group).getAllByText('Navigational')).toHaveLength(1);
    expect(within(results).getByText(/Offline coach$/)).toBeTruthy();
    // The new run is in the saved list.
    const saved = await screen.findByTestId('saved-run');
    expect(
      within(saved)
        .getByRole('button', { name: `Open ${run.name}` })
        .getAttribute('aria-pressed'),
    ).toBe('true');
  });

  it('shows the server’s reason next to the field when a paste is refused', async () => {
    openPage({
      [`POST ${base}/runs`]: () =>
        jsonResponse(400, {
          error: {
            code: 'VALIDATION_FAILED',
            message: 'Paste at least one search term, one per line.',
            requestId: 'req-1',
            details: [{ path: 'body.text', message: 'Paste at least one search term, one per line.' }],
          },
        }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Classify terms' }));
    const field = screen.getByLabelText('Search terms');
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Paste at least one search term, one per line.')).toBeTruthy();
  });

  it('edits the brand-name list, one name per line', async () => {
    const fetchMock = openPage({
      [`PUT ${base}/brand-names`]: () =>
        jsonResponse(200, {
          brandNames: { own: ['Calm Co', 'Linen Lane'], competitors: ['Glow'] },
          updatedAt: '2026-12-03T18:00:00.000Z',
        }),
    });
    const own = await screen.findByLabelText('Your brand names');
    await waitFor(() => expect((own as HTMLTextAreaElement).value).toBe('Calm Co'));
    fireEvent.change(own, { target: { value: 'Calm Co\n\n Linen Lane ' } });
    fireEvent.change(screen.getByLabelText('Competitor names'), { target: { value: 'Glow' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save brand names' }));
    expect(await screen.findByText('Saved. New runs use these names.')).toBeTruthy();
    expect(bodyOf(fetchMock, `PUT ${base}/brand-names`)).toEqual({
      own: ['Calm Co', 'Linen Lane'],
      competitors: ['Glow'],
    });
  });
});
