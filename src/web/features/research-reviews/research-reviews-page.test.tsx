// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FindingProposal, ReviewRun } from '../../../core/research-reviews/contracts.ts';
import { bodyOf, jsonResponse, stubRoutes } from '../../test/fetch-stub.ts';
import { renderWithProviders } from '../../test/render.tsx';
import ResearchReviewsPage from './research-reviews-page.tsx';

const BRAND_ID = '0b6f4c2e-2f8a-4a4e-9c55-1f0b7d3a2c10';
const RUN_ID = '5f0c6f58-8f5e-4a53-9d0a-6b0e1d0f1a11';
const AVATAR_ID = '7a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const base = `/api/brands/${BRAND_ID}/research/reviews`;

const brand = {
  id: BRAND_ID,
  name: 'Calm Co',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const run: ReviewRun = {
  id: RUN_ID,
  brandId: BRAND_ID,
  name: '“Overpriced for what it is.” and 1 more',
  source: 'paste',
  fileName: null,
  avatarId: null,
  mapping: null,
  reviewCount: 2,
  counts: { positive: 1, negative: 1, mixed: 0, neutral: 0 },
  createdAt: '2026-12-03T18:00:00.000Z',
  notes: [],
  result: {
    counts: { positive: 1, negative: 1, mixed: 0, neutral: 0 },
    themes: [
      {
        key: 'price',
        label: 'Price and value',
        kind: 'theme',
        mentions: 1,
        positive: 0,
        negative: 1,
        neutral: 0,
        pros: [],
        cons: [{ review: 0, text: 'Overpriced for what it is.' }],
        terms: ['overpriced'],
      },
    ],
    keyPhrases: [{ phrase: 'clean scent', count: 2, polarity: 'positive' }],
    triggers: [],
    trend: [
      { month: '2025-01', count: 1, positive: 0, negative: 1, mixed: 0, neutral: 0, averageScore: -2 },
      { month: '2025-02', count: 1, positive: 1, negative: 0, mixed: 0, neutral: 0, averageScore: 2 },
    ],
    undated: 0,
    mismatches: [
      {
        review: 0,
        kind: 'high-rating-negative-text',
        rating: 5,
        label: 'negative',
        text: 'Overpriced for what it is.',
      },
    ],
    mismatchCount: 1,
    rated: 2,
    averageRating: 4.5,
  },
};

const { result: _result, notes: _notes, ...summary } = run;

const fear: FindingProposal = {
  id: 'con:price',
  finding: {
    kind: 'con',
    themeKey: 'price',
    themeLabel: 'Price and value',
    reviews: 1,
    quote: 'Overpriced for what it is.',
  },
  target: { kind: 'avatar', itemId: AVATAR_ID, list: 'fears' },
  label: 'Avatar Maya: fears',
  current: [],
  proposed: 'Paying too much for what arrives',
  baseVersion: 3,
  maxLength: 60,
};

const avatar = {
  id: AVATAR_ID,
  brandId: BRAND_ID,
  kind: 'avatar',
  version: 3,
  data: { name: 'Maya', voice: { reviews: 'Lovely.' } },
  sources: {},
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
};

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
    [`GET ${base}/runs`]: () => jsonResponse(200, { runs: saved ? [summary] : [], nextCursor: null }),
    [`POST ${base}/runs`]: () => {
      saved = true;
      return jsonResponse(201, { run });
    },
    [`GET ${base}/runs/${RUN_ID}/reviews?offset=0&limit=20`]: () =>
      jsonResponse(200, {
        reviews: [
          {
            index: 0,
            text: 'Overpriced for what it is.',
            rating: 5,
            date: '2025-01-14',
            source: 'Etsy',
            label: 'negative',
            score: -2,
            themes: ['Price and value'],
          },
        ],
        total: 1,
      }),
    [`GET /api/brands/${BRAND_ID}/collections/avatar`]: () => jsonResponse(200, { items: [avatar] }),
    [`GET ${base}/runs/${RUN_ID}/proposals?target=avatar&avatarId=${AVATAR_ID}`]: () =>
      jsonResponse(200, { proposals: [fear] }),
    ...routes,
  });
  renderWithProviders(<ResearchReviewsPage />, { path: '/app/research/reviews' });
  return fetchMock;
}

