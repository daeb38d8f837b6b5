// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DiagnosticResult } from '../../../core/diagnostic/contracts.ts';
import { AVAILABLE_WORKSPACE_PATHS } from '../../../core/navigation/workspace-areas.ts';
import { stubRoutes } from '../../test/fetch-stub.ts';
import { jsonResponse, renderWithProviders } from '../../test/render.tsx';
import { ResultsView } from './results-view.tsx';

// The widget is browser-only code; these tests are about what the page says.
vi.mock('../../kit/proof-of-work/load-altcha.ts', () => ({}));

afterEach(() => {
  cleanup();
  for (const area of Object.keys(AVAILABLE_WORKSPACE_PATHS)) {
    delete AVAILABLE_WORKSPACE_PATHS[area as keyof typeof AVAILABLE_WORKSPACE_PATHS];
  }
});

// Insight 88, Distinctive 38, Empathetic 50, Authentic 13: overall 47 (Developing).
const result: DiagnosticResult = {
  id: '0f8fad5b-d9cb-469f-a165-70867728950e',
  questionnaireVersion: 1,
  answers: {},
  scores: {
    overall: 47,
    overallBand: 'developing',
    dimensions: {
      insight: { score: 88, band: 'strong' },
      distinctive: { score: 38, band: 'needs-attention' },
      empathetic: { score: 50, band: 'developing' },
      authentic: { score: 13, band: 'needs-attention' },
    },
  },
  saved: false,
  brandId: null,
  createdAt: '2026-03-01T10:00:00.000Z',
};

function rowTexts(table: HTMLElement): string[][] {
  return [...table.querySelectorAll('tr')].map((row) =>
    [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? ''),
  );
}

function whereToStart(): HTMLElement {
  const heading = screen.getByRole('heading', { level: 2, name: 'Where to start' });
  const card = heading.closest('div.rounded-2xl');
  if (!(card instanceof HTMLElement)) throw new Error('no card around “Where to start”');
  return card;
}

describe('ResultsView', () => {
  it('gives the chart a real table alternative with every score and band', () => {
    renderWithProviders(<ResultsView result={result} signedIn={false} />);
    const table = screen.getByRole('table', { name: 'Your scores by dimension' });
    expect(table.querySelector('caption')?.textContent).toBe('Your scores by dimension');
    expect(rowTexts(table)).toEqual([
      ['Dimension', 'Score out of 100', 'Band'],
      ['Insight-driven', '88', 'Strong'],
      ['Distinctive', '38', 'Needs attention'],
      ['Empathetic', '50', 'Developing'],
      ['Authentic', '13', 'Needs attention'],
      ['Overall', '47', 'Developing'],
    ]);
  });

  it('lists the actions for the weakest dimensions as plain text while no workspace page exists', () => {
    renderWithProviders(<ResultsView result={result} signedIn={false} />);
    const section = whereToStart();
    // Authentic (13) is weakest and Distinctive (38) is not within 10 points, so one focus dimension.
    expect(
      within(section)
        .getAllByRole('heading', { level: 3 })
        .map((heading) => heading.textContent),
    ).toEqual(['Authentic: 13Needs attention']);
    expect(within(section).getByText(/Write down three values/)).toBeTruthy();
    expect(within(section).queryAllByRole('link')).toEqual([]);
  });

  it('links an action once its workspace page exists', () => {
    AVAILABLE_WORKSPACE_PATHS['authentic-module'] = '/app/idea/authentic';
    renderWithProviders(<ResultsView result={result} signedIn={false} />);
    const links = within(whereToStart()).getAllByRole('link', { name: 'Open Authentic module' });
    expect(links.length).toBeGreaterThan(0);
    expect(links[0]?.getAttribute('href')).toBe('/app/idea/authentic');
  });

  it('offers anonymous viewers an account to keep the results, and signed-in viewers their brand’s dashboard', async () => {
    renderWithProviders(<ResultsView result={result} signedIn={false} />);
    expect(screen.getByText(/Create a free account to save these results and track progress/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Create a free account' }).getAttribute('href')).toBe(
      '/auth/sign-up?next=/app',
    );
    cleanup();
    const brandId = '22222222-2222-4222-8222-222222222222';
    stubRoutes({
      'GET /api/brands': () =>
        jsonResponse(200, {
          brands: [
            { id: '11111111-1111-4111-8111-111111111111', name: 'First Shop' },
            { id: brandId, name: 'Second Shop' },
          ].map((brand) => ({ ...brand, createdAt: result.createdAt, updatedAt: result.createdAt })),
        }),
    });
    renderWithProviders(<ResultsView result={{ ...result, saved: true, brandId }} signedIn />);
    expect(screen.queryByRole('link', { name: 'Create a free account' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Go to your dashboard' }).getAttribute('href')).toBe('/app');
    // The result says which brand it was taken for.
    expect((await screen.findByText(/^Taken for/, {}, { timeout: 5000 })).textContent).toContain(
      'Taken for Second Shop: its dashboard',
    );
    vi.unstubAllGlobals();
  });

  it('links the PDF report as a download', () => {
    renderWithProviders(<ResultsView result={result} signedIn={false} />);
    const link = screen.getByRole('link', { name: 'Download PDF report' });
    expect(link.getAttribute('href')).toBe(`/api/diagnostic/results/${result.id}/report.pdf`);
    expect(link.hasAttribute('download')).toBe(true);
  });

  it('puts the lead form together: consent text, hidden honeypot, verification', async () => {
    renderWithProviders(<ResultsView result={result} signedIn={false} />);
    const consent = await screen.findByRole('checkbox', {
      name: /I agree that IDEA Brand Coach may email me/,
    });
    expect(consent).toBeTruthy();
    const honeypot = document.querySelector<HTMLInputElement>('input[name="website"]');
    expect(honeypot?.tabIndex).toBe(-1);
    expect(honeypot?.getAttribute('autocomplete')).toBe('off');
    expect(honeypot?.closest('[aria-hidden="true"]')).not.toBeNull();
    expect(screen.getByRole('group', { name: 'Quick check that you’re a person' })).toBeTruthy();
  });
});