describe('review analyser page', () => {
  it('analyses pasted reviews and shows themes with quotes, the trend as a table and mismatches', async () => {
    const fetchMock = openPage();
    const field = await screen.findByLabelText('Reviews');
    fireEvent.change(field, { target: { value: 'Overpriced for what it is.\n\nLovely clean scent.' } });
    expect(screen.getByText('2 reviews found.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Analyse reviews' }));

    const results = await screen.findByRole('region', { name: run.name });
    expect(bodyOf(fetchMock, `POST ${base}/runs`)).toEqual({
      source: 'paste',
      text: 'Overpriced for what it is.\n\nLovely clean scent.',
    });
    await waitFor(() =>
      expect(document.activeElement).toBe(within(results).getByRole('heading', { level: 2 })),
    );
    const themes = within(results).getByRole('region', { name: 'Themes' });
    expect(within(themes).getByText('“Overpriced for what it is.”')).toBeTruthy();
    const trend = within(results).getByRole('region', { name: 'Sentiment over time' });
    expect(within(trend).getByRole('img').getAttribute('aria-label')).toBe(
      'Reviews per month by sentiment, Jan 2025 to Feb 2025.',
    );
    fireEvent.click(within(trend).getByRole('button', { name: 'Show as a table' }));
    expect(within(trend).getByRole('rowheader', { name: 'Feb 2025' })).toBeTruthy();
    expect(within(results).getByText('5 of 5 stars, but the text reads negative')).toBeTruthy();
    expect(await within(results).findByText('Etsy')).toBeTruthy();
  });

  it('accepts a worry as an avatar fear, and says so when the avatar changed meanwhile', async () => {
    let accepts = 0;
    const fetchMock = openPage({
      [`POST ${base}/runs/${RUN_ID}/proposals/accept`]: () => {
        accepts += 1;
        return accepts === 1
          ? jsonResponse(409, {
              error: {
                code: 'CONFLICT',
                message:
                  'This was changed since the proposal was made. Nothing was saved; the current version is attached.',
                requestId: 'req-1',
              },
            })
          : jsonResponse(200, { itemId: AVATAR_ID, version: 4, label: 'Avatar Maya: fears' });
      },
    });
    fireEvent.change(await screen.findByLabelText('Reviews'), { target: { value: 'Overpriced.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Analyse reviews' }));
    const results = await screen.findByRole('region', { name: run.name });
    const applyTo = within(results).getByLabelText('Apply to');
    await within(applyTo).findByRole('option', { name: 'Avatar: Maya (fears and desires)' });
    fireEvent.change(applyTo, { target: { value: `avatar:${AVATAR_ID}` } });
    const card = await within(results).findByTestId('finding-proposal');
    expect(within(card).getByText('Avatar Maya: fears')).toBeTruthy();
    const input = within(card).getByLabelText('Add') as HTMLInputElement;
    expect(input.value).toBe('Paying too much for what arrives');
    fireEvent.change(input, { target: { value: 'Overpaying for candles' } });
    fireEvent.click(within(card).getByRole('button', { name: /^Accept/ }));
    expect(await within(card).findByText(/changed since the proposal was made/)).toBeTruthy();
    expect(bodyOf(fetchMock, `POST ${base}/runs/${RUN_ID}/proposals/accept`)).toEqual({
      target: fear.target,
      text: 'Overpaying for candles',
      baseVersion: 3,
    });
    fireEvent.click(within(card).getByRole('button', { name: /^Accept/ }));
    expect(
      await within(results).findByText('Added “Overpaying for candles” to Avatar Maya: fears.'),
    ).toBeTruthy();
  });

  it('moves between the input tabs with the arrow keys', async () => {
    openPage();
    const paste = await screen.findByRole('tab', { name: 'Paste reviews' });
    expect(paste.getAttribute('aria-selected')).toBe('true');
    paste.focus();
    fireEvent.keyDown(paste, { key: 'ArrowRight' });
    const upload = screen.getByRole('tab', { name: 'Upload a CSV' });
    expect(upload.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(upload);
    fireEvent.keyDown(upload, { key: 'End' });
    expect(screen.getByRole('tab', { name: 'An avatar’s reviews' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    expect(await screen.findByLabelText('Avatar')).toBeTruthy();
  });
});
